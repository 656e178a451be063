// Journeys: 서울시민회의 (docs/ASSEMBLY.md), the "Done when" path on a fresh one-seat cycle.
//  1. Staff open a cycle, add a 사전학습 material and publish SHA-256(secret) while recruiting.
//  2. A verified citizen applies (invalid submit first).
//  3. Staff freeze the pool, draw with the beacon and the secret; the draw page publishes everything.
//  4. The selected citizen accepts the invitation and completes 사전학습 (the materials page).
//  5. Staff open meeting 1 with a table; the member posts a PRO point in the table thread; outsiders get 403;
//     the facilitator takes attendance and forwards a draft; the member amends it, votes, the facilitator closes
//     the vote (accepted, revision 2); staff make the member 위원장.
//  6. Plenary: the member votes, staff close it, the RECYCLE reviewer responds.
//  7. The public sees adopted proposals and responses (this cycle's and the 2021 demo cycle's).
//  8. Survey panel: staff ask the live demo cycle a question, panel@ answers once, outsiders cannot, staff close it
//     and the results (SVG chart + table) are public; the facilitator's table-members page.
// axe-core and the page basics run on every page visited.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  checkA11y, checkInvalidForm, checkPageBasics, clearSession, DEMO_USERS, launchBrowser, screenshot, signIn, SKIP_APP, visit,
} from './lib.mjs';

const PASSWORD = 'hamkke-demo-1234';
const user = (role, fallback) => DEMO_USERS.find((u) => u.role === role) || { email: fallback, password: PASSWORD };
const ADMIN = user('ADMIN', 'admin@hamkke.kr');
const CITIZEN = user('VERIFIED_CITIZEN', 'citizen@hamkke.kr');
const REVIEWER = user('DEPT_REVIEWER', 'reviewer@hamkke.kr');
const FACILITATOR = user('FACILITATOR', 'facilitator@hamkke.kr');
const PANEL = user('PANEL_MEMBER', 'panel@hamkke.kr');
const NEWBIE = user('UNVERIFIED_CITIZEN', 'newbie@hamkke.kr');

const stamp = Date.now().toString(36);
const CYCLE_NAME = `브라우저 시민회의 ${stamp}`;
const SECRET = `browser-secret-${stamp}`;
const BEACON = `2026-11-21 #1199: 3,11,19,24,36,41 +7`;
const DRAFT_TITLE = `동네 폭염 쉼터 지도 ${stamp}`;
const AMENDED_TEXT = '자치구별 폭염 쉼터와 그늘막 위치를 한 지도에 모아 공개하고, 정류장마다 QR 안내판을 붙입니다.';
const RESPONSE_TEXT = '자원순환과와 기후환경본부가 함께 검토하여 내년 여름 전에 폭염 쉼터 지도를 시범 운영하겠습니다.';
const SURVEY_QUESTION = `정류장 그늘막은 어디에 먼저 필요할까요? ${stamp}`;
const QUOTAS = 'seats,1\nreserves,0\nage_band_set,STANDARD_7\ndimension,category,min,max,priority_seats\n';

/** Seoul's business date, as the app sees it. */
function seoulDate(offsetDays = 0) {
  const d = new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function audit(page, label, shot, { uniqueTitle = true } = {}) {
  await checkPageBasics(page, { uniqueTitle });
  await checkA11y(page, { label });
  if (shot) await screenshot(page, shot);
}

async function navigating(page, action) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
  return response;
}

async function submit(page, formSelector, label) {
  const r = await navigating(page, () => page.locator(`${formSelector} button[type="submit"]`).first().click());
  assert.ok(r.status() < 400, `${label}: HTTP ${r.status()} on ${page.url()}`);
  return r;
}

async function as(browser, page, who) {
  await clearSession(browser);
  await signIn(page, who.email, who.password);
}

describe('citizens\' assembly', { skip: SKIP_APP }, () => {
  let browser;
  let page;
  let cycleId;
  let tableId;
  let meetingId;
  let pbLink;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('dialog', (d) => d.accept()); // data-confirm buttons (freeze, close plenary)
  });
  after(async () => { await browser?.close(); });

  const staffPage = async (label, shot) => {
    assert.equal(await visit(page, `/staff/assembly/${cycleId}`), 200);
    if (label) await audit(page, label, shot);
  };
  const advance = async (label) => submit(page, `form[action="/staff/assembly/${cycleId}/advance"]`, `advance (${label})`);

  test('staff open a cycle, add a 사전학습 material and publish the seed hash', async () => {
    await as(browser, page, ADMIN);
    assert.equal(await visit(page, '/staff/assembly'), 200);
    await audit(page, 'staff cycles', 'assembly-staff-index');
    await page.fill('#name', CYCLE_NAME);
    await page.fill('#seats', '1');
    await page.fill('#reserveSeats', '0');
    await page.fill('#recruitOpens', seoulDate(-1));
    await page.fill('#recruitCloses', seoulDate(10));
    await page.fill('#agendas', '동네 기후 적응');
    await page.fill('#quotaCsv', QUOTAS);
    await submit(page, 'form[action="/staff/assembly/cycles"]', 'create cycle');
    const m = new URL(page.url()).pathname.match(/^\/staff\/assembly\/(\d+)$/);
    assert.ok(m, `after create expected /staff/assembly/{id}, got ${page.url()}`);
    cycleId = Number(m[1]);
    await audit(page, 'staff cycle (planning)', 'assembly-staff-cycle-planning');

    await page.fill('#mat-title', '시민회의 안내서');
    await page.fill('#mat-body', '시민회의의 역할과 일정, 숙의 원칙을 설명합니다.');
    await submit(page, `form[action="/staff/assembly/${cycleId}/materials"]`, 'add material');
    await advance('PLANNING → RECRUITING');
    assert.match(await page.locator('main .badge').first().textContent(), /모집/);

    await page.fill('#commitment', createHash('sha256').update(SECRET, 'utf8').digest('hex'));
    await submit(page, `form[action="/staff/assembly/${cycleId}/commit"]`, 'commit');
    await audit(page, 'staff cycle (recruiting, committed)');
    assert.ok(await page.getByText(createHash('sha256').update(SECRET, 'utf8').digest('hex')).count(), 'commitment shown');
  });

  test('a verified citizen applies (invalid submit first)', async () => {
    assert.ok(cycleId, 'needs the cycle');
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, `/assembly/${cycleId}`), 200);
    await audit(page, 'public cycle (recruiting)', 'assembly-cycle-recruiting');
    await navigating(page, () => page.locator(`a[href="/assembly/${cycleId}/apply"]`).click());
    await audit(page, 'apply form');
    const bad = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    const ids = await checkInvalidForm(page, bad, { label: 'apply (empty)' });
    assert.ok(ids.includes('motivation') && ids.includes('consentPrivacy'), `errors: ${ids}`);
    await audit(page, 'apply form (errors)', 'assembly-apply-errors', { uniqueTitle: false });
    await page.fill('#motivation', '우리 동네의 폭염 문제를 이웃과 함께 이야기하고 싶습니다.');
    await page.fill('#availability', '평일 저녁, 주말 오후');
    await page.check('#consentPrivacy');
    await submit(page, 'main form', 'apply');
    assert.equal(new URL(page.url()).pathname, '/assembly/me');
    assert.ok(await page.getByText(CYCLE_NAME).count(), 'the application is listed');
    await audit(page, 'my assembly (applied)', 'assembly-me-applied');
  });

  test('staff freeze the pool, draw with the revealed secret and the draw is published', async () => {
    assert.ok(cycleId);
    await as(browser, page, ADMIN);
    await staffPage('staff cycle (one applicant)');
    await submit(page, `form[action="/staff/assembly/${cycleId}/freeze"]`, 'freeze');
    await page.fill('#beacon', BEACON);
    await page.fill('#secret', SECRET);
    await submit(page, `form[action="/staff/assembly/${cycleId}/draw"]`, 'draw');
    assert.equal(new URL(page.url()).pathname, `/assembly/${cycleId}/draw`);
    const text = await page.locator('main').textContent();
    assert.ok(text.includes(SECRET), 'the secret is revealed');
    assert.ok(text.includes('java -jar'), 'the re-run command is published');
    await audit(page, 'draw (published)', 'assembly-draw');

    await clearSession(browser);
    assert.equal(await visit(page, `/assembly/${cycleId}/draw`), 200, 'the draw is public');
    assert.ok((await page.locator('main').textContent()).includes(SECRET));
  });

  test('the member accepts the invitation and completes 사전학습', async () => {
    assert.ok(cycleId);
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, '/assembly/me'), 200);
    await audit(page, 'my assembly (selected)', 'assembly-me-selected');
    const card = page.locator('main .card', { hasText: CYCLE_NAME });
    await navigating(page, () => card.locator('form[action$="/accept"] button').click());
    await audit(page, 'my assembly (appointed)');
    await navigating(page, () => page.locator('main .card', { hasText: CYCLE_NAME }).locator(`a[href="/assembly/${cycleId}/learning"]`).click());
    assert.equal(new URL(page.url()).pathname, `/assembly/${cycleId}/learning`);
    await audit(page, 'pre-learning', 'assembly-learning');
    await submit(page, 'form[action^="/assembly/materials/"]', 'mark material done');
    assert.ok(await page.locator('main .notice-info').count(), 'pre-learning complete notice');
    await audit(page, 'pre-learning (complete)');
    assert.equal(await visit(page, '/assembly/me'), 200);
    assert.match(await page.locator('main .card', { hasText: CYCLE_NAME }).textContent(), /활동 중/);
  });

  test('topic meeting: the member posts in the thread; outsiders are kept out; attendance, draft and position', async () => {
    assert.ok(cycleId);
    await as(browser, page, ADMIN);
    await staffPage();
    await advance('DRAWN → APPOINTING');
    await advance('APPOINTING → MEETING_1');
    await page.fill('#seq', '1');
    await page.fill('#mtitle', '동네 기후 적응 — 문제 정의');
    await page.fill('#heldOn', seoulDate(0));
    await submit(page, `form[action="/staff/assembly/${cycleId}/meetings"]`, 'add meeting');
    const tableForm = page.locator('form[action^="/staff/assembly/meetings/"][action$="/tables"]');
    meetingId = Number((await tableForm.getAttribute('action')).match(/meetings\/(\d+)\//)[1]);
    await tableForm.locator('input[name="name"]').fill('1분임');
    await submit(page, 'form[action$="/tables"]', 'add table');
    tableId = Number((await page.locator('main a[href^="/assembly/tables/"]').first().getAttribute('href')).split('/').pop());
    await audit(page, 'staff cycle (meeting 1)', 'assembly-staff-cycle-meeting');

    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, `/assembly/${cycleId}`), 200);
    await navigating(page, () => page.locator(`a[href="/assembly/tables/${tableId}"]`).click());
    await audit(page, 'table thread', 'assembly-table');
    await page.selectOption('#stance', 'PRO');
    await page.fill('#body', '버스 정류장마다 그늘막과 폭염 쉼터 안내를 두면 좋겠습니다.');
    await submit(page, `form[action="/assembly/tables/${tableId}/posts"]`, 'post');
    assert.ok(await page.getByText('버스 정류장마다 그늘막').count(), 'the post is in the thread');
    await audit(page, 'table thread (posted)');

    // Members-only: an unverified citizen and the anonymous public get 403 / sign-in.
    await as(browser, page, NEWBIE);
    assert.equal(await visit(page, `/assembly/tables/${tableId}`), 403);
    await audit(page, 'table thread (403)', null, { uniqueTitle: false });
    assert.equal(await visit(page, `/assembly/${cycleId}/learning`), 403);
    await clearSession(browser);
    await visit(page, `/assembly/tables/${tableId}`);
    assert.equal(await page.getByText('버스 정류장마다 그늘막').count(), 0, 'the anonymous public does not see the thread');

    await as(browser, page, FACILITATOR);
    assert.equal(await visit(page, `/assembly/meetings/${meetingId}/attendance`), 200);
    await audit(page, 'attendance', 'assembly-attendance');
    await page.locator('main select').first().selectOption('PRESENT');
    await submit(page, `form[action="/assembly/meetings/${meetingId}/attendance"]`, 'attendance');
    assert.equal(await page.locator('main select').first().inputValue(), 'PRESENT');
    await audit(page, 'attendance (saved)');
    assert.equal(await visit(page, `/assembly/tables/${tableId}`), 200);
    await page.fill('#title', DRAFT_TITLE);
    await page.fill('#dbody', '자치구별 폭염 쉼터와 그늘막 위치를 한 지도에 모아 공개하고 여름마다 갱신합니다.');
    await page.fill('#orgUnit', 'RECYCLE');
    await submit(page, `form[action="/assembly/tables/${tableId}/drafts"]`, 'forward draft');
    assert.ok(await page.getByText(DRAFT_TITLE).count(), 'the draft is listed');
    await audit(page, 'table thread (draft forwarded)');
    const draftHref = await page.locator('main a[href^="/assembly/drafts/"]').first().getAttribute('href');

    // Collaborative draft: the member proposes an amendment and votes; the facilitator closes the vote.
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, draftHref), 200);
    await audit(page, 'draft', 'assembly-draft');
    await page.fill('#amendment-body', AMENDED_TEXT);
    await page.fill('#amendment-reason', '정류장 이용자가 한눈에 찾을 수 있어야 합니다.');
    await submit(page, 'form[action$="/amendments"]', 'propose amendment');
    await navigating(page, () => page.locator('main form[action$="/vote"] button[value="YES"]').click());
    await audit(page, 'draft (amendment voted)');
    await as(browser, page, FACILITATOR);
    assert.equal(await visit(page, draftHref), 200);
    await submit(page, 'form[action$="/close"]', 'close amendment vote');
    assert.match(await page.locator('main').textContent(), /제2판/);
    assert.ok((await page.locator('#draft-text-title + p').textContent()).includes(AMENDED_TEXT), 'the draft text changed');
    await audit(page, 'draft (amended)', 'assembly-draft-amended');

    await as(browser, page, ADMIN);
    await staffPage();
    await page.locator('form[action$="/position"] select').first().selectOption('CHAIR');
    await submit(page, 'form[action$="/position"]', 'position');
    await audit(page, 'staff cycle (chair)');
    await clearSession(browser);
    assert.equal(await visit(page, `/assembly/${cycleId}`), 200);
    assert.match(await page.locator('main').textContent(), /위원장/);
    assert.match(await page.locator('main').textContent(), /출석 1명/);
    await audit(page, 'public cycle (meeting)', 'assembly-cycle-meeting');
  });

  test('plenary: the member votes, staff close it, the department responds', async () => {
    assert.ok(cycleId);
    await as(browser, page, ADMIN);
    await staffPage();
    await advance('MEETING_1 → MEETING_2');
    await advance('MEETING_2 → MEETING_3');
    await advance('MEETING_3 → PLENARY');

    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, `/assembly/${cycleId}/plenary`), 200);
    await audit(page, 'plenary (open)', 'assembly-plenary-open');
    await navigating(page, () => page.locator('main form[action$="/vote"] button[value="YES"]').click());
    assert.ok(await page.locator('main form[action$="/vote"]').count() === 0, 'no ballot after voting');
    await audit(page, 'plenary (voted)');

    await as(browser, page, ADMIN);
    await staffPage();
    await submit(page, `form[action="/staff/assembly/${cycleId}/plenary/close"]`, 'close plenary');
    assert.equal(new URL(page.url()).pathname, `/assembly/${cycleId}/plenary`);
    assert.match(await page.locator('main').textContent(), /채택/);
    await audit(page, 'plenary (counted)', 'assembly-plenary-counted');

    await as(browser, page, REVIEWER);
    assert.equal(await visit(page, '/assembly/responses'), 200);
    await audit(page, 'responses', 'assembly-responses');
    const card = page.locator('main .card', { hasText: DRAFT_TITLE });
    assert.equal(await card.count(), 1, 'the adopted proposal waits for the RECYCLE reviewer');
    await card.locator('select[name="response"]').selectOption('PARTIAL');
    await card.locator('textarea[name="text"]').fill(RESPONSE_TEXT);
    await navigating(page, () => card.locator('button[type="submit"]').click());
    await audit(page, 'responses (answered)');

    // Staff send the adopted proposal to participatory budgeting as a candidate (a recorded, public link).
    await as(browser, page, ADMIN);
    assert.equal(await visit(page, '/budgeting'), 200);
    const pbHref = await page.locator('main a[href^="/budgeting/cycles/"]').first().getAttribute('href');
    await staffPage('staff cycle (handed off)', 'assembly-staff-cycle-handed-off');
    const send = page.locator('main .card', { hasText: DRAFT_TITLE }).locator('form[action$="/send"]');
    await send.locator('select[name="target"]').selectOption('BUDGETING');
    await send.locator('input[name="targetId"]').fill(pbHref.split('/').pop());
    await navigating(page, () => send.locator('button[type="submit"]').click());
    assert.equal(await page.locator(`main a[href="${pbHref}"]`).count(), 1, 'the link is recorded');
    await audit(page, 'staff cycle (sent to PB)');
    pbLink = pbHref;
  });

  test('the public sees adopted proposals and responses', async () => {
    await clearSession(browser);
    assert.equal(await visit(page, '/assembly'), 200);
    const text = await page.locator('main').textContent();
    assert.ok(text.includes('공공건물 옥상 태양광 의무화'), '2021 demo proposals are listed');
    if (cycleId) {
      assert.ok(text.includes(DRAFT_TITLE), 'this cycle\'s adopted proposal is listed');
      assert.ok(text.includes(RESPONSE_TEXT), 'with its response');
      assert.ok(text.includes(AMENDED_TEXT), 'the adopted text is the amended one');
      if (pbLink) {
        assert.ok(text.includes('시민참여예산 후보로 보냄'), 'the PB candidacy is mentioned');
        assert.ok(await page.locator(`main a[href="${pbLink}"]`).count() > 0, 'and linked');
      }
    }
    await audit(page, 'assembly index', 'assembly-index');
    if (cycleId) {
      assert.equal(await visit(page, `/assembly/${cycleId}`), 200);
      assert.ok((await page.locator('main').textContent()).includes(RESPONSE_TEXT));
      await audit(page, 'public cycle (responded)', 'assembly-cycle-responded');
    }
  });

  test('the demo cycles\' public and staff pages pass axe (2021 closed, live, next year recruiting)', async () => {
    await clearSession(browser);
    assert.equal(await visit(page, '/assembly'), 200);
    const cycleHref = async (name) => page.locator('main a[href^="/assembly/"]', { hasText: name }).first().getAttribute('href');
    const year = Number(seoulDate(0).slice(0, 4));
    const live = await cycleHref(`${year} 서울시민회의`);
    const next = await cycleHref(`${year + 1} 서울시민회의`);
    const historic = await cycleHref('2021 서울시민회의');
    for (const [path, label] of [[historic, 'cycle 2021'], [live, 'live cycle'], [`${live}/draw`, 'live draw'],
      [`${live}/plenary`, 'live plenary'], [next, 'recruiting cycle']]) {
      assert.equal(await visit(page, path), 200, path);
      await audit(page, label);
    }
    assert.match(await page.locator('main').textContent(), /모집/, 'next year\'s cycle is recruiting');

    await as(browser, page, ADMIN);
    const liveId = live.split('/').pop();
    assert.equal(await visit(page, `/staff/assembly/${liveId}`), 200);
    await audit(page, 'staff live cycle', 'assembly-staff-live');
    const attendance = await page.locator('main a[href$="/attendance"]').first().getAttribute('href');
    assert.equal(await visit(page, attendance), 200);
    await audit(page, 'live attendance');
    assert.equal(await visit(page, `/staff/assembly/${next.split('/').pop()}`), 200);
    await audit(page, 'staff recruiting cycle');
  });

  test('the demo panel member sees the live cycle: 사전학습 done, officers, a table thread and a draft', async () => {
    await as(browser, page, PANEL);
    assert.equal(await visit(page, '/assembly/me'), 200);
    await audit(page, 'my assembly (panel member)', 'assembly-me-panel');
    const learning = page.locator('main a[href$="/learning"]').first();
    assert.ok(await learning.count(), 'the member page links the 사전학습 materials');
    await navigating(page, () => learning.click());
    assert.match(await page.locator('main').textContent(), /2개 중 2개/);
    await audit(page, 'pre-learning (demo)');
    const liveId = new URL(page.url()).pathname.split('/')[2];
    assert.equal(await visit(page, `/assembly/${liveId}`), 200);
    assert.match(await page.locator('main').textContent(), /위원장단/, 'the demo chair and vice-chairs are public');
    const table = await page.locator('main a[href^="/assembly/tables/"]').last().getAttribute('href');
    assert.equal(await visit(page, table), 200, 'the member opens a demo table thread');
    await audit(page, 'demo table thread');
    const draft = await page.locator('main a[href^="/assembly/drafts/"]').first().getAttribute('href');
    assert.equal(await visit(page, draft), 200);
    assert.equal(await page.locator('#amendment-body').count(), 1, 'an active member may propose amendments');
    await audit(page, 'demo draft');
  });

  test('survey panel: staff ask, the panel member answers once, results after close; table members page', async () => {
    await clearSession(browser);
    assert.equal(await visit(page, '/assembly'), 200);
    const year = Number(seoulDate(0).slice(0, 4));
    const live = await page.locator('main a[href^="/assembly/"]', { hasText: `${year} 서울시민회의` }).first().getAttribute('href');
    const liveId = live.split('/').pop();

    await as(browser, page, ADMIN);
    assert.equal(await visit(page, `/assembly/${liveId}/surveys`), 200);
    await audit(page, 'surveys (staff)', 'assembly-surveys-staff');
    assert.ok(await page.locator('main a[href^="/assembly/surveys/"]').count() >= 2, 'the demo surveys are listed');
    await page.fill('#survey-question', SURVEY_QUESTION);
    await page.fill('#survey-options', '버스 정류장\n학교 앞\n공원 입구');
    await submit(page, `form[action="/staff/assembly/${liveId}/surveys"]`, 'create survey');
    const surveyPath = new URL(page.url()).pathname;
    assert.match(surveyPath, /^\/assembly\/surveys\/\d+$/);
    await audit(page, 'survey (open, staff)');
    assert.equal(await page.locator('main form[action$="/answer"]').count(), 0, 'staff are not invited');

    await as(browser, page, NEWBIE);
    assert.equal(await visit(page, surveyPath), 200);
    assert.equal(await page.locator('main form[action$="/answer"]').count(), 0, 'outsiders get no form');
    await audit(page, 'survey (outsider)');

    await as(browser, page, PANEL);
    assert.equal(await visit(page, surveyPath), 200);
    await audit(page, 'survey (answer form)', 'assembly-survey-answer');
    await page.locator('main input[name="option"]').first().check();
    await submit(page, 'form[action$="/answer"]', 'answer survey');
    assert.equal(await page.locator('main form[action$="/answer"]').count(), 0, 'answered once: no form any more');
    assert.match(await page.locator('main').textContent(), /응답 1명/);
    await audit(page, 'survey (answered)');

    await as(browser, page, ADMIN);
    assert.equal(await visit(page, surveyPath), 200);
    await submit(page, 'form[action$="/close"]', 'close survey');
    await clearSession(browser);
    assert.equal(await visit(page, surveyPath), 200);
    assert.equal(await page.locator('main svg[role="img"] title').count(), 1, 'an accessible chart');
    const row = page.locator('#survey-results-caption').locator('xpath=..').locator('tbody tr').first();
    assert.match(await row.textContent(), /버스 정류장\s*1\s*100\.0/);
    await audit(page, 'survey results', 'assembly-survey-results');

    await as(browser, page, FACILITATOR);
    assert.equal(await visit(page, live), 200);
    const table = await page.locator('main a[href^="/assembly/tables/"]').last().getAttribute('href');
    assert.equal(await visit(page, `${table}/members`), 200);
    await audit(page, 'table members', 'assembly-table-members');
  });
});
