// Journey: 시민참여예산 (docs/BUDGETING.md), the "done when" path, with the demo accounts.
//  1. Budget staff set up a cycle from the web (invalid submits first): calendar, then a city track.
//  2. A verified citizen submits a project in intake.
//  3. Staff move the calendar to screening and screen it; the department reviewer reviews feasibility
//     (adjusted cost with a reason); staff record panel@'s 예산학교 completion for the cycle (without it the
//     committee member has no decision form); the committee member (panel@) shortlists it by a recorded decision.
//  4. Voting opens: the rules freeze (a change is refused); the citizen votes on a phone-sized screen
//     using only the keyboard; the booth officer (district@) records a booth ballot for another person
//     and is refused for the citizen who already voted online.
//  5. Staff count and publish the demo cycle whose vote closed yesterday (phases are calendar days, so
//     the cycle voted on today cannot also be counted today), and the results page explains the outcome.
//  6. The proposer's notifications list each status change of their project.
// Every page visited passes checkPageBasics and axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASE_URL, checkA11y, checkInvalidForm, checkPageBasics, clearSession, DEMO_USERS, launchBrowser,
  screenshot, signIn, SKIP_APP, visit,
} from './lib.mjs';

const PASSWORD = 'hamkke-demo-1234';
const user = (role, fallback) => DEMO_USERS.find((u) => u.role === role) || { email: fallback, password: PASSWORD };
const CITIZEN = user('VERIFIED_CITIZEN', 'citizen@hamkke.kr');
const STAFF = user('BUDGET_STAFF', 'budget@hamkke.kr');
const REVIEWER = user('DEPT_REVIEWER', 'reviewer@hamkke.kr');
const COMMITTEE = user('PANEL_MEMBER', 'panel@hamkke.kr');
const OFFICER = user('DISTRICT_OFFICER', 'district@hamkke.kr');
// The person voting at the booth: a verified demo account whose birth date the officer checks on the ID
// card. DemoIdentities gives the staff accounts fixed birth dates in list order (facilitator@: 1989-10-10).
const BOOTH_VOTER = { email: 'facilitator@hamkke.kr', birthDate: process.env.HAMKKE_BOOTH_BIRTH || '1989-10-10' };
const CITIZEN_BIRTH = process.env.HAMKKE_CITIZEN_BIRTH || '1991-12-12';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const PHASES = ['SUBMISSION', 'SCREENING', 'FEASIBILITY', 'DELIBERATION', 'VOTING', 'TALLY', 'ASSEMBLY'];

/** checkPageBasics + axe (+ optional screenshot) for the page as it is now. */
async function audit(page, label, shot, { uniqueTitle = true } = {}) {
  await checkPageBasics(page, { uniqueTitle });
  await checkA11y(page, { label });
  if (shot) await screenshot(page, shot);
}

/** Runs `action` and waits for the navigation it causes; returns the final response. */
async function navigating(page, action) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
  return response;
}

/** Presses Tab until `selector` has focus (max `limit` presses); fails otherwise. */
async function tabTo(page, selector, limit = 80) {
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

/** Today's date in Seoul plus `days`, as YYYY-MM-DD (phases are Seoul calendar days). */
function seoulDay(days = 0) {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Fills the calendar so that `current` is today: one day per phase, in order, optional ones empty. */
async function fillSchedule(page, current) {
  const at = PHASES.indexOf(current);
  for (const [i, kind] of PHASES.entries()) {
    await page.fill(`#${kind}-start`, seoulDay(i - at));
    await page.fill(`#${kind}-end`, seoulDay(i - at));
  }
}

describe('budgeting', { skip: SKIP_APP }, () => {
  let browser;
  let page;
  const stamp = Date.now().toString(36);
  const cycleName = `브라우저 시험 주기 ${stamp}`;
  const title = `어린이 공원 그늘막 설치 ${stamp}`;
  let cycleId;
  let trackId;
  let projectId;
  let duplicateId;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  after(async () => { await browser?.close(); });

  async function moveTo(kind) {
    await as(browser, page, STAFF);
    assert.equal(await visit(page, `/budgeting/staff/cycles/${cycleId}/schedule`), 200);
    await fillSchedule(page, kind);
    const r = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    assert.ok(r.status() < 400, `schedule → ${kind}: HTTP ${r.status()} on ${page.url()}`);
    assert.match(await page.locator('main').textContent(), /현재 단계/);
  }

  test('staff create a cycle with its calendar and a track from the web', async () => {
    await as(browser, page, STAFF);
    assert.equal(await visit(page, '/budgeting/staff'), 200);
    await audit(page, 'staff hub', 'budgeting-staff');
    await navigating(page, () => page.locator('main a[href="/budgeting/staff/cycles/new"]').click());
    await audit(page, 'new cycle', 'budgeting-cycle-new');

    // Invalid: no name, a phase ending before it starts, intake overlapping screening.
    await page.fill('#fiscalYear', '');
    await page.fill('#SUBMISSION-start', seoulDay(0));
    await page.fill('#SUBMISSION-end', seoulDay(-3));
    const bad = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    const ids = await checkInvalidForm(page, bad, { label: 'new cycle (invalid)' });
    for (const id of ['name', 'fiscalYear', 'SUBMISSION-start', 'VOTING-start']) {
      assert.ok(ids.includes(id), `expected an error for ${id}, got ${ids}`);
    }
    await audit(page, 'new cycle (errors)', 'budgeting-cycle-new-errors');

    await page.fill('#name', cycleName);
    await page.fill('#fiscalYear', String(Number(seoulDay(0).slice(0, 4)) + 1));
    await fillSchedule(page, 'SUBMISSION');
    const ok = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    assert.ok(ok.status() < 400, `create cycle: HTTP ${ok.status()}`);
    const m = new URL(page.url()).pathname.match(/^\/budgeting\/cycles\/(\d+)$/);
    assert.ok(m, `after create expected /budgeting/cycles/{id}, got ${page.url()}`);
    cycleId = Number(m[1]);
    assert.equal((await page.locator('h1').textContent()).trim(), cycleName);
    assert.match(await page.locator('main').textContent(), /제안 접수/);
    await audit(page, 'cycle (intake)', 'budgeting-cycle-intake');

    await navigating(page, () => page.locator(`main a[href="/budgeting/staff/cycles/${cycleId}/tracks/new"]`).click());
    await audit(page, 'new track', 'budgeting-track-new');
    await page.fill('#code', 'e2e');
    await page.fill('#nameKo', '생활 공원');
    await page.check('#scope-GU');
    await page.fill('#envelope', '십억');
    const badTrack = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    const trackIds = await checkInvalidForm(page, badTrack, { label: 'new track (invalid)' });
    assert.ok(trackIds.includes('envelope'), `expected an envelope error, got ${trackIds}`);
    await audit(page, 'new track (errors)', 'budgeting-track-new-errors');
    await page.check('#scope-CITY');
    await page.fill('#scopeUnit', '');
    await page.fill('#envelope', '1,000,000,000');
    await page.selectOption('#ballotRule', 'APPROVAL');
    await page.fill('#maxPicks', '2');
    await page.fill('#ruleParam', '0');
    await page.selectOption('#allocation', 'GREEDY');
    const created = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    assert.ok(created.status() < 400, `create track: HTTP ${created.status()} on ${page.url()}`);
    const t = new URL(page.url()).pathname.match(/^\/budgeting\/tracks\/(\d+)$/);
    assert.ok(t, `after create expected /budgeting/tracks/{id}, got ${page.url()}`);
    trackId = Number(t[1]);
    assert.match(await page.locator('main').textContent(), /1,000,000,000원|10억/);
    await audit(page, 'track (staff view)', 'budgeting-track-staff');
  });

  test('a verified citizen submits a project during intake', async () => {
    assert.ok(trackId, 'needs the track from the previous step');
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, `/budgeting/tracks/${trackId}`), 200);
    await audit(page, 'track (citizen, intake)');
    await navigating(page, () => page.locator(`main a[href="/budgeting/tracks/${trackId}/propose"]`).click());
    await audit(page, 'propose form', 'budgeting-propose');
    await page.fill('#title', title);
    await page.fill('#description', '놀이터에 햇빛을 가리는 그늘막을 설치해 여름에도 아이들이 안전하게 놀 수 있게 해 주세요.');
    await page.fill('#category', '환경');
    await page.fill('#cost', '150,000,000');
    const r = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    assert.ok(r.status() < 400, `propose: HTTP ${r.status()}`);
    const m = new URL(page.url()).pathname.match(/^\/budgeting\/projects\/(\d+)$/);
    assert.ok(m, `after propose expected /budgeting/projects/{id}, got ${page.url()}`);
    projectId = Number(m[1]);
    assert.equal((await page.locator('h1').textContent()).trim(), title);
    await audit(page, 'project (submitted)', 'budgeting-project-submitted');

    // A near-duplicate, merged by staff during screening.
    assert.equal(await visit(page, `/budgeting/tracks/${trackId}/propose`), 200);
    await page.fill('#title', `놀이터 햇빛 가림막 ${stamp}`);
    await page.fill('#description', '어린이 놀이터에 햇빛 가림막을 달아 여름 한낮에도 놀 수 있게 해 주세요. 같은 취지의 제안입니다.');
    await page.fill('#category', '환경');
    await page.fill('#cost', '90000000');
    await navigating(page, () => page.locator('main form button[type="submit"]').click());
    duplicateId = Number(new URL(page.url()).pathname.match(/^\/budgeting\/projects\/(\d+)$/)[1]);
  });

  test('staff screen it; the department reviewer reviews feasibility', async () => {
    assert.ok(projectId);
    await moveTo('SCREENING');
    await audit(page, 'cycle (screening)');
    assert.equal(await visit(page, `/budgeting/projects/${projectId}`), 200);
    await audit(page, 'project (screening form)', 'budgeting-screen');
    const screen = page.locator('form[action$="/screen"]');
    assert.equal(await screen.count(), 1, 'staff see the screening form');
    const s = await navigating(page, () => screen.locator('button[type="submit"]').click());
    assert.ok(s.status() < 400, `screen: HTTP ${s.status()}`);
    assert.match(await page.locator('main dl').textContent(), /적격/);

    // Merge the near-duplicate into it; both keep their history, the merged one says where it went.
    assert.equal(await visit(page, `/budgeting/projects/${duplicateId}`), 200);
    await audit(page, 'project (merge form)', 'budgeting-merge');
    // Staff name the project to keep by its public code, as shown first on its page.
    const code = await page.evaluate(async (id) => {
      const html = await (await fetch(`/budgeting/projects/${id}`)).text();
      return new DOMParser().parseFromString(html, 'text/html').querySelector('main dl dd').textContent.trim();
    }, projectId);
    assert.match(code, /^PB-/, `the project code, got "${code}"`);
    const merge = page.locator('form[action$="/merge"]');
    await merge.locator('#survivor').fill(code);
    await merge.locator('#merge-reason').fill('같은 놀이터 그늘막 제안이라 하나로 합쳐 검토합니다. 두 제안의 내용을 함께 반영합니다.');
    const mg = await navigating(page, () => merge.locator('button[type="submit"]').click());
    assert.ok(mg.status() < 400, `merge: HTTP ${mg.status()}`);
    assert.match(await page.locator('main').textContent(), /합쳐졌습니다/);
    assert.ok(await page.locator(`main a[href="/budgeting/projects/${projectId}"]`).count() > 0, 'links to the surviving project');
    await audit(page, 'project (merged)', 'budgeting-merged');

    await moveTo('FEASIBILITY');
    await as(browser, page, REVIEWER);
    assert.equal(await visit(page, `/budgeting/projects/${projectId}`), 200);
    await audit(page, 'project (review form)', 'budgeting-review');
    const review = page.locator('form[action$="/review"]');
    assert.equal(await review.count(), 1, 'the reviewer sees the feasibility form');
    await review.locator('#verdict').selectOption('FEASIBLE_WITH_CHANGES');
    await review.locator('#adjustedCost').fill('120000000');
    await review.locator('#reason').fill('그늘막 규격을 표준형으로 바꾸면 같은 효과로 사업비를 줄일 수 있습니다.');
    const rv = await navigating(page, () => review.locator('button[type="submit"]').click());
    assert.ok(rv.status() < 400, `review: HTTP ${rv.status()}`);
    assert.match(await page.locator('main').textContent(), /120,000,000원|1억 2,000만/);
    await audit(page, 'project (reviewed)', 'budgeting-reviewed');
  });

  test('the committee shortlists it by a recorded decision', async () => {
    assert.ok(projectId);
    await moveTo('DELIBERATION');
    // Without 예산학교 for this new cycle the committee member sees why there is no decision form.
    await as(browser, page, COMMITTEE);
    assert.equal(await visit(page, `/budgeting/projects/${projectId}`), 200);
    assert.equal(await page.locator('form[action$="/shortlist"]').count(), 0, 'no decision form before 예산학교');
    assert.match(await page.locator('main').textContent(), /예산학교 이수 기록이 없어/);
    await audit(page, 'project (no 예산학교 yet)');
    // Staff record the member's 예산학교 completion for the cycle (invalid submit first).
    await as(browser, page, STAFF);
    assert.equal(await visit(page, `/budgeting/staff/cycles/${cycleId}/school`), 200);
    await audit(page, 'budget school', 'budgeting-school');
    await page.fill('#email', 'nobody@example.invalid');
    await page.fill('#courseNote', '예산학교 기본과정');
    const bad = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    assert.equal(bad.status(), 422, 'an unknown e-mail is refused');
    await audit(page, 'budget school (invalid)', null, { uniqueTitle: false });
    await page.fill('#email', COMMITTEE.email);
    const ok = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    assert.ok(ok.status() < 400, `school: HTTP ${ok.status()}`);
    assert.match(await page.locator('main table').textContent(), new RegExp(COMMITTEE.email.replace('.', '\\.')));
    await as(browser, page, COMMITTEE);
    assert.equal(await visit(page, `/budgeting/projects/${projectId}`), 200);
    await audit(page, 'project (shortlist form)', 'budgeting-shortlist');
    const form = page.locator('form[action$="/shortlist"]');
    assert.equal(await form.count(), 1, 'the committee member sees the decision form');
    await form.locator('#d-on').check();
    await form.locator('#sl-reason').fill('위원회 숙의 결과 생활 밀착형 안전 사업으로 투표에 올리기로 했습니다.');
    const r = await navigating(page, () => form.locator('button[type="submit"]').click());
    assert.ok(r.status() < 400, `shortlist: HTTP ${r.status()}`);
    assert.match(await page.locator('main dl').textContent(), /투표 대상/);
    await audit(page, 'project (on ballot)');
  });

  test('voting opens: rules freeze, and a change is refused', async () => {
    assert.ok(trackId);
    await moveTo('VOTING');
    assert.match(await page.locator('main').textContent(), /확정/);
    await audit(page, 'cycle (voting, frozen)', 'budgeting-cycle-frozen');
    assert.equal(await visit(page, `/budgeting/tracks/${trackId}`), 200);
    await page.fill('#maxPicks', '5');
    const refused = await navigating(page, () => page.locator('form[action$="/rules"] button[type="submit"]').click());
    assert.equal(refused.status(), 409, 'a rule change after vote opening is refused');
    await audit(page, 'rule change refused', null, { uniqueTitle: false });
  });

  test('a citizen votes on a phone using only the keyboard', async () => {
    assert.ok(trackId && projectId);
    await page.setViewportSize(PHONE);
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, `/budgeting/tracks/${trackId}/ballot`), 200);
    await audit(page, 'ballot (phone)', 'budgeting-ballot-phone');
    await tabTo(page, `#p${projectId}`);
    await page.keyboard.press('Space');
    assert.ok(await page.locator(`#p${projectId}`).isChecked(), 'Space ticks the project');
    await tabTo(page, 'main form[data-basket-form] button[type="submit"]');
    const r = await navigating(page, () => page.keyboard.press('Enter'));
    assert.equal(r.status(), 200, `vote: HTTP ${r.status()}`);
    const code = (await page.locator('[data-receipt]').textContent()).trim();
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, `receipt code, got "${code}"`);
    await audit(page, 'receipt (phone)', 'budgeting-receipt-phone');

    // The receipt confirms the ballot is counted, without showing its contents.
    assert.equal(await visit(page, `/budgeting/receipts?code=${encodeURIComponent(code)}`), 200);
    assert.ok(!(await page.locator('main').textContent()).includes(title), 'the receipt check does not show choices');
    await audit(page, 'receipt check (phone)', 'budgeting-receipt-check-phone');
    await page.setViewportSize(DESKTOP);
  });

  test('a booth officer records a booth ballot; double voting across channels is refused', async () => {
    assert.ok(trackId && projectId);
    await as(browser, page, OFFICER);
    assert.equal(await visit(page, `/budgeting/booth/${trackId}`), 200);
    await audit(page, 'booth', 'budgeting-booth');
    const form = page.locator('form[action$="/ballot"]');

    // The citizen already voted online: refused with a clear message, nothing recorded.
    await form.locator('#email').fill(CITIZEN.email);
    await form.locator('#birthDate').fill(CITIZEN_BIRTH);
    await form.locator(`#b${projectId}`).check();
    const twice = await navigating(page, () => form.locator('button[type="submit"]').click());
    assert.equal(twice.status(), 409, 'a second ballot in another channel is refused');
    assert.match(await page.locator('main').textContent(), /온라인/);
    await audit(page, 'booth refused (already voted online)', 'budgeting-booth-refused', { uniqueTitle: false });

    assert.equal(await visit(page, `/budgeting/booth/${trackId}`), 200);
    await form.locator('#email').fill(BOOTH_VOTER.email);
    await form.locator('#birthDate').fill(BOOTH_VOTER.birthDate);
    await form.locator(`#b${projectId}`).check();
    const ok = await navigating(page, () => form.locator('button[type="submit"]').click());
    assert.equal(ok.status(), 200, `booth ballot: HTTP ${ok.status()} on ${page.url()}: ${(await page.locator('main').textContent()).slice(0, 300)}`);
    assert.match((await page.locator('[data-receipt]').textContent()).trim(), /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await audit(page, 'booth receipt', 'budgeting-booth-receipt', { uniqueTitle: false });
  });

  test('staff count the closed vote, publish, and the results page explains the outcome', async () => {
    const cycles = await (await fetch(`${BASE_URL}/api/budgeting/cycles`, { headers: { accept: 'application/json' } })).json();
    const list = Array.isArray(cycles) ? cycles : (cycles.items || []);
    const closed = list.find((c) => /추가 공모/.test(c.name ?? c.cycle?.name ?? ''));
    assert.ok(closed, `the demo cycle awaiting its tally is listed: ${JSON.stringify(list).slice(0, 300)}`);
    const closedTrack = (closed.tracks || [])[0]?.id;
    assert.ok(closedTrack, 'it has a track');

    await as(browser, page, STAFF);
    assert.equal(await visit(page, `/budgeting/staff/tracks/${closedTrack}/tally`), 200);
    await audit(page, 'tally (before)', 'budgeting-tally-before');
    const published = await page.locator(`form[action$="/tracks/${closedTrack}/publish"]`).count() === 0
      && (await visit(page, `/budgeting/tracks/${closedTrack}/results`)) === 200;
    if (!published) { // a fresh demo database; a second run against the same app finds it published
      assert.equal(await visit(page, `/budgeting/staff/tracks/${closedTrack}/tally`), 200);
      const counted = await navigating(page, () => page.locator(`form[action$="/tracks/${closedTrack}/tally"] button[type="submit"]`).click());
      assert.ok(counted.status() < 400, `tally: HTTP ${counted.status()}`);
      assert.match(await page.locator('main').textContent(), /선정/);
      await audit(page, 'tally (counted)', 'budgeting-tally-counted');
      const pub = await navigating(page, () => page.locator(`form[action$="/tracks/${closedTrack}/publish"] button[type="submit"]`).click());
      assert.ok(pub.status() < 400, `publish: HTTP ${pub.status()}`);
    }
    await page.setViewportSize(PHONE);
    assert.equal(await visit(page, `/budgeting/tracks/${closedTrack}/results`), 200);
    const text = await page.locator('main').textContent();
    assert.match(text, /이내라 선정|MES: .*선정/, 'winners are explained');
    assert.match(text, /이라 미선정/, 'projects left out are explained');
    assert.match(text, /원/);
    await audit(page, 'results (phone)', 'budgeting-results-phone');
    await page.setViewportSize(DESKTOP);
  });

  test("the proposer's notifications list the project's status changes", async () => {
    assert.ok(projectId);
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, '/notifications'), 200);
    const text = await page.locator('main').textContent();
    for (const status of ['적격', '실현 가능', '투표 대상']) {
      assert.ok(text.includes(status), `a notification mentions "${status}"`);
    }
    assert.ok(await page.locator(`main a[href="/budgeting/projects/${projectId}"]`).count() > 0, 'notifications link to the project');
    await audit(page, 'notifications', 'budgeting-notifications', { uniqueTitle: false });
  });
  test('a citizen applies to the committee draw; staff publish the commitment', async () => {
    assert.ok(cycleId);
    await as(browser, page, CITIZEN);
    assert.equal(await visit(page, `/budgeting/cycles/${cycleId}/committee`), 200);
    await audit(page, 'committee (apply)', 'budgeting-committee-apply');
    const apply = page.locator('form[action$="/committee/apply"]');
    const r = await navigating(page, () => apply.locator('button[type="submit"]').click());
    assert.ok(r.status() < 400, `apply: HTTP ${r.status()}`);
    assert.match(await page.locator('main').textContent(), /신청자 1명/);
    await audit(page, 'committee (applied)');
    await as(browser, page, STAFF);
    assert.equal(await visit(page, `/budgeting/cycles/${cycleId}/committee`), 200);
    await page.fill('#commitment', 'a1854735f93bb29ff07a87b1fc12c9fabb7aa0876123a3b691d10d4d963464d7');
    const c = await navigating(page, () => page.locator('form[action$="/committee/commit"] button[type="submit"]').click());
    assert.ok(c.status() < 400, `commit: HTTP ${c.status()}`);
    assert.equal(await page.locator('form[action$="/committee/draw"]').count(), 1, 'the draw form follows the commitment');
    await audit(page, 'committee (staff, committed)', 'budgeting-committee-staff');
  });
});
