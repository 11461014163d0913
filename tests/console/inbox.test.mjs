// A records office with more work than one page: 1 005 letters registered (through the API) wait
// for the chair's resolution. The chair's inbox shows the first 1 000, soonest due first, says
// how many there are in all and reads the rest with "next page" — the inbox is never one
// answer of every item (docs/api.md, "The inbox"). The records office's queues ask the server
// for their own action: a signed answer waits in the dispatch queue, nothing in the filing one.
import assert from 'node:assert/strict';
import { addToken, api, assertAccessible, launchBrowser, newPage, requireChromium, run, startServer } from './lib.mjs';

requireChromium();

const tokens = {};
const server = await startServer({
  setup: ({ tokens: file }) => {
    for (const post of ['chair', 'org-records', 'apparatus-head', 'sec-legal', 'org-head']) tokens[post] = addToken(file, post);
  },
});
const browser = await launchBrowser();
const LETTERS = 1005;

async function register(i, stated_due) {
  const answer = await api(server.url, 'POST', '/v1/cases', {
    token: tokens['org-records'],
    body: {
      command_id: `inbox-letter-${i}`,
      command: {
        type: 'register_incoming', kind: 'correspondence', channel: 'email',
        sender: { name: 'საქართველოს ფინანსთა სამინისტრო', kind: 'agency' },
        subject: `წერილი ${i}`, received_on: '2026-11-02', addressee: 'chair', stated_due,
      },
    },
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body;
}

// A command of `post` on case `id` (a new case when id is ''); its answer.
async function command(post, id, body) {
  const answer = await api(server.url, 'POST', id ? `/v1/cases/${id}/commands` : '/v1/cases', {
    token: tokens[post], body: { command_id: `inbox-${post}-${body.type}-${id}`, command: body },
  });
  assert.ok(answer.status === 200 || answer.status === 201, JSON.stringify(answer.body));
  return answer.body;
}

try {
  await run({
    async 'a thousand and five letters wait for the chair (API)'() {
      // Eight at a time; the last registered is due first, so the server's order is not the
      // registration's.
      for (let i = 0; i < LETTERS; i += 8) {
        await Promise.all(
          Array.from({ length: Math.min(8, LETTERS - i) }, (_, k) => {
            const n = i + k;
            return register(n, n === LETTERS - 1 ? '2026-11-05' : '2026-11-20');
          }),
        );
      }
    },

    async 'the inbox shows a page, how many there are, and the rest on the next page'() {
      const page = await newPage(browser, { token: tokens.chair });
      await page.goto(server.url + '/');
      const rows = page.locator('table.work tbody tr');
      await page.locator('#inbox-title').waitFor();
      await page.getByText('ნაჩვენებია 1000, სულ 1005').waitFor();
      assert.equal(await rows.count(), 1000);
      assert.match(await rows.first().innerText(), new RegExp(`წერილი ${LETTERS - 1}`), 'soonest due first');
      await assertAccessible(page, 'a full page of the inbox');
      await page.getByRole('button', { name: 'შემდეგი გვერდი' }).click();
      await page.waitForFunction(() => document.querySelectorAll('table.work tbody tr').length === 1005);
      assert.equal(await page.getByRole('button', { name: 'შემდეგი გვერდი' }).count(), 0, 'nothing follows');
      assert.equal(await page.getByText('ნაჩვენებია').count(), 0, 'every item shown');
      const subjects = await rows.evaluateAll((trs) => trs.map((tr) => tr.cells[2].innerText.trim()));
      assert.equal(new Set(subjects).size, LETTERS, 'every letter once');
      assert.deepEqual(page.problems, []);
      await page.context().close();
    },

    async 'the records office queues ask for their own action and list the signed answer'() {
      // An application answered and signed (API): it waits for the records office to dispatch it.
      const opened = await command('org-records', '', {
        type: 'register_incoming', kind: 'application', channel: 'reception',
        sender: { name: 'ეკატერინე ბერიძე', kind: 'citizen' }, subject: 'მიწის ნაკვეთის რეგისტრაცია',
        received_on: '2026-11-02', addressee: 'apparatus-head',
      });
      const id = opened.case_id;
      await command('apparatus-head', id, { type: 'assign_resolution', lead_executor: 'sec-legal', instruction: 'მოამზადეთ პასუხი' });
      await command('sec-legal', id, { type: 'confirm_receipt' });
      await command('sec-legal', id, { type: 'draft_answer', text: 'ნაკვეთი აღრიცხულია' });
      await command('org-head', id, { type: 'endorse' });
      await command('apparatus-head', id, { type: 'decide', outcome: 'granted', text: 'დაკმაყოფილდეს' });
      await command('apparatus-head', id, { type: 'sign' });

      const page = await newPage(browser, { token: tokens['org-records'] });
      const asked = [];
      page.on('request', (r) => r.url().includes('/v1/inbox') && asked.push(new URL(r.url()).search));
      await page.goto(server.url + '/queues');
      await page.locator('#queues-title').waitFor();
      const dispatch = page.locator('table.work', { has: page.locator('caption', { hasText: 'გასაგზავნი' }) });
      await dispatch.getByRole('link', { name: opened.registration_number }).waitFor();
      assert.equal(await dispatch.locator('tbody tr').count(), 1, 'only the signed answer waits to be sent');
      await page.getByText('ჩანაწერი არ არის').waitFor(); // nothing to file yet
      assert.deepEqual(asked.sort(), ['?action=dispatch', '?action=file']);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
