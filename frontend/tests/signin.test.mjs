// Journey: a citizen signs in with the keyboard only, and sees a useful error for wrong details.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  checkA11y, checkInvalidForm, checkPageBasics, clearSession, focusDocumentStart, launchBrowser,
  PATHS, screenshot, signOut, signUp, SKIP_APP, submitWith, visit,
} from './lib.mjs';

describe('sign-in', { skip: SKIP_APP }, () => {
  let browser; let citizen;
  before(async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    ({ citizen } = await signUp(page));
    await signOut(page, browser);
    await page.close();
  });
  after(async () => { await browser?.close(); });

  test('sign-in page: basics and axe', async () => {
    const page = await browser.newPage();
    assert.equal(await visit(page, PATHS.signIn), 200);
    await checkPageBasics(page);
    await checkA11y(page, { label: 'sign-in' });
    await screenshot(page, 'signin');
    await page.close();
  });

  test('wrong password: 422, error summary, fields wired', async () => {
    const page = await browser.newPage();
    await visit(page, PATHS.signIn);
    await page.fill('#email', citizen.email);
    await page.fill('#password', 'not-the-password');
    const response = await submitWith(page, 'form[action$="/signin"] button[type="submit"]');
    await checkInvalidForm(page, response, { label: 'sign-in (wrong password)' });
    await checkPageBasics(page);
    await checkA11y(page, { label: 'sign-in (wrong password)' });
    await screenshot(page, 'signin-error');
    await page.close();
  });

  test('keyboard only: Tab to the fields, type, Enter', async () => {
    await clearSession(browser);
    const page = await browser.newPage();
    await visit(page, PATHS.signIn);
    await focusDocumentStart(page);
    const active = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    let steps = 0;
    while ((await active()) !== 'email' && steps++ < 40) await page.keyboard.press('Tab');
    assert.equal(await active(), 'email', 'Tab never reached the e-mail field');
    await page.keyboard.type(citizen.email);
    await page.keyboard.press('Tab');
    assert.equal(await active(), 'password', 'Tab after e-mail must reach the password field');
    await page.keyboard.type(citizen.password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname === PATHS.signIn, false, `still on ${page.url()}`);
    const signedIn = await page.locator(`a[href="${PATHS.account}"]`).count();
    assert.ok(signedIn > 0, 'after sign-in the header links to the account page');
    await checkPageBasics(page);
    await checkA11y(page, { label: 'after sign-in' });
    await screenshot(page, 'signed-in-home');
    await signOut(page);
    assert.equal(await page.locator(`a[href="${PATHS.signIn}"]`).count() > 0, true, 'after sign-out the header offers sign-in');
    await page.close();
  });

  test('a page that needs an account sends the visitor to sign-in and back', async () => {
    await clearSession(browser);
    const page = await browser.newPage();
    await visit(page, PATHS.account);
    assert.equal(new URL(page.url()).pathname, PATHS.signIn);
    await page.fill('#email', citizen.email);
    await page.fill('#password', citizen.password);
    await submitWith(page, 'form[action$="/signin"] button[type="submit"]');
    assert.equal(new URL(page.url()).pathname, PATHS.account);
    await checkPageBasics(page);
    await checkA11y(page, { label: 'account' });
    await screenshot(page, 'account');
    await page.close();
  });
});
