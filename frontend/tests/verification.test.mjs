// Journey: a signed-in citizen opens identity verification, makes mistakes, then asks for a code.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  checkA11y, checkInvalidForm, checkPageBasics, launchBrowser, PATHS, screenshot, signUp, SKIP_APP,
  submitWith, visit,
} from './lib.mjs';

describe('verification', { skip: SKIP_APP }, () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    await signUp(page); // signs in as a new, unverified citizen
    await page.close();
  });
  after(async () => { await browser?.close(); });

  test('verification page: basics and axe', async () => {
    const page = await browser.newPage();
    assert.equal(await visit(page, PATHS.verify), 200);
    await checkPageBasics(page);
    await checkA11y(page, { label: 'verify' });
    await screenshot(page, 'verify');
    await page.close();
  });

  test('phone form, empty: 422 with summary and wired fields', async () => {
    const page = await browser.newPage();
    await visit(page, PATHS.verify);
    const response = await submitWith(page, 'form[action$="/verify/phone"] button[type="submit"]');
    const ids = await checkInvalidForm(page, response, { label: 'verify phone (empty)' });
    assert.ok(ids.includes('name'), `expected a name error, got ${ids}`);
    await checkPageBasics(page);
    await checkA11y(page, { label: 'verify phone (empty)' });
    await screenshot(page, 'verify-phone-errors');
    await page.close();
  });

  test('census form, empty: 422 with summary and wired fields', async () => {
    const page = await browser.newPage();
    await visit(page, PATHS.verify);
    const response = await submitWith(page, 'form[action$="/verify/census"] button[type="submit"]');
    await checkInvalidForm(page, response, { label: 'verify census (empty)' });
    await checkA11y(page, { label: 'verify census (empty)' });
    await page.close();
  });

  test('valid phone details lead to the code page; a wrong code is explained', async () => {
    const page = await browser.newPage();
    await visit(page, PATHS.verify);
    await page.fill('#name', '홍길동');
    await page.fill('#birthDate', '1990-05-17');
    await page.check('input[name="gender"][value="F"]');
    await page.fill('#phone', `010${String(Date.now()).slice(-8)}`);
    await page.selectOption('#guCode', { index: 1 });
    const response = await submitWith(page, 'form[action$="/verify/phone"] button[type="submit"]');
    assert.equal(response.status(), 200, `phone submit ended on ${response.status()} ${page.url()}`);
    assert.equal(new URL(page.url()).pathname, '/verify/code');
    await checkPageBasics(page);
    await checkA11y(page, { label: 'verify code' });
    await screenshot(page, 'verify-code');
    const field = page.locator('form[action$="/verify/code"] input:not([type="hidden"])').first();
    await field.fill('000000');
    const wrong = await submitWith(page, 'form[action$="/verify/code"] button[type="submit"]');
    await checkInvalidForm(page, wrong, { label: 'verify code (wrong)' });
    await checkA11y(page, { label: 'verify code (wrong)' });
    await page.close();
  });
});
