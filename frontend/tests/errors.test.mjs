// Journey: a visitor follows a dead link (404) and a citizen tries a staff page (403).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkA11y, checkPageBasics, launchBrowser, screenshot, signUp, SKIP_APP, visit } from './lib.mjs';

describe('error pages', { skip: SKIP_APP }, () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('404: helpful page, basics, axe', async () => {
    const page = await browser.newPage();
    assert.equal(await visit(page, '/no-such-page-hamkke'), 404);
    await checkPageBasics(page);
    await checkA11y(page, { label: '404' });
    assert.ok(await page.locator('main a[href="/"]').count() > 0, 'the 404 page links home');
    await screenshot(page, 'error-404');
    await page.close();
  });

  test('403: a signed-in citizen on an admin page', async () => {
    const page = await browser.newPage();
    await signUp(page);
    const status = await visit(page, process.env.HAMKKE_FORBIDDEN_PATH || '/admin/roles');
    assert.equal(status, 403);
    await checkPageBasics(page);
    await checkA11y(page, { label: '403' });
    await screenshot(page, 'error-403');
    await page.close();
  });
});
