// Journey: a visitor opens the home page (Korean and English), on a phone and a desktop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoPageErrors, checkA11y, checkPageBasics, launchBrowser, screenshot, SKIP_APP, visit } from './lib.mjs';

describe('home page', { skip: SKIP_APP }, () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('basics, axe, screenshots at desktop and 320px', async () => {
    const page = await browser.newPage();
    assert.equal(await visit(page, '/'), 200);
    await page.evaluate(() => document.fonts.ready);
    await checkPageBasics(page);
    await checkA11y(page, { label: 'home' });
    await screenshot(page, 'home-desktop');
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, 'home-320');
    assertNoPageErrors(page);
    await page.close();
  });

  test('high-contrast mode (prefers-contrast: more) passes axe', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ contrast: 'more' });
    await visit(page, '/');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(0, 0, 0)');
    await checkA11y(page, { label: 'home (high contrast)' });
    await screenshot(page, 'home-high-contrast');
    await page.close();
  });

  test('assets load from the app itself', async () => {
    const page = await browser.newPage();
    const foreign = [];
    const failed = [];
    page.on('request', (r) => { if (!r.url().startsWith(new URL(page.url() || 'http://x').origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await visit(page, '/');
    foreign.length = 0; // the first request is made before page.url() is known
    await page.reload({ waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    assert.deepEqual(foreign, [], 'requests outside the app');
    assert.deepEqual(failed, [], 'failed requests');
    const css = await page.evaluate(() => ({
      size: getComputedStyle(document.body).fontSize,
      font: document.fonts.check('400 17px "Pretendard GOV"', '함께'),
    }));
    assert.equal(css.size, '17px', 'hamkke.css must be applied (body text 17px)');
    assert.ok(css.font, 'Pretendard GOV must be loaded');
    await page.close();
  });

  test('English version via the language switch', async (t) => {
    const page = await browser.newPage();
    await visit(page, '/');
    const toEnglish = page.locator('form[action$="/language"] button[lang="en"]');
    if (!(await toEnglish.count())) { t.skip('no language switch'); await page.close(); return; }
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), toEnglish.click()]);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await checkA11y(page, { label: 'home (en)' });
    await screenshot(page, 'home-en');
    // back to Korean for the other tests sharing this profile
    const toKorean = page.locator('form[action$="/language"] button[lang="ko"]');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), toKorean.click()]);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
    await page.close();
  });
});
