// Journey: budget lines and public accountability (docs/BUDGETLINES.md).
// Budget staff convert a real PB winner (picked from the list of projects the 한마당 총회 approved, not typed)
// into a new line and record two execution snapshots through the staff pages; staff also link an accepted
// 민주주의 서울 proposal picked the same way; a citizen follows the public timeline — vote result, budget,
// execution — with its chart and data table; the overview page by year.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASE_URL, checkA11y, checkInvalidForm, checkPageBasics, clearSession, DEMO_USERS, launchBrowser,
  screenshot, signIn, SKIP_APP, visit,
} from './lib.mjs';

const PASSWORD = 'hamkke-demo-1234';
const user = (role, fallback) => DEMO_USERS.find((u) => u.role === role) || { email: fallback, password: PASSWORD };
const BUDGET = user('BUDGET_STAFF', 'budget@hamkke.kr');
const CITIZEN = user('VERIFIED_CITIZEN', 'citizen@hamkke.kr');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function audit(page, label, shot) {
  await checkPageBasics(page);
  await checkA11y(page, { label });
  if (shot) await screenshot(page, shot);
}

async function navigating(page, action) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
  return response;
}

/** The chart is an accessible SVG image followed by a data table with the same figures. */
async function checkChartAndTable(page, where) {
  const facts = await page.evaluate(() => {
    const svg = document.querySelector('main svg');
    if (!svg) return null;
    const ids = (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    const name = ids.map((id) => document.getElementById(id)?.textContent.trim() || '').join(' ')
      || svg.getAttribute('aria-label') || svg.querySelector('title')?.textContent.trim() || '';
    const tables = [...document.querySelectorAll('main table')].map((t) => ({
      caption: t.caption?.textContent.trim() || '', rows: t.tBodies[0]?.rows.length || 0,
    }));
    return { role: svg.getAttribute('role'), name, tables };
  });
  assert.ok(facts, `${where}: no chart`);
  assert.equal(facts.role, 'img', `${where}: the chart's svg needs role="img"`);
  assert.ok(facts.name.length > 0, `${where}: the chart needs an accessible name`);
  assert.ok(facts.tables.some((t) => /집행/.test(t.caption) && t.rows >= 2), `${where}: a data table with the snapshots: ${JSON.stringify(facts.tables)}`);
}

describe('budget lines', { skip: SKIP_APP }, () => {
  let browser;
  let page;
  const year = new Date().getFullYear();
  const suffix = Date.now().toString(36);
  const programName = `공유 우산 대여함 설치 ${suffix}`;
  let winner; // the picked PB project: { id, title }
  let lineId;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  after(async () => { await browser?.close(); });

  /** The option of the winner picker with room for `needWon` more 원 (decided − linked), optionally by kind. */
  async function pickWinner(kind, needWon) {
    const options = await page.locator(`#subject option[value^="${kind}:"]`).evaluateAll((os) => os.map((o) => ({
      value: o.value, text: o.textContent.trim(), remaining: o.dataset.remaining === undefined ? null : Number(o.dataset.remaining),
    })));
    const fit = options.find((o) => o.remaining === null || o.remaining >= needWon);
    assert.ok(fit, `a ${kind} winner with ${needWon} 원 left to link: ${JSON.stringify(options)}`);
    await page.selectOption('#subject', fit.value);
    return { id: Number(fit.value.split(':')[1]), title: fit.text.split(' — ')[0] };
  }

  test('staff convert a picked PB winner into a new line (an invalid submit first)', async () => {
    await clearSession(browser);
    await signIn(page, BUDGET.email, BUDGET.password);
    assert.equal(await visit(page, `/staff/budget-lines?fiscalYear=${year}`), 200);
    await audit(page, 'staff budget lines', 'budget-staff-list');
    assert.equal(await visit(page, '/staff/budget-lines/new'), 200);
    await audit(page, 'new budget line', 'budget-staff-new');
    assert.ok(await page.locator('#subject optgroup option').count() > 0, 'winners to pick from');

    await page.fill('#programName', programName);
    const bad = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    await checkInvalidForm(page, bad, { label: 'new budget line (invalid)' });
    await audit(page, 'new budget line (errors)', 'budget-staff-new-errors');

    await page.fill('#fiscalYear', String(year));
    await page.fill('#bureau', '기후환경국');
    await page.fill('#division', '자원순환과');
    await page.fill('#programName', programName);
    await page.fill('#programCode', `T-${suffix}`);
    await page.selectOption('#kind', 'PROGRAM');
    await page.fill('#original', '120000');
    await page.fill('#finalAmount', '120000');
    await page.fill('#carriedOver', '0');
    await page.fill('#prevOriginal', '');
    await page.fill('#prevFinal', '');
    await page.selectOption('#status', 'CONFIRMED');
    await page.check('input[name="published"]');
    winner = await pickWinner('PB_PROJECT', 1_000_000);
    assert.equal(await page.locator('#subjectTitle').inputValue(), '', 'nothing typed: the title comes from the project');
    await page.fill('#linkAmount', '1,000');
    await page.fill('#note', `${year}년 총회 승인 사업을 예산 사업으로 전환`);
    const ok = await navigating(page, () => page.locator('main form button[type="submit"]').click());
    assert.ok(ok.status() < 400, `create line: HTTP ${ok.status()} on ${page.url()}`);
    const m = new URL(page.url()).pathname.match(/^\/staff\/budget-lines\/(\d+)$/);
    assert.ok(m, `expected the staff line page, got ${page.url()}`);
    lineId = Number(m[1]);
    assert.match(await page.locator('[data-figure="allocated"]').textContent(), /1,000/);
    assert.ok(await page.locator('main').getByText(winner.title).count(), 'the picked project funds the line');
    await audit(page, 'staff line (new, linked)', 'budget-staff-line-new');
  });

  test('staff link a picked accepted proposal and record two execution snapshots', async () => {
    assert.ok(lineId);
    const proposal = await pickWinner('PROPOSAL', 0);
    await page.selectOption('#outcome', 'FUNDED');
    await page.fill('#amount', '50000');
    await page.fill('#note', `${year}년 의회 확정 예산으로 반영`);
    let r = await navigating(page, () => page.locator('form[action$="/links"] button[type="submit"]').click());
    assert.ok(r.status() < 400, `link: HTTP ${r.status()} on ${page.url()}`);
    await audit(page, 'staff line (linked twice)');
    assert.match(await page.locator('[data-figure="allocated"]').textContent(), /51,000/);
    assert.ok(await page.locator('main').getByText(proposal.title).count(), 'the proposal is listed');

    // An invalid snapshot first (spent > committed), then two valid ones.
    await page.fill('#asOf', `${year}-09-30`);
    await page.fill('#committed', '10000');
    await page.fill('#spent', '50000');
    r = await navigating(page, () => page.locator('form[action$="/executions"] button[type="submit"]').click());
    await checkInvalidForm(page, r, { label: 'snapshot (spent > committed)' });
    await audit(page, 'staff line (snapshot errors)', 'budget-staff-snapshot-errors');

    for (const [asOf, committed, spent, forecast] of [[`${year}-09-30`, '60000', '30000', '110000'], [`${year}-10-31`, '90000', '55000', '']]) {
      await page.fill('#asOf', asOf);
      await page.fill('#committed', committed);
      await page.fill('#spent', spent);
      await page.fill('#forecast', forecast);
      r = await navigating(page, () => page.locator('form[action$="/executions"] button[type="submit"]').click());
      assert.ok(r.status() < 400, `snapshot ${asOf}: HTTP ${r.status()} on ${page.url()}`);
    }
    await checkChartAndTable(page, 'staff line');
    await audit(page, 'staff line (two snapshots)', 'budget-staff-line');
  });

  test('a citizen follows the timeline from the vote result to the spending (phone)', async () => {
    assert.ok(lineId);
    await page.setViewportSize(PHONE);
    await clearSession(browser);
    await signIn(page, CITIZEN.email, CITIZEN.password);
    assert.equal(await visit(page, `/accountability/pb-project/${winner.id}`), 200);
    assert.equal((await page.locator('main h1').textContent()).trim(), winner.title);
    const stages = await page.locator('main ol.timeline > li').evaluateAll((lis) => lis.map((li) => ({
      stage: li.dataset.stage, text: li.textContent.replace(/\s+/g, ' ').trim(),
    })));
    const at = (pred) => stages.findIndex(pred);
    const vote = at((e) => e.stage === 'DECISION' && /시민투표 결과/.test(e.text));
    const assembly = at((e) => e.stage === 'DECISION' && /한마당 총회/.test(e.text));
    const budget = at((e) => e.stage === 'BUDGET' && e.text.includes(programName));
    const execution = at((e) => e.stage === 'EXECUTION' && e.text.includes(programName));
    assert.ok(vote >= 0, `the vote result is on the timeline: ${JSON.stringify(stages)}`);
    assert.ok(assembly >= 0, 'the 한마당 총회 decision is on the timeline');
    assert.ok(budget > vote && execution > budget, `vote → budget → execution: ${JSON.stringify(stages)}`);
    assert.equal(stages.filter((e) => e.stage === 'EXECUTION' && e.text.includes(programName)).length, 2, 'both snapshots');
    assert.ok(await page.locator(`main a[href="/accountability/lines/${lineId}"]`).count(), 'the timeline shows the new line');
    assert.ok(await page.locator(`main a[href="/budgeting/projects/${winner.id}"]`).count(), 'a link back to the project');
    await checkChartAndTable(page, 'timeline');
    await audit(page, 'accountability timeline', 'accountability-timeline-phone');
    const follow = page.locator('form[action$="/follow"] button[type="submit"]');
    if (await follow.count()) {
      const r = await navigating(page, () => follow.click());
      assert.ok(r.status() < 400, `follow: HTTP ${r.status()}`);
      await audit(page, 'accountability timeline (following)');
    }

    assert.equal(await visit(page, `/accountability/lines/${lineId}`), 200);
    await checkChartAndTable(page, 'public line');
    await audit(page, 'public line', 'accountability-line-phone');
    await page.setViewportSize(DESKTOP);
  });

  test('the overview by year', async () => {
    await clearSession(browser);
    assert.equal(await visit(page, `/accountability?fiscalYear=${year}`), 200);
    assert.ok(await page.locator('main').getByText(programName).count(), 'the new line is in the overview');
    await audit(page, `overview ${year}`, 'accountability-overview');
    await page.selectOption('#fiscalYear', '2018');
    await page.selectOption('#by', 'district');
    await navigating(page, () => page.locator('main form button[type="submit"]').click());
    assert.equal(new URL(page.url()).searchParams.get('fiscalYear'), '2018');
    await audit(page, 'overview 2018 by district', 'accountability-overview-2018');
    const sortLink = page.locator('main thead a', { hasText: '지출액' });
    if (await sortLink.count()) {
      await navigating(page, () => sortLink.first().click());
      await audit(page, 'overview sorted');
    }
  });
});
