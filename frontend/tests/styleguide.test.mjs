// The CSS/JS contract on its own: builds the assets into a temp dir, serves a page that uses every
// contract class, and checks it with axe (light and high contrast), at 320px, and by keyboard.
// Needs no running app, so it also guards frontend/ changes before the server exists.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertNoHorizontalScrollAt, checkA11y, checkPageBasics, launchBrowser, screenshot } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const TYPES = { '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml', '.html': 'text/html; charset=utf-8' };

let server; let base; let out; let browser;
let expiresInSeconds = 3600;

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'hamkke-assets-'));
  execFileSync(process.execPath, [join(here, '..', 'build.mjs'), out], { stdio: 'pipe' });
  const page = readFileSync(join(here, 'fixtures', 'styleguide.html'), 'utf8');
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path.startsWith('/assets/')) {
      const file = normalize(join(out, path.slice('/assets/'.length)));
      if (file.startsWith(out) && existsSync(file)) {
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
        res.end(readFileSync(file));
        return;
      }
    }
    if (path === '/session/extend') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ expiresAt: new Date(Date.now() + 3600_000).toISOString() }));
      return;
    }
    if (path === '/styleguide') {
      const expires = new Date(Date.now() + expiresInSeconds * 1000).toISOString();
      res.writeHead(200, {
        'Content-Type': TYPES['.html'],
        // the app's CSP: no inline scripts or styles, nothing from elsewhere
        'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'",
      });
      res.end(page.replace('{{TITLE}}', '구성 요소').replace('{{EXPIRES}}', expires));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('built assets', () => {
  test('hamkke.css references nothing outside the app and declares Pretendard GOV 400 and 700', () => {
    const css = readFileSync(join(out, 'css', 'hamkke.css'), 'utf8');
    assert.doesNotMatch(css, /https?:/);
    assert.match(css, /@font-face[^}]*font-weight: 400[^}]*PretendardGOV-Regular[^}]*woff2/);
    assert.match(css, /@font-face[^}]*font-weight: 700[^}]*PretendardGOV-Bold[^}]*woff2/);
    assert.match(css, /--krds-color-light-primary-50: #256ef4/);
    for (const m of css.matchAll(/url\("?([^")]+)"?\)/g)) {
      if (m[1].startsWith('data:')) continue;
      assert.ok(existsSync(join(out, 'css', m[1])), `missing local file for url(${m[1]})`);
    }
    assert.ok(existsSync(join(out, 'js', 'app.js')));
  });
});

describe('style guide page', () => {
  test('light mode: page basics, axe, 320px, error summary focus', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/styleguide`);
    await page.evaluate(() => document.fonts.ready);
    const focused = await page.evaluate(() => document.activeElement.matches('.error-summary'));
    assert.ok(focused, 'error summary must have focus after load');
    const font = await page.evaluate(() => ({
      size: getComputedStyle(document.body).fontSize,
      wordBreak: getComputedStyle(document.body).wordBreak,
      loaded: document.fonts.check('700 17px "Pretendard GOV"', '함께'),
      primary: getComputedStyle(document.querySelector('.btn-primary')).backgroundColor,
    }));
    assert.equal(font.size, '17px');
    assert.equal(font.wordBreak, 'keep-all');
    assert.ok(font.loaded, 'Pretendard GOV must load from the local fonts');
    assert.equal(font.primary, 'rgb(37, 110, 244)');
    await checkPageBasics(page);
    await checkA11y(page, { label: 'styleguide (light)' });
    await screenshot(page, 'styleguide-desktop');
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, 'styleguide-320');
    await page.close();
  });

  test('200% zoom (640px at 2x) has no horizontal scroll', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/styleguide`);
    await assertNoHorizontalScrollAt(page, 640);
    await page.close();
  });

  test('high-contrast mode passes axe', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/styleguide`);
    await page.keyboard.press('Tab'); // leave the error summary, as a user would
    await page.getByRole('button', { name: '고대비 화면' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'high-contrast');
    assert.equal(await page.getByRole('button', { name: '고대비 화면' }).getAttribute('aria-pressed'), 'true');
    await checkA11y(page, { label: 'styleguide (high contrast)' });
    await screenshot(page, 'styleguide-high-contrast');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  test('prefers-contrast: more also switches to high contrast', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ contrast: 'more' });
    await page.goto(`${base}/styleguide`);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(0, 0, 0)');
    await checkA11y(page, { label: 'styleguide (prefers-contrast)' });
    await page.close();
  });

  test('error summary links focus their fields', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/styleguide`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'email');
    await page.close();
  });

  test('basket counter announces the count, total and limit', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/styleguide`);
    const counter = page.locator('[data-basket-count]');
    assert.equal(await counter.getAttribute('aria-live'), 'polite');
    assert.match(await counter.textContent(), /선택한 사업 0개/);
    await page.locator('#p1').focus();
    await page.keyboard.press('Space');
    assert.match(await counter.textContent(), /선택한 사업 1개.*합계 120,000,000원/);
    await page.check('#p2');
    await page.check('#p3');
    assert.match(await counter.textContent(), /최대 2개까지/);
    assert.ok(await counter.evaluate((el) => el.classList.contains('is-over')));
    await checkA11y(page, { label: 'styleguide (basket over limit)' });
    await page.close();
  });

  test('data-confirm asks before acting', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/styleguide`);
    const messages = [];
    page.on('dialog', (d) => { messages.push(d.message()); d.dismiss(); });
    await page.click('#delete');
    assert.deepEqual(messages, ['정말 삭제할까요?']);
    await page.close();
  });

  test('session warning appears before expiry and can be extended', async () => {
    expiresInSeconds = 27; // warn-seconds is 25 in the fixture, so the warning shows within ~2 s
    const page = await browser.newPage();
    await page.goto(`${base}/styleguide`);
    const warning = page.locator('.session-warning');
    await warning.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await warning.getAttribute('role'), 'alert');
    assert.match(await warning.textContent(), /로그인이 .*초 뒤에 끝납니다/);
    await checkA11y(page, { label: 'styleguide (session warning)' });
    await screenshot(page, 'styleguide-session-warning');
    await page.getByRole('link', { name: '로그인 시간 연장' }).click();
    await warning.waitFor({ state: 'hidden' });
    expiresInSeconds = 3600;
    await page.close();
  });
});
