// Journeys: 민주주의 서울 proposals (docs/PROPOSALS.md).
//  1. A verified citizen writes a proposal by keyboard on a phone-sized screen (invalid submit first),
//     a moderator publishes it, 50 demo citizens support it through the JSON API, staff assign RECYCLE,
//     the RECYCLE reviewer publishes an answer, the citizen sees it and a notification.
//  2. Forums: a position on the open demo forum; the mayor's answer on the forum awaiting it.
//  3. The agenda group picks a proposal (우수제안) with a reason.
//  4. 오늘의 공론장, a Korean search, a city question with its chart and table.
//  5. Attachments: a refused (spoofed) file with its error summary, then an image and a PDF shown on the
//     proposal page, served with nosniff and a sandboxing policy.
//  6. 테마토론: a moderator posts candidate topics (invalid submit first), a citizen votes by keyboard.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASE_URL, checkA11y, checkInvalidForm, checkPageBasics, clearSession, DEMO_USERS, launchBrowser,
  screenshot, signIn, SKIP_APP, visit,
} from './lib.mjs';

const PASSWORD = 'hamkke-demo-1234';
const user = (role, fallback) => DEMO_USERS.find((u) => u.role === role) || { email: fallback, password: PASSWORD };
const CITIZEN = user('VERIFIED_CITIZEN', 'citizen@hamkke.kr');
const MODERATOR = user('MODERATOR', 'moderator@hamkke.kr');
const REVIEWER = user('DEPT_REVIEWER', 'reviewer@hamkke.kr');
const MAYOR = user('DEPT_REVIEWER_MAYOR', 'mayor@hamkke.kr');
const AGENDA = user('AGENDA_GROUP', 'agenda@hamkke.kr');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** checkPageBasics + axe (+ optional screenshot) for the page as it is now. */
async function audit(page, label, shot) {
  await checkPageBasics(page);
  await checkA11y(page, { label });
  if (shot) await screenshot(page, shot);
}

/** Runs `action` and waits for the navigation it causes; returns the final response. */
async function navigating(page, action) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
  return response;
}

/** Presses Tab until `selector` has focus (max `limit` presses); fails otherwise. */
async function tabTo(page, selector, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach ${selector} with Tab on ${page.url()}`);
}

async function as(browser, page, who) {
  await clearSession(browser);
  await signIn(page, who.email, who.password);
}

/** Bearer token from POST /login (Micronaut security). */
async function token(email, password = PASSWORD) {
  const r = await fetch(`${BASE_URL}/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: email, password }),
  });
  assert.equal(r.status, 200, `POST /login as ${email}: ${r.status}`);
  return (await r.json()).access_token;
}

async function api(path, { method = 'GET', bearer, body } = {}) {
  const headers = { accept: 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(BASE_URL + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: r.status, json, text };
}

describe('proposals', { skip: SKIP_APP }, () => {
  let browser;
  let page;
  const title = `동네 공유 우산 대여함 설치 ${Date.now().toString(36)}`;
  let proposalId;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  after(async () => { await browser?.close(); });

  test('citizen writes a proposal by keyboard on a phone (invalid submit first)', async () => {
    await page.setViewportSize(PHONE);
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, '/proposals/new'), 200);
    await audit(page, 'proposal form', 'proposals-new-phone');

    // Invalid submit: Enter on the submit button with nothing filled in.
    await page.locator('main form button[type="submit"]').focus();
    const bad = await navigating(page, () => page.keyboard.press('Enter'));
    const ids = await checkInvalidForm(page, bad, { label: 'proposal form (empty)' });
    assert.ok(ids.includes('title') && ids.includes('body'), `expected title and body errors, got ${ids}`);
    await audit(page, 'proposal form (errors)', 'proposals-new-errors-phone');
    // The summary's first link moves focus to its field.
    await page.keyboard.press('Tab');
    const firstLink = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    assert.ok(firstLink && firstLink.startsWith('#'), `Tab from the summary should reach its first link, got ${firstLink}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement?.id === id, firstLink.slice(1));

    // Fill everything by keyboard.
    await page.locator('#title').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(title);
    await tabTo(page, '#body');
    await page.keyboard.type('비 오는 날 지하철역 앞에 공유 우산 대여함을 두면 일회용 우산 비닐 쓰레기가 줄어듭니다. 반납은 아무 역에서나 할 수 있게 해 주세요.');
    await tabTo(page, '#category');
    await page.keyboard.press('ArrowDown');
    if (!(await page.locator('#category').inputValue())) await page.selectOption('#category', { index: 1 });
    assert.ok(await page.locator('#category').inputValue(), 'a category is chosen');
    await tabTo(page, '#submit');
    if (!(await page.locator('#submit').isChecked())) await page.keyboard.press('Space');
    assert.ok(await page.locator('#submit').isChecked(), '바로 제출하기 checked by Space');
    await tabTo(page, 'main form button[type="submit"]');
    const ok = await navigating(page, () => page.keyboard.press('Enter'));
    assert.ok(ok.status() < 400, `proposal submit: HTTP ${ok.status()} on ${page.url()}`);
    const m = new URL(page.url()).pathname.match(/^\/proposals\/(\d+)$/);
    assert.ok(m, `after submit expected /proposals/{id}, got ${page.url()}`);
    proposalId = Number(m[1]);
    assert.equal((await page.locator('h1').textContent()).trim(), title);
    await audit(page, 'proposal (submitted)', 'proposals-submitted-phone');

    assert.equal(await visit(page, '/proposals/mine'), 200);
    assert.ok(await page.getByText(title).count(), 'the proposal is in 내 제안');
    await audit(page, 'my proposals');
    await page.setViewportSize(DESKTOP);
  });

  test('moderator publishes it from the screening queue', async () => {
    assert.ok(proposalId, 'needs the proposal from the previous step');
    await as(browser, page, MODERATOR);
    assert.equal(await visit(page, '/staff/proposals/screening'), 200);
    await audit(page, 'screening', 'proposals-screening');
    const card = page.locator('section.card', { has: page.locator(`a[href="/proposals/${proposalId}"]`) });
    assert.equal(await card.count(), 1, 'the new proposal waits in screening');
    const r = await navigating(page, () => card.locator('form[action$="/publish"] button[type="submit"]').click());
    assert.ok(r.status() < 400, `publish: HTTP ${r.status()}`);
    await audit(page, 'after publish');
    const detail = await api(`/api/proposals/${proposalId}`);
    assert.equal(detail.json?.status, 'PUBLISHED', `status after publish: ${detail.text.slice(0, 300)}`);
  });

  test('50 demo citizens support it through the API → department review', async () => {
    assert.ok(proposalId);
    let count = (await api(`/api/proposals/${proposalId}`)).json.supportCount;
    for (let i = 1; i <= 80 && count < 50; i++) {
      const email = `citizen${String(i).padStart(3, '0')}@demo.hamkke.kr`;
      const r = await api(`/api/proposals/${proposalId}/support`, { method: 'POST', bearer: await token(email) });
      if (r.status === 201) count = r.json.supportCount;
      else assert.ok([403, 409].includes(r.status), `support by ${email}: ${r.status} ${r.text.slice(0, 200)}`);
    }
    assert.equal(count, 50, 'reached the review threshold');
    const detail = (await api(`/api/proposals/${proposalId}`)).json;
    assert.equal(detail.status, 'UNDER_REVIEW', `status at 50 supports: ${detail.status}`);

    await page.setViewportSize(PHONE);
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, `/proposals/${proposalId}`), 200);
    assert.match(await page.locator('main').textContent(), /공감 50명/);
    await audit(page, 'proposal under review', 'proposals-under-review-phone');
    await page.setViewportSize(DESKTOP);
  });

  test('staff assign RECYCLE; the reviewer publishes an answer', async () => {
    assert.ok(proposalId);
    await as(browser, page, MODERATOR);
    assert.equal(await visit(page, '/staff/proposals/review'), 200);
    await audit(page, 'review queue (moderator)', 'proposals-review-queue');
    const assign = page.locator(`form[action="/staff/proposals/${proposalId}/assign"]`);
    assert.equal(await assign.count(), 1, 'the proposal is in the review queue');
    await assign.locator('select').selectOption('RECYCLE');
    const r = await navigating(page, () => assign.locator('button[type="submit"]').click());
    assert.ok(r.status() < 400, `assign: HTTP ${r.status()}`);
    await audit(page, 'after assign');

    await as(browser, page, REVIEWER);
    assert.equal(await visit(page, '/staff/proposals/review'), 200);
    await audit(page, 'review queue (reviewer)');
    const link = page.locator(`a[href="/staff/proposals/${proposalId}/answer"]`);
    assert.equal(await link.count(), 1, 'the reviewer sees an answer link');
    await navigating(page, () => link.click());
    await audit(page, 'answer form', 'proposals-answer-form');
    await page.check('#o-ACCEPTED').catch(async () => { await page.locator('input[name="outcome"]').first().check(); });
    await page.fill('#body', '자원순환과에서 검토한 결과 지하철역 10곳에 공유 우산 대여함을 시범 설치하겠습니다. 내년 상반기에 설치를 마칠 예정입니다.');
    const pub = await navigating(page, () => page.locator('button[name="publish"][value="true"]').click());
    assert.ok(pub.status() < 400, `publish answer: HTTP ${pub.status()} on ${page.url()}`);
    await audit(page, 'after answer');
    assert.equal((await api(`/api/proposals/${proposalId}`)).json.status, 'ANSWERED');
  });

  test('the citizen sees the answer on the public page (phone)', async () => {
    assert.ok(proposalId);
    await page.setViewportSize(PHONE);
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, `/proposals/${proposalId}`), 200);
    assert.equal(await page.locator('#answer-title').count(), 1, 'the answer section is shown');
    await audit(page, 'answered proposal', 'proposals-answered-phone');
    await page.setViewportSize(DESKTOP);
  });

  test('the citizen sees a notification about the answer (phone)', async () => {
    assert.ok(proposalId);
    await page.setViewportSize(PHONE);
    page.setDefaultNavigationTimeout(10_000);
    try {
      assert.equal(await visit(page, '/notifications'), 200);
    } finally { page.setDefaultNavigationTimeout(30_000); }
    assert.ok(await page.locator('main').getByText(title, { exact: false }).count() > 0
      || /답변/.test(await page.locator('main').textContent()), 'a notification about the answer');
    await audit(page, 'notifications', 'notifications-phone');
    await page.setViewportSize(DESKTOP);
  });

  test('forum: a verified citizen takes a position (phone)', async () => {
    await page.setViewportSize(PHONE);
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, '/forums'), 200);
    await audit(page, 'forums', 'forums-phone');
    const link = page.locator('main a', { hasText: '거주자우선주차장 공유' }).first();
    assert.ok(await link.count(), 'the open demo forum is listed');
    await navigating(page, () => link.click());
    await audit(page, 'open forum', 'forum-open-phone');
    await page.locator('#pos-PRO').focus();
    await page.keyboard.press('Space');
    const r = await navigating(page, () => page.locator('form[action$="/position"] button[type="submit"]').click());
    assert.ok(r.status() < 400, `position: HTTP ${r.status()}`);
    assert.ok(await page.locator('#pos-PRO').isChecked(), 'my position is shown');
    await audit(page, 'forum after position');
    await page.setViewportSize(DESKTOP);
  });

  test("forum: the mayor's office answers the forum awaiting it", async () => {
    await as(browser, page, MAYOR);
    const forums = (await api('/api/forums?status=AWAITING_MAYOR')).json;
    const list = Array.isArray(forums) ? forums : (forums?.items || []);
    let id = list[0]?.id;
    if (!id) { // already answered by an earlier run
      const answered = (await api('/api/forums?status=MAYOR_ANSWERED')).json;
      id = (Array.isArray(answered) ? answered : answered?.items || [])[0]?.id;
    }
    assert.ok(id, 'a demo forum awaiting (or with) the mayor\'s answer');
    assert.equal(await visit(page, `/forums/${id}`), 200);
    await audit(page, 'forum awaiting mayor', 'forum-mayor');
    if (await page.locator('#mayor-body').count()) {
      await page.fill('#mayor-body', '시민 여러분의 의견을 반영해 미세먼지 시즌제를 내년 겨울부터 확대 시행하겠습니다.');
      const r = await navigating(page, () => page.locator('form[action$="/mayor-answer"] button[type="submit"]').click());
      assert.ok(r.status() < 400, `mayor answer: HTTP ${r.status()}`);
      await audit(page, 'forum with mayor answer', 'forum-mayor-answered');
    }
    assert.match(await page.locator('section[aria-labelledby="mayor-title"]').textContent(), /시즌제|.{20,}/);
  });

  test('the agenda group picks a proposal (우수제안) with a reason', async () => {
    await as(browser, page, AGENDA);
    assert.equal(await visit(page, '/staff/proposals/agenda'), 200);
    await audit(page, 'agenda', 'proposals-agenda');
    const card = page.locator('main section.card').first();
    assert.ok(await card.count(), 'a proposal can be picked');
    const href = await card.locator('h2 a').getAttribute('href');
    await card.locator('input[type="date"]').fill(new Date(Date.now() - 86400000).toISOString().slice(0, 10));
    await card.locator('input[name="membersPresent"]').fill('9');
    await card.locator('textarea[name="reason"]').fill('시민 생활과 밀접하고 여러 자치구에 적용할 수 있어 우수제안으로 선정합니다.');
    const r = await navigating(page, () => card.locator('button[type="submit"]').click());
    assert.ok(r.status() < 400, `pick: HTTP ${r.status()} on ${page.url()}`);
    await audit(page, 'after pick');
    assert.equal(await visit(page, href), 200);
    assert.match(await page.locator('main').textContent(), /우수제안/);
    await audit(page, 'picked proposal', 'proposals-picked');
  });

  test('오늘의 공론장, a Korean search and a city question with chart and table', async () => {
    await clearSession(browser);
    assert.equal(await visit(page, '/participate'), 200);
    await audit(page, 'participate', 'participate');

    assert.equal(await visit(page, '/proposals'), 200);
    await audit(page, 'proposals list', 'proposals-list');
    const q = page.locator('main input[name="q"]');
    await q.fill('공유');
    await navigating(page, () => q.press('Enter'));
    assert.equal(new URL(page.url()).searchParams.get('q'), '공유');
    const text = await page.locator('main').textContent();
    assert.match(text, /공유 킥보드/, 'the search finds 공유 킥보드');
    await audit(page, 'proposals search 공유', 'proposals-search');

    assert.equal(await visit(page, '/city-questions'), 200);
    await audit(page, 'city questions', 'city-questions');
    const links = await page.locator('main a[href^="/city-questions/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    let found = false;
    for (const href of links) {
      await visit(page, href);
      if (await page.locator('main svg').count()) { found = true; break; }
    }
    assert.ok(found, 'a city question with a results chart');
    const svg = page.locator('main svg').first();
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.ok(await page.locator('main table caption').count(), 'the chart is followed by a data table');
    await audit(page, 'city question results', 'city-question-chart');
  });
});

// 1x1 PNG and a minimal PDF; an HTML page named like a PDF is the spoofed file.
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF_MIN = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'ascii');
const HTML_AS_PDF = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>', 'utf8');

/** datetime-local value in Seoul time, `days` from now. */
function seoulLocal(days) {
  const d = new Date(Date.now() + days * 86400000 + 9 * 3600000);
  return d.toISOString().slice(0, 16);
}

describe('proposal attachments and 테마토론', { skip: SKIP_APP }, () => {
  let browser;
  let page;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  after(async () => { await browser?.close(); });

  test('attachments: a spoofed PDF is refused, an image and a PDF are shown and served safely', async () => {
    const created = await api('/api/proposals', {
      method: 'POST', bearer: await token(CITIZEN.email, CITIZEN.password),
      body: { title: `첨부 사진이 있는 제안 ${Date.now().toString(36)}`, body: '횡단보도 앞 사진과 설치 계획서를 첨부합니다. 현장을 보시면 위험을 알 수 있습니다.', category: 'SAFETY' },
    });
    assert.equal(created.status, 201, created.text.slice(0, 300));
    const id = created.json.id;
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, `/proposals/${id}/attachments`), 200);
    await audit(page, 'attachments (empty)', 'proposals-attachments');

    await page.setInputFiles('#file', { name: 'report.pdf', mimeType: 'application/pdf', buffer: HTML_AS_PDF });
    await page.fill('#description', '보고서');
    const bad = await navigating(page, () => page.locator('main form[enctype="multipart/form-data"] button[type="submit"]').click());
    const ids = await checkInvalidForm(page, bad, { label: 'attachment (spoofed pdf)' });
    assert.deepEqual(ids, ['file']);
    await audit(page, 'attachments (spoofed pdf refused)', 'proposals-attachments-error');

    await page.setInputFiles('#file', { name: '현장 사진.png', mimeType: 'image/png', buffer: PNG_1PX });
    await page.fill('#description', '횡단보도 앞 현장 사진');
    let r = await navigating(page, () => page.locator('main form[enctype="multipart/form-data"] button[type="submit"]').click());
    assert.ok(r.status() < 400, `image upload: HTTP ${r.status()}`);
    await page.setInputFiles('#file', { name: '설치 계획서.pdf', mimeType: 'application/pdf', buffer: PDF_MIN });
    await page.fill('#description', '설치 계획서');
    r = await navigating(page, () => page.locator('main form[enctype="multipart/form-data"] button[type="submit"]').click());
    assert.ok(r.status() < 400, `pdf upload: HTTP ${r.status()}`);
    assert.equal(await page.locator('main .attachment-list li').count(), 2);
    await audit(page, 'attachments (two files)');

    assert.equal(await visit(page, `/proposals/${id}`), 200);
    const img = page.locator('main .attachments img');
    assert.equal(await img.getAttribute('alt'), '횡단보도 앞 현장 사진');
    assert.ok(await page.locator('main .attachments a', { hasText: '설치 계획서' }).count(), 'the PDF is linked by its description');
    await audit(page, 'proposal with attachments', 'proposals-with-attachments');

    // The author (signed in) fetches the files of the draft: types from the bytes, nosniff, sandbox.
    const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const src = await img.getAttribute('src');
    const image = await fetch(BASE_URL + src, { headers: { cookie: cookies } });
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.equal(image.headers.get('x-content-type-options'), 'nosniff');
    assert.match(image.headers.get('content-security-policy'), /sandbox/);
    const pdfHref = await page.locator('main .attachments a', { hasText: '설치 계획서' }).getAttribute('href');
    const pdf = await fetch(BASE_URL + pdfHref, { headers: { cookie: cookies } });
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition'), /^attachment;/);
    // A draft's files are not public.
    assert.equal((await fetch(BASE_URL + src)).status, 404);
  });

  test('테마토론: a moderator posts candidate topics, a citizen votes by keyboard', async () => {
    await as(browser, page, MODERATOR);
    assert.equal(await visit(page, '/staff/themes'), 200);
    await audit(page, 'staff themes', 'themes-staff');
    const submit = page.locator('main form[action="/staff/themes"] button[type="submit"]');
    const bad = await navigating(page, () => submit.click());
    await checkInvalidForm(page, bad, { label: 'theme form (empty)' });
    await audit(page, 'staff themes (errors)', 'themes-staff-errors');

    const title = `시민이 고르는 토론 주제 ${Date.now().toString(36)}`;
    await page.fill('#title', title);
    await page.fill('#description', '두 후보 가운데 토론할 주제를 골라 주세요.');
    await page.fill('#opensAt', seoulLocal(-1));
    await page.fill('#closesAt', seoulLocal(7));
    await page.fill('#topicTitle1', '동네 소음 기준');
    await page.fill('#topicBackground1', '주거지역 야간 소음 기준을 토론합니다.');
    await page.fill('#topicTitle2', '골목 쓰레기 배출 시간');
    await page.fill('#topicBackground2', '골목 쓰레기 배출 시간과 장소를 토론합니다.');
    const ok = await navigating(page, () => submit.click());
    assert.ok(ok.status() < 400, `create theme: HTTP ${ok.status()} on ${page.url()}`);
    const m = new URL(page.url()).pathname.match(/^\/themes\/(\d+)$/);
    assert.ok(m, `after create expected /themes/{id}, got ${page.url()}`);
    const themeId = m[1];

    await page.setViewportSize(PHONE);
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, '/themes'), 200);
    await audit(page, 'themes', 'themes-phone');
    assert.equal(await visit(page, `/themes/${themeId}`), 200);
    await audit(page, 'theme vote', 'theme-vote-phone');
    const radio = page.locator('main input[name="topic"]').nth(1);
    await radio.focus();
    await page.keyboard.press('Space');
    assert.ok(await radio.isChecked(), 'topic chosen with Space');
    await tabTo(page, 'main form[action$="/vote"] button[type="submit"]');
    const voted = await navigating(page, () => page.keyboard.press('Enter'));
    assert.ok(voted.status() < 400, `vote: HTTP ${voted.status()}`);
    assert.match(await page.locator('main').textContent(), /투표했습니다/);
    await audit(page, 'theme after vote');
    const api1 = await api(`/api/themes/${themeId}`);
    assert.equal(api1.json.theme.participantCount, 1);
    await page.setViewportSize(DESKTOP);

    assert.equal(await visit(page, '/participate'), 200);
    assert.ok(await page.locator(`main a[href="/themes/${themeId}"]`).count(), '오늘의 공론장 lists the open vote');
  });
});
