// A person with no right to a case: the website administrator (info-web) is no participant of a
// citizen's application, supervises no one on it, keeps no register and audits nothing. Opening
// the case's address shows the console's one no-access page (the same as for a case that does
// not exist), and the API answers 404 for the case view and its history — with the person's own
// session, from the browser; the auditor's page of the case is not for this post. The clerk who
// registered it opens the same address and reads it.
import assert from 'node:assert/strict';
import {
  addToken, addUser, api, assertAccessible, firstLogin, launchBrowser, newPage, pageErrors, requireChromium,
  run, startServer,
} from './lib.mjs';

requireChromium();

const tokens = {};
const oneTime = {};
const server = await startServer({
  setup: ({ data, tokens: file }) => {
    tokens.clerk = addToken(file, 'org-records');
    oneTime.web = addUser(data, 'teona', 'info-web', 'თეონა ერქომაიშვილი');
    oneTime.clerk = addUser(data, 'mariam', 'org-records', 'მარიამ ხომერიკი');
  },
});
const browser = await launchBrowser();
const subject = 'ოჯახური მდგომარეობის შესახებ ცნობა';
let caseId = '';

try {
  await run({
    async 'an application registered and addressed to the head of the apparatus (API)'() {
      const answer = await api(server.url, 'POST', '/v1/cases', {
        token: tokens.clerk,
        body: { command_id: 'reg-1', command: { type: 'register_incoming', kind: 'application', channel: 'reception',
          sender: { name: 'ეკა ბერიძე', kind: 'citizen' }, subject, received_on: '2026-11-02', addressee: 'apparatus-head' } },
      });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      caseId = answer.body.case_id;
    },

    async 'info-web opening the case address gets the no-access page; the API says 404'() {
      const page = await newPage(browser);
      await firstLogin(page, server.url, 'teona', oneTime.web, 'ვებგვერდი-2026-პაროლი');
      await page.goto(`${server.url}/cases/${caseId}`);
      const title = page.locator('h1#no-access-title');
      await title.waitFor();
      assert.equal(await title.innerText(), 'საქმე არ არსებობს, ან მისი ნახვის უფლება არ გაქვთ.');
      assert.equal(await page.locator('.case-details, .timeline').count(), 0, 'nothing of the case is shown');
      assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(subject));
      await assertAccessible(page, 'the no-access page');

      // the same page for a case that does not exist: existence does not leak
      await page.goto(`${server.url}/cases/case-00000000000000000000`);
      await title.waitFor();
      // the auditor's step-through of the case is no way round: the page is not for this post
      await page.goto(`${server.url}/audit?case=${caseId}`);
      const forbidden = page.locator('h1#forbidden-title');
      await forbidden.waitFor();
      assert.equal(await forbidden.innerText(), 'ეს გვერდი თქვენი თანამდებობისთვის არ არის.');
      assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(subject));
      await assertAccessible(page, 'a page not for this post');
      const audited = await page.request.get(`${server.url}/v1/audit/access?case=${caseId}`);
      assert.equal(audited.status(), 403, 'nor is the access log');

      // the API with this person's own session cookie, from the browser context
      for (const path of [`/v1/cases/${caseId}`, `/v1/cases/${caseId}/history`, `/v1/cases/${caseId}/history?format=csv`]) {
        const answer = await page.request.get(server.url + path, { headers: { Accept: 'application/json' } });
        assert.equal(answer.status(), 404, path);
        assert.equal((await answer.json()).error.code, 'not_found', path);
      }
      const listed = await page.request.get(`${server.url}/v1/cases?q=${encodeURIComponent('ცნობა')}`);
      assert.deepEqual((await listed.json()).cases, [], 'the search does not list it either');
      assert.deepEqual(pageErrors(page), []);
      await page.context().close();
    },

    async 'the clerk who registered it reads it at the same address'() {
      const page = await newPage(browser);
      await firstLogin(page, server.url, 'mariam', oneTime.clerk, 'კანცელარია-2026-პაროლი');
      await page.goto(`${server.url}/cases/${caseId}`);
      await page.locator('#case-title').waitFor();
      assert.match(await page.locator('.case-details').innerText(), new RegExp(subject));
      await assertAccessible(page, 'the case page (clerk)');
      await page.context().close();
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
