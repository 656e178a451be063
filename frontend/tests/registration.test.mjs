// Journey: a visitor registers; first with mistakes (422 + error summary), then correctly (303 + notice).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  checkA11y, checkInvalidForm, checkPageBasics, clearSession, launchBrowser, newCitizen, PATHS,
  screenshot, SKIP_APP, submitWith, visit,
} from './lib.mjs';

const SUBMIT = 'form[action$="/signup"] button[type="submit"]';

describe('registration', { skip: SKIP_APP }, () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('sign-up page: basics and axe', async () => {
    const page = await browser.newPage();
    assert.equal(await visit(page, PATHS.signUp), 200);
    await checkPageBasics(page);
    await checkA11y(page, { label: 'sign-up' });
    await screenshot(page, 'signup');
    await page.close();
  });

  test('empty submit: 422, every field in the summary', async () => {
    const page = await browser.newPage();
    await visit(page, PATHS.signUp);
    const response = await submitWith(page, SUBMIT);
    const ids = await checkInvalidForm(page, response, { label: 'sign-up (empty)' });
    for (const id of ['email', 'nickname', 'password']) assert.ok(ids.includes(id), `#${id} missing from the error summary`);
    await checkPageBasics(page);
    await checkA11y(page, { label: 'sign-up (empty)' });
    await screenshot(page, 'signup-errors');
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, 'signup-errors-320');
    await page.emulateMedia({ contrast: 'more' });
    await checkA11y(page, { label: 'sign-up (empty, high contrast)' });
    await screenshot(page, 'signup-errors-high-contrast');
    await page.close();
  });

  test('invalid values keep what was typed and link to the fields', async () => {
    const page = await browser.newPage();
    await visit(page, PATHS.signUp);
    await page.fill('#email', 'not-an-email');
    await page.fill('#nickname', 'ok nick');
    await page.fill('#password', 'short');
    await page.fill('#passwordConfirm', 'different');
    const response = await submitWith(page, SUBMIT);
    const ids = await checkInvalidForm(page, response, { label: 'sign-up (invalid)' });
    assert.ok(ids.includes('email') && ids.includes('password'), `expected email and password errors, got ${ids}`);
    assert.equal(await page.inputValue('#email'), 'not-an-email', 'the typed e-mail is kept');
    assert.equal(await page.inputValue('#password'), '', 'passwords are never sent back');
    // following a summary link moves focus to the field
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), ids[0]);
    await checkA11y(page, { label: 'sign-up (invalid)' });
    await page.close();
  });

  test('valid submit: 303 to the next page with a notice', async () => {
    await clearSession(browser);
    const page = await browser.newPage();
    const citizen = newCitizen('reg');
    await visit(page, PATHS.signUp);
    await page.fill('#email', citizen.email);
    await page.fill('#nickname', citizen.nickname);
    await page.fill('#password', citizen.password);
    await page.fill('#passwordConfirm', citizen.password);
    if (await page.locator('#agree').count()) await page.check('#agree');
    const response = await submitWith(page, SUBMIT);
    const redirect = response.request().redirectedFrom();
    assert.ok(redirect, 'a successful sign-up must redirect');
    assert.equal((await redirect.response()).status(), 303);
    assert.equal(response.status(), 200);
    const notice = page.locator('.notice[role="status"], .notice-success');
    assert.ok(await notice.count() > 0, 'the next page shows a notice');
    await checkPageBasics(page);
    await checkA11y(page, { label: 'after sign-up' });
    await screenshot(page, 'signup-done');

    // the same e-mail again is refused with a field error
    await clearSession(browser);
    await visit(page, PATHS.signUp);
    await page.fill('#email', citizen.email);
    await page.fill('#nickname', `${citizen.nickname.slice(0, 26)}x2`);
    await page.fill('#password', citizen.password);
    await page.fill('#passwordConfirm', citizen.password);
    if (await page.locator('#agree').count()) await page.check('#agree');
    const again = await submitWith(page, SUBMIT);
    const ids = await checkInvalidForm(page, again, { label: 'sign-up (duplicate e-mail)' });
    assert.ok(ids.includes('email'), 'duplicate e-mail is reported on #email');
    await page.close();
  });
});
