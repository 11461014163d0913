// The auditor's step-through: the head of the organisational division (who holds `audit` in the
// Ozurgeti chart) logs in, opens a case's history on the audit page and steps through it —
// previous / next and the slider (by keyboard) — seeing the case's state after each event, then
// the case as it stood at a chosen moment (?as_of=, recorded time). The proceeding is driven
// through the API, one step per simulated day, so that each moment has its own state.
import assert from 'node:assert/strict';
import {
  addToken, addUser, advanceClock, api, assertAccessible, firstLogin, launchBrowser, newPage, pageErrors,
  requireChromium, run, startServer,
} from './lib.mjs';

requireChromium();

const tokens = {};
let oneTime = '';
const server = await startServer({
  setup: ({ data, tokens: file }) => {
    for (const post of ['chair', 'org-records', 'apparatus-head', 'sec-legal']) tokens[post] = addToken(file, post);
    oneTime = addUser(data, 'tamar', 'org-head', 'თამარ გოგუაძე');
  },
});
const browser = await launchBrowser();
let caseId = '';
// The state after each version, and the Georgian names the page shows.
const STATES = ['registered', 'resolved', 'in_execution', 'answer_drafted'];
const NAMES = { registered: 'რეგისტრირებული', resolved: 'რეზოლუციით', in_execution: 'შესრულების პროცესში',
  answer_drafted: 'პასუხის პროექტი მზადაა' };

async function command(post, body) {
  const answer = await api(server.url, 'POST', caseId ? `/v1/cases/${caseId}/commands` : '/v1/cases', {
    token: tokens[post], body: { command_id: `${post}-${body.type}`, command: body },
  });
  assert.ok(answer.status === 200 || answer.status === 201, JSON.stringify(answer.body));
  return answer.body;
}

// The state the page shows in the case details ("მდგომარეობა").
async function shownState(page) {
  const details = page.locator('.step-through .case-details dl').first();
  await details.waitFor();
  return details.locator('dt', { hasText: 'მდგომარეობა' }).locator('xpath=following-sibling::dd[1]').innerText();
}

async function expectStep(page, version) {
  await page.locator('.stepper span[aria-live]', { hasText: `მოვლენა ${version} / ${STATES.length}-ის შემდეგ` }).waitFor();
  await page.locator('.step-through .case-details dd', { hasText: NAMES[STATES[version - 1]] }).first().waitFor();
  assert.equal(await shownState(page), NAMES[STATES[version - 1]], `after event ${version}`);
  assert.equal(await page.locator('#step-slider').inputValue(), String(version));
}

try {
  await run({
    async 'an application worked on one step a day (API)'() {
      caseId = (await command('org-records', {
        type: 'register_incoming', kind: 'application', channel: 'post',
        sender: { name: 'ლია ნაკაშიძე', kind: 'citizen', address: 'ოზურგეთი' }, subject: 'სოციალური დახმარების მოთხოვნა',
        received_on: '2026-11-02', addressee: 'apparatus-head',
      })).case_id;
      await advanceClock(server.url, tokens.chair, 1); // 3 November
      await command('apparatus-head', { type: 'assign_resolution', lead_executor: 'sec-legal', instruction: 'განიხილეთ' });
      await advanceClock(server.url, tokens.chair, 1); // 4 November
      await command('sec-legal', { type: 'confirm_receipt' });
      await advanceClock(server.url, tokens.chair, 1); // 5 November
      await command('sec-legal', { type: 'draft_answer', text: 'დახმარება დაინიშნოს' });
    },

    async 'the auditor steps through the history: previous, next, the slider, a moment'() {
      const page = await newPage(browser);
      await firstLogin(page, server.url, 'tamar', oneTime, 'აუდიტორი-2026-პაროლი');
      await page.getByRole('link', { name: 'აუდიტი', exact: true }).click();
      await page.locator('#audit-case').fill(caseId);
      await page.getByRole('button', { name: 'ჩვენება' }).first().click();
      await expectStep(page, 4); // the last event first
      await assertAccessible(page, 'the audit step-through');
      assert.match(await page.locator('.step-through .timeline').innerText(), /პასუხის პროექტი/);

      for (let v = 3; v >= 1; v--) {
        await page.getByRole('button', { name: 'წინა' }).click();
        await expectStep(page, v);
      }
      assert.equal(await page.getByRole('button', { name: 'წინა' }).isDisabled(), true, 'nothing before the first');
      assert.match(await page.locator('.step-through .timeline').innerText(), /დარეგისტრირდა/);
      await page.getByRole('button', { name: 'შემდეგი' }).click();
      await expectStep(page, 2);
      assert.match(await page.locator('.step-through .timeline').innerText(), /რეზოლუცია დაიდო/);

      await page.locator('#step-slider').focus();
      await page.keyboard.press('End');
      await expectStep(page, 4);
      await page.keyboard.press('ArrowLeft');
      await expectStep(page, 3);
      await page.keyboard.press('Home');
      await expectStep(page, 1);
      await assertAccessible(page, 'the audit step-through at the first event');

      // 3 November, end of the day (Tbilisi): resolved, receipt not yet confirmed
      await page.locator('#as-of').fill('2026-11-03T23:59');
      await page.locator('#as-of').press('Enter');
      // shown back the Georgian way
      await page.locator('.stepper span[aria-live]', { hasText: '3 ნოემბერი 2026, 23:59' }).waitFor();
      await page.locator('.step-through .case-details dd', { hasText: NAMES.resolved }).first().waitFor();
      assert.equal(await shownState(page), NAMES.resolved);
      await page.locator('#as-of').fill('2026-11-04T23:00');
      await page.locator('#as-of').press('Enter');
      await page.locator('.stepper span[aria-live]', { hasText: '4 ნოემბერი 2026, 23:00' }).waitFor();
      await page.locator('.step-through .case-details dd', { hasText: NAMES.in_execution }).first().waitFor();
      assert.equal(await shownState(page), NAMES.in_execution);
      await assertAccessible(page, 'the audit page as of a moment');
      // before the case existed: the server's 404, said on the page
      await page.locator('#as-of').fill('2026-11-01T12:00');
      await page.locator('#as-of').press('Enter');
      await page.locator('.step-through .error-box').waitFor();
      assert.match(await page.locator('.step-through .error-box').innerText(), /ჯერ არ არსებობდა/);
      // the access log of the case, from the page: what was done and on which ground, in words
      await page.getByRole('link', { name: 'წვდომის ჟურნალი' }).last().click();
      const rows = page.locator('table tbody tr');
      await rows.first().waitFor();
      const log = await page.locator('table').innerText();
      assert.match(log, /საქმის ნახვა|საქმის ისტორიის ნახვა/, log);
      assert.match(log, /აუდიტორი|ზედამხედველი|საქმისწარმოების სამსახური/, 'the ground of the reads, in words');
      assert.doesNotMatch(log, /GET \/v1|\baudit\b|supervisor|participant/, log);
      assert.ok(await rows.first().getByRole('link').count() > 0, 'the case is a link');
      await assertAccessible(page, 'the access log of the case');
      assert.deepEqual(pageErrors(page), []);
      await page.context().close();
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
