// Shared helpers for Hamkke's browser tests (node --test + playwright-core + Debian chromium + axe-core).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = resolve(here, '..', '..');
export const BASE_URL = (process.env.HAMKKE_URL || 'http://127.0.0.1:8181').replace(/\/$/, '');
export const CHROMIUM = process.env.HAMKKE_CHROMIUM || '/usr/bin/chromium';
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const TITLE_SUFFIX = '- 함께서울';

/** Paths of the app; override with env if routes change. */
export const PATHS = {
  signIn: process.env.HAMKKE_SIGNIN_PATH || '/signin',
  signUp: process.env.HAMKKE_SIGNUP_PATH || '/signup',
  verify: '/verify',
  account: '/account',
};

/** True when an app URL was given; app journeys skip otherwise (the style guide still runs). */
export const APP = Boolean(process.env.HAMKKE_URL);
export const SKIP_APP = APP ? false : 'HAMKKE_URL not set';

/**
 * Demo accounts, one per role (see the project README): tests/demo-users.json, or
 * HAMKKE_DEMO_USERS='[{"role":"ADMIN","email":…,"password":…}]'.
 */
export const DEMO_USERS = process.env.HAMKKE_DEMO_USERS
  ? JSON.parse(process.env.HAMKKE_DEMO_USERS)
  : (existsSync(join(here, 'demo-users.json')) ? JSON.parse(readFileSync(join(here, 'demo-users.json'), 'utf8')) : []);

export const url = (path) => (/^https?:/.test(path) ? path : BASE_URL + (path.startsWith('/') ? path : '/' + path));

// Chromium flags that work on this machine's closed network (see .library machines doc).
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Starts Debian's chromium with a fresh, empty user-data dir. Returns { browser, close }.
 * A persistent context is used so the profile dir is ours and removed on close.
 */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'hamkke-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1280, height: 900 },
    // axe is injected with addScriptTag, which the app's CSP (rightly) blocks; inline scripts
    // are checked for separately in checkPageBasics.
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (err) => { page._hamkkeErrors = [...(page._hamkkeErrors || []), String(err)]; });
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fresh cookie jar for a new user without restarting chromium. */
export async function clearSession(browser) {
  await browser.context.clearCookies();
}

// ---- accessibility ------------------------------------------------------------------------------

function formatViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 8).map((n) =>
      `      - ${n.target.join(' ')}\n        ${n.html.replace(/\s+/g, ' ').slice(0, 200)}\n        ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300)}`);
    const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : '';
    return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl.replace(/\?.*$/, '')}\n${nodes.join('\n')}${more}`;
  }).join('\n');
}

/** Runs axe-core (WCAG 2.0–2.2 A/AA tags) on the page; fails with a readable list of violations. */
export async function checkA11y(page, { label = '', exclude = [] } = {}) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async ({ tags, exclude }) => {
    const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
    const r = await window.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })),
    }));
  }, { tags: AXE_TAGS, exclude });
  const where = label || page.url();
  assert.equal(results.length, 0,
    `axe found ${results.length} violation type(s) on ${where}:\n${formatViolations(results)}`);
}

// ---- page basics ----------------------------------------------------------------------------------

const seenTitles = new Map(); // title -> path, to check titles are unique across a test file

/** Resets focus to the start of the document, as if the page had just loaded. */
export async function focusDocumentStart(page) {
  await page.evaluate(() => {
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    const b = document.body;
    b.setAttribute('tabindex', '-1');
    b.focus();
    b.removeAttribute('tabindex');
    window.getSelection()?.removeAllRanges();
  });
}

/** True when the page scrolls horizontally at the current viewport. */
export async function hasHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Elements wider than the viewport, for a readable failure message. */
async function overflowingElements(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && r.width > 0) {
        // skip elements inside a scroll container (e.g. .table-wrap)
        let p = el.parentElement; let contained = false;
        while (p && p !== document.body) {
          const ox = getComputedStyle(p).overflowX;
          if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') { contained = true; break; }
          p = p.parentElement;
        }
        if (!contained) out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} right=${Math.round(r.right)}`);
      }
      if (out.length >= 8) break;
    }
    return out;
  });
}

/**
 * Checks what axe cannot: html lang, one h1, one main, skip link first and pointing at main, a unique
 * title ending in "- 함께서울", and no horizontal scrolling at 320 CSS px.
 */
export async function checkPageBasics(page, { uniqueTitle = true } = {}) {
  const where = page.url();
  const facts = await page.evaluate(() => {
    const tabbable = [...document.querySelectorAll(
      'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex], summary, iframe, [contenteditable=""], [contenteditable="true"]')]
      .filter((el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0 &&
        getComputedStyle(el).visibility !== 'hidden');
    const first = tabbable[0];
    const mains = document.querySelectorAll('main, [role="main"]');
    return {
      lang: document.documentElement.getAttribute('lang'),
      h1s: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
      mains: mains.length,
      mainId: mains[0]?.id || null,
      title: document.title.trim(),
      inlineScripts: [...document.querySelectorAll('script:not([src])')]
        .filter((s) => !s.type || /javascript|module/.test(s.type)).length,
      inlineHandlers: [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/.test(a.name)).map((a) => `${el.tagName.toLowerCase()}[${a.name}]`)),
      firstFocusable: first ? { html: first.outerHTML.slice(0, 160), isSkip: first.classList.contains('skip-link'), href: first.getAttribute('href') } : null,
    };
  });
  assert.match(facts.lang || '', /^(ko|en)(-|$)/, `${where}: <html lang> must be ko or en, got "${facts.lang}"`);
  assert.equal(facts.h1s.length, 1, `${where}: expected exactly one <h1>, got ${facts.h1s.length}: ${JSON.stringify(facts.h1s)}`);
  assert.ok(facts.h1s[0].length > 0, `${where}: <h1> is empty`);
  assert.equal(facts.mains, 1, `${where}: expected exactly one <main>, got ${facts.mains}`);
  assert.ok(facts.title.length > TITLE_SUFFIX.length, `${where}: empty <title>`);
  assert.ok(facts.title.endsWith(TITLE_SUFFIX), `${where}: title "${facts.title}" must end with "${TITLE_SUFFIX}"`);
  assert.ok(facts.firstFocusable, `${where}: no focusable element`);
  assert.ok(facts.firstFocusable.isSkip, `${where}: first focusable element must be the .skip-link, got ${facts.firstFocusable.html}`);
  assert.ok(facts.mainId, `${where}: <main> needs an id for the skip link`);
  assert.equal(facts.firstFocusable.href, `#${facts.mainId}`, `${where}: skip link must target #${facts.mainId}`);

  assert.equal(facts.inlineScripts, 0, `${where}: inline <script> found (the CSP forbids them)`);
  assert.deepEqual(facts.inlineHandlers, [], `${where}: inline event handlers found (the CSP forbids them)`);

  if (uniqueTitle) {
    const path = new URL(where).pathname;
    const previous = seenTitles.get(facts.title);
    assert.ok(!previous || previous === path, `${where}: title "${facts.title}" is also used by ${previous}`);
    seenTitles.set(facts.title, path);
  }

  // Keyboard: the first Tab lands on the skip link, which becomes visible.
  await focusDocumentStart(page);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return { isSkip: el.classList.contains('skip-link'), visible: r.bottom > 0 && r.top >= 0 && r.width > 0 && r.height > 0 };
  });
  assert.ok(skip.isSkip, `${where}: the first Tab must focus the skip link`);
  assert.ok(skip.visible, `${where}: the skip link must be visible when focused`);
  await focusDocumentStart(page);

  await assertNoHorizontalScrollAt(page, 320);
  return facts;
}

/** Resizes to `width` CSS px, asserts no horizontal scroll, then restores the viewport. */
export async function assertNoHorizontalScrollAt(page, width = 320) {
  const original = page.viewportSize();
  await page.setViewportSize({ width, height: 800 });
  try {
    const scrolls = await hasHorizontalScroll(page);
    const culprits = scrolls ? await overflowingElements(page) : [];
    assert.ok(!scrolls, `${page.url()}: horizontal scrolling at ${width}px; too wide: ${culprits.join(', ')}`);
  } finally {
    if (original) await page.setViewportSize(original);
  }
}

// ---- journeys -----------------------------------------------------------------------------------

/** Goes to a path and returns the HTTP status. */
export async function visit(page, path) {
  const response = await page.goto(url(path), { waitUntil: 'load' });
  return response ? response.status() : 0;
}

/** Signs in through the real sign-in form (fills the fields, submits with Enter). */
export async function signIn(page, email, password) {
  await visit(page, PATHS.signIn);
  await page.locator('input#email, input[type="email"], input[name="username"]').first().fill(email);
  const passwordField = page.locator('input[type="password"]').first();
  await passwordField.fill(password);
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), passwordField.press('Enter')]);
  assert.ok(response && response.status() < 400, `sign-in as ${email} failed: HTTP ${response?.status()} on ${page.url()}`);
  assert.equal(await page.locator('input[type="password"]').count(), 0,
    `sign-in as ${email} failed: still on ${page.url()}`);
  assert.ok(await page.locator('form[action$="/signout"]').count() > 0,
    `sign-in as ${email}: no sign-out button on ${page.url()}`);
}

/** Signs out with the layout's POST /signout button, then drops any cookies left. */
export async function signOut(page, browser) {
  const button = page.locator('form[action$="/signout"] button, form[action*="logout"] button').first();
  if (await button.count()) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }).catch(() => {}), button.click()]);
  }
  if (browser) await clearSession(browser);
}

let counter = 0;
/** A new, unique citizen (valid for the sign-up form's rules). */
export function newCitizen(prefix = 'ui') {
  const id = `${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  return { email: `${prefix}-${id}@test.hamkke.kr`, nickname: `${prefix}${id}`.slice(0, 30), password: `Hamkke-${id}-pw!` };
}

/** Registers a citizen through the real sign-up form; returns the response status of the submit. */
export async function signUp(page, citizen = newCitizen()) {
  await visit(page, PATHS.signUp);
  await page.fill('#email', citizen.email);
  await page.fill('#nickname', citizen.nickname);
  await page.fill('#password', citizen.password);
  await page.fill('#passwordConfirm', citizen.password);
  if (await page.locator('#agree').count()) await page.check('#agree');
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('form[action$="/signup"] button[type="submit"]').click(),
  ]);
  const chain = [];
  for (let r = response.request(); r; r = r.redirectedFrom()) chain.unshift(r);
  const firstStatus = (await chain[0].response())?.status();
  assert.ok(firstStatus === 303 || firstStatus === 302, `sign-up of ${citizen.email} failed: HTTP ${firstStatus} on ${page.url()}`);
  // If the app does not sign new accounts in, sign in through the form.
  if (!(await page.locator('form[action$="/signout"]').count())) await signIn(page, citizen.email, citizen.password);
  return { citizen, status: response.status(), firstStatus };
}

/**
 * After an invalid submit: 422, title starting "오류: ", focused error summary whose links each lead
 * to a field that is aria-invalid and described by a visible message. Returns the linked field ids.
 */
export async function checkInvalidForm(page, response, { label = page.url() } = {}) {
  if (response) assert.equal(response.status(), 422, `${label}: invalid submit must answer 422, got ${response.status()}`);
  const title = await page.title();
  assert.ok(title.startsWith('오류: '), `${label}: title must start with "오류: ", got "${title}"`);
  const facts = await page.evaluate(() => {
    const summary = document.querySelector('.error-summary, .krds-error-summary, [data-error-summary]');
    if (!summary) return null;
    const links = [...summary.querySelectorAll('a[href^="#"]')].map((a) => {
      const id = decodeURIComponent(a.getAttribute('href').slice(1));
      const el = document.getElementById(id);
      const holder = el && (el.matches('input[type="radio"], input[type="checkbox"]') ? el.closest('fieldset') || el : el);
      const describedBy = [el, holder].filter(Boolean).flatMap((x) => (x.getAttribute('aria-describedby') || '').split(/\s+/)).filter(Boolean);
      const messages = describedBy.map((d) => document.getElementById(d)).filter(Boolean)
        .filter((m) => m.classList.contains('form-error') || m.id.endsWith('-error'))
        .map((m) => m.textContent.trim());
      return {
        id, text: a.textContent.trim(), exists: Boolean(el),
        tag: el ? el.tagName.toLowerCase() : null,
        type: el ? el.getAttribute('type') : null,
        invalid: el ? el.getAttribute('aria-invalid') : null,
        describedBy, messages,
        labelled: el ? Boolean(el.labels && el.labels.length) || el.hasAttribute('aria-label') : false,
      };
    });
    return {
      focused: document.activeElement === summary,
      hasHeading: Boolean(summary.querySelector('h2')),
      links,
    };
  });
  assert.ok(facts, `${label}: no error summary`);
  assert.ok(facts.focused, `${label}: the error summary must have focus after load`);
  assert.ok(facts.hasHeading, `${label}: the error summary needs an <h2>`);
  assert.ok(facts.links.length > 0, `${label}: the error summary lists no links`);
  for (const l of facts.links) {
    assert.ok(l.exists, `${label}: summary link "${l.text}" points at #${l.id}, which does not exist`);
    assert.ok(l.labelled, `${label}: field #${l.id} has no label`);
    if (!['radio', 'checkbox'].includes(l.type)) {
      assert.equal(l.invalid, 'true', `${label}: field #${l.id} must have aria-invalid="true"`);
    }
    assert.ok(l.messages.length > 0 && l.messages.every((m) => m.length > 0),
      `${label}: field #${l.id} must be aria-describedby its error message (describedby: ${l.describedBy.join(' ') || 'none'})`);
  }
  // and the other way round: every aria-invalid field is listed in the summary
  const invalidIds = await page.evaluate(() => [...document.querySelectorAll('[aria-invalid="true"]')].map((e) => e.id));
  const linked = new Set(facts.links.map((l) => l.id));
  for (const id of invalidIds) assert.ok(linked.has(id), `${label}: #${id} is aria-invalid but not in the error summary`);
  return facts.links.map((l) => l.id);
}

/** Submits the form containing `selector` by clicking it; returns the final response. */
export async function submitWith(page, selector) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator(selector).first().click(),
  ]);
  return response;
}

/** Saves a full-page screenshot to target/screenshots/<name>.png (relative to the repo root). */
export async function screenshot(page, name) {
  const dir = join(REPO_ROOT, 'target', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Same-origin links of the site navigation (and header), as absolute URLs without fragments. */
export async function navLinks(page) {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll('.site-header a[href], nav a[href], .site-footer a[href]')]
      .map((a) => a.href));
  const origin = new URL(BASE_URL).origin;
  return [...new Set(hrefs
    .map((h) => { const u = new URL(h); u.hash = ''; return u; })
    .filter((u) => u.origin === origin && !/logout|signout|sign-out/.test(u.pathname))
    .map((u) => u.toString()))];
}

/** Fails when the page threw uncaught JavaScript errors. */
export function assertNoPageErrors(page) {
  assert.deepEqual(page._hamkkeErrors || [], [], `${page.url()}: JavaScript errors`);
}
