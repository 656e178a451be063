// Journey: an admin finds an account and looks at its roles; staff pages pass the page checks and axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkA11y, checkPageBasics, DEMO_USERS, launchBrowser, screenshot, signIn, SKIP_APP, visit } from './lib.mjs';

const admin = DEMO_USERS.find((u) => u.role === 'ADMIN');

describe('admin: roles', { skip: SKIP_APP || (!admin && 'no ADMIN demo user') }, () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('search for an account, see its grants', async () => {
    const page = await browser.newPage();
    await signIn(page, admin.email, admin.password);
    assert.equal(await visit(page, '/admin/roles'), 200);
    await page.fill('#q', 'moderator@hamkke.kr');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.press('#q', 'Enter')]);
    assert.ok(await page.locator('main section.card, main table').count() > 0, 'search shows accounts');
    await checkPageBasics(page);
    await checkA11y(page, { label: 'admin roles (results)' });
    await screenshot(page, 'admin-roles-results');
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, 'admin-roles-results-320');
    await page.close();
  });
});
