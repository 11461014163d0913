// A supervisor's alert page is live: the head of the secretariat has the alerts page open when
// the chair advances the simulated clock past a letter's due date (POST /v1/admin/clock/advance,
// through the API); the missed deadline appears on the page and the unread count in the header
// rises, without a reload (the Server-Sent Events stream). The supervisor acknowledges it on the
// page; the count falls, the server has it acknowledged and the case's history records who.
// Sessions are kept alive across the advance (--session-idle-minutes): expiry is console_session_edges.
import assert from 'node:assert/strict';
import {
  addToken, addUser, api, advanceClock, assertAccessible, firstLogin, launchBrowser, newPage, pageErrors,
  requireChromium, run, startServer,
} from './lib.mjs';

requireChromium();

const tokens = {};
let oneTime = '';
const server = await startServer({
  extra: ['--session-idle-minutes', '43200'],
  setup: ({ data, tokens: file }) => {
    for (const post of ['chair', 'org-records', 'apparatus-head']) tokens[post] = addToken(file, post);
    oneTime = addUser(data, 'zurab', 'sec-head', 'ზურაბ კალანდაძე');
  },
});
const browser = await launchBrowser();
const subject = 'ბიუჯეტის შესრულების კვარტალური ანგარიში';
let caseId = '';

async function command(post, id, body) {
  const path = id ? `/v1/cases/${id}/commands` : '/v1/cases';
  const answer = await api(server.url, 'POST', path, {
    token: tokens[post], body: { command_id: `${post}-${body.type}-${id}`, command: body },
  });
  assert.ok(answer.status === 200 || answer.status === 201, JSON.stringify(answer.body));
  return answer.body;
}

const unread = (page) => page.locator('header .alert-count .count');

try {
  await run({
    async 'a letter due in three days, resolved to the legal specialist (API)'() {
      caseId = (await command('org-records', '', {
        type: 'register_incoming', kind: 'correspondence', channel: 'email',
        sender: { name: 'საქართველოს ფინანსთა სამინისტრო', kind: 'agency' }, subject,
        received_on: '2026-11-02', addressee: 'apparatus-head', stated_due: '2026-11-05',
      })).case_id;
      await command('apparatus-head', caseId, { type: 'assign_resolution', lead_executor: 'sec-legal', instruction: 'მოამზადეთ ანგარიში' });
    },

    async 'the alert appears on the open page and in the header count when the clock advances'() {
      const page = await newPage(browser);
      await firstLogin(page, server.url, 'zurab', oneTime, 'სამდივნო-2026-პაროლი');
      await page.getByRole('link', { name: 'შეტყობინებები' }).click();
      await page.locator('h1#alerts-title').waitFor();
      await page.locator('p[role=status]', { hasText: 'პირდაპირი განახლება ჩართულია' }).waitFor();
      assert.equal(await unread(page).innerText(), '0');
      assert.equal(await page.locator('table tbody tr').count(), 0);
      await assertAccessible(page, 'the alerts page, empty');
      const before = await page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin);

      const advanced = await advanceClock(server.url, tokens.chair, 4);
      assert.equal(advanced.today, '2026-11-06');
      const row = page.locator('table tbody tr', { hasText: subject });
      await row.waitFor({ timeout: 15000 });
      assert.match(await row.innerText(), /ვადა გაცდა/);
      assert.match(await row.innerText(), /5 ნოემბერი 2026/);
      // the watch rule in Georgian (rule_ka), not the English rule
      assert.match(await row.innerText(), /ვადა 2026-11-05 გავიდა/);
      assert.doesNotMatch(await row.innerText(), /passed with the proceeding/);
      assert.equal(await unread(page).innerText(), '1');
      const after = await page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin);
      assert.equal(after, before, 'the page was not reloaded');
      await assertAccessible(page, 'the alerts page with the alert');

      await row.getByRole('button', { name: /გაცნობა/ }).click();
      await row.locator('td', { hasText: 'გაცნობილია' }).waitFor();
      // the button is gone: the focus is on the confirmation naming the case
      const confirmed = page.locator('p.success[role=status]', { hasText: subject });
      await confirmed.waitFor();
      assert.ok(await confirmed.evaluate((el) => el === document.activeElement), 'the focus is on the confirmation');
      assert.equal(await unread(page).innerText(), '0');
      await assertAccessible(page, 'the alerts page, acknowledged');
      assert.deepEqual(pageErrors(page), []);
      await page.context().close();
    },

    async 'the acknowledgement is the server\'s: the alert read, the history names the supervisor'() {
      const history = await api(server.url, 'GET', `/v1/cases/${caseId}/history`, { token: tokens.chair });
      const ack = history.body.events.find((e) => e.type === 'alert_acknowledged');
      assert.ok(ack, history.body.events.map((e) => e.type).join(', '));
      assert.deepEqual([ack.actor.post, ack.actor.person], ['sec-head', 'ზურაბ კალანდაძე']);
      // the head of the apparatus (who set the deadline) has the same miss, still unread
      const heads = await api(server.url, 'GET', '/v1/alerts', { token: tokens['apparatus-head'] });
      assert.deepEqual(heads.body.alerts.map((a) => [a.type, a.acknowledged]), [['deadline_missed', false]]);
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
