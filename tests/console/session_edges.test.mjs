// The edges of a session in the browser: a wrong password reads exactly like an unknown login; a
// write from the logged-in browser without the CSRF token, or with a foreign Origin, is refused
// 403 and writes nothing (the same write with both goes through); logout ends the session on the
// server; and a session idle past its expiry — the simulated clock advanced by the chair through
// the API — sends the console back to the login page, saying so.
import assert from 'node:assert/strict';
import {
  addToken, addUser, advanceClock, api, assertAccessible, firstLogin, launchBrowser, login, logout, newPage,
  pageErrors, requireChromium, run, startServer,
} from './lib.mjs';

requireChromium();

let chair = '';
let oneTime = '';
const password = 'კანცელარია-2026-პაროლი';
const server = await startServer({
  setup: ({ data, tokens }) => {
    chair = addToken(tokens, 'chair');
    oneTime = addUser(data, 'mariam', 'org-records', 'მარიამ ხომერიკი');
  },
});
const browser = await launchBrowser();

const register = (subject) => ({
  command_id: `csrf-${subject}`,
  command: { type: 'register_incoming', kind: 'correspondence', channel: 'email',
    sender: { name: 'ოზურგეთის სკოლა', kind: 'organisation' }, subject, received_on: '2026-11-02', addressee: 'chair' },
});
const incomingCount = async () =>
  (await api(server.url, 'GET', '/v1/journals/incoming?year=2026', { token: chair })).body.entries.length;

try {
  await run({
    async 'a wrong password and an unknown login get the same message'() {
      const page = await newPage(browser);
      await firstLogin(page, server.url, 'mariam', oneTime, password);
      await logout(page);
      const messages = [];
      for (const [name, secret] of [['mariam', 'არასწორი-პაროლი-1'], ['nobody-here', 'არასწორი-პაროლი-1']]) {
        await page.locator('#login').fill(name);
        await page.locator('#password').fill(secret);
        await page.locator('form button[type=submit]').click();
        await page.locator('.error-box').waitFor();
        messages.push(await page.locator('.error-box').innerText());
        await assertAccessible(page, 'the login page with its error');
        await page.goto(server.url + '/');
        await page.locator('#login').waitFor();
      }
      assert.equal(messages[0], 'მომხმარებელი ან პაროლი არასწორია.');
      assert.equal(messages[1], messages[0]);
      await page.context().close();
    },

    async 'a cross-site write from the logged-in browser is refused and writes nothing'() {
      const page = await newPage(browser);
      assert.equal(await login(page, server.url, 'mariam', password), false);
      const before = await incomingCount();
      // without X-CSRF-Token, from the page itself (its cookie goes with it)
      const bare = await page.evaluate(async (body) => {
        const r = await fetch('/v1/cases', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin', body: JSON.stringify(body) });
        return { status: r.status, body: await r.json() };
      }, register('no-token'));
      assert.equal(bare.status, 403);
      assert.equal(bare.body.error.code, 'forbidden');
      // with the right token but a foreign Origin (the browser context's cookie jar)
      const me = await (await page.request.get(server.url + '/v1/me')).json();
      assert.ok(me.csrf_token);
      const foreign = await page.request.post(server.url + '/v1/cases', {
        headers: { Origin: 'http://evil.example', 'X-CSRF-Token': me.csrf_token }, data: register('foreign-origin'),
      });
      assert.equal(foreign.status(), 403);
      assert.equal((await foreign.json()).error.code, 'forbidden');
      assert.equal(await incomingCount(), before, 'nothing was written');
      // the same write with the token from the page's own origin goes through
      const own = await page.evaluate(async ({ body, csrf }) => {
        const r = await fetch('/v1/cases', { method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify(body) });
        return r.status;
      }, { body: register('own-origin'), csrf: me.csrf_token });
      assert.equal(own, 201);
      assert.equal(await incomingCount(), before + 1);
      assert.deepEqual(pageErrors(page), []);
      await page.context().close();
    },

    async 'logout ends the session on the server'() {
      const page = await newPage(browser);
      await login(page, server.url, 'mariam', password);
      assert.equal((await page.request.get(server.url + '/v1/me')).status(), 200);
      await logout(page);
      await assertAccessible(page, 'the login page after logout');
      assert.equal((await page.request.get(server.url + '/v1/me')).status(), 401);
      await page.reload();
      await page.locator('#login').waitFor();
      await page.context().close();
    },

    async 'an idle session expires on the simulated clock and the console returns to login'() {
      const page = await newPage(browser);
      await login(page, server.url, 'mariam', password);
      await page.getByRole('link', { name: 'ძიება' }).click();
      await page.locator('#search-title').waitFor();
      await assertAccessible(page, 'the search page');
      await advanceClock(server.url, chair, 1); // past the 8 idle hours
      await page.getByRole('link', { name: 'ჟურნალები' }).click();
      const notice = page.locator('.login p.notice[role=status]');
      await notice.waitFor();
      assert.equal(await notice.innerText(), 'სესია დასრულდა. შედით თავიდან.');
      assert.equal(await page.locator('nav').count(), 0, 'the signed-in navigation is gone');
      await assertAccessible(page, 'the login page after the session expired');
      // logging in again works, and lands where the console is
      await page.locator('#login').fill('mariam');
      await page.locator('#password').fill(password);
      await page.locator('form button[type=submit]').click();
      await page.locator('nav').waitFor();
      assert.deepEqual(pageErrors(page), []);
      await page.context().close();
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
