// A records clerk and the head of the body at work in the browser, as persons who log in
// (`saqme user add`, docs/auth.md): the one-time password is changed at the first login, the
// clerk registers an application through the form and gets its number and deadline, opens the
// case and sees its timeline; the chair finds it in the inbox with the step expected; a wrong
// password gets the same answer as an unknown login. axe-core runs on every page on the way.
// Skipped (77) while this saqme has no `user` subcommand (sessions come with branch auth).
import assert from 'node:assert/strict';
import {
  addUser, changePassword, describeViolations, hasSubcommand, launchBrowser, login, newPage,
  requireChromium, run, seriousViolations, startServer,
} from './lib.mjs';

requireChromium();
if (!hasSubcommand('user')) {
  console.log('SKIP: this saqme has no `user` subcommand yet: persons and sessions are not served');
  process.exit(77);
}

const passwords = {};
const server = await startServer({
  setup: ({ data }) => {
    passwords.clerk = addUser(data, 'clerk', 'org-records', 'მარიამ ხომერიკი');
    passwords.chair = addUser(data, 'chair', 'chair', 'გიორგი ბერიძე');
  },
});
const browser = await launchBrowser();
const subject = 'ქუჩის განათების აღდგენა ლაითურში';
let registrationNumber = '';

async function noSeriousViolations(page, where) {
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`);
}

try {
  await run({
    async 'the clerk changes the one-time password, registers an application and opens its case'() {
      const page = await newPage(browser);
      assert.equal(await login(page, server.url, 'clerk', passwords.clerk), true, 'a one-time password must be changed');
      await noSeriousViolations(page, 'change password');
      await changePassword(page, passwords.clerk, 'ახალი-პაროლი-2026');
      assert.match(await page.locator('header').innerText(), /მარიამ ხომერიკი/);
      await noSeriousViolations(page, 'inbox');

      await page.getByRole('link', { name: 'რეგისტრაცია' }).click();
      // correspondence may carry the sender's stated deadline; an application's is the law's
      await page.locator('#stated_due').waitFor();
      // a failed check puts the focus on the first field it refused
      await page.locator('#pages').fill('-1');
      await page.getByRole('button', { name: 'რეგისტრაცია', exact: true }).last().click();
      await page.locator('[id="sender.name"][aria-invalid="true"]').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'sender.name');
      assert.match(await page.locator('main').innerText(), /0 ან მეტი/, 'pages: 0 or more');
      await page.locator('#kind').selectOption('application');
      assert.equal(await page.locator('#stated_due').count(), 0, 'no stated deadline for an application');
      await page.locator('#channel').selectOption('email');
      await page.locator('[id="sender.name"]').fill('ნინო ბერიძე');
      await page.locator('#subject').fill(subject);
      await page.locator('#summary').fill('ითხოვს ქუჩის განათების აღდგენას');
      await page.locator('#pages').fill('2');
      await page.locator('#received_on').fill('2026-11-02');
      await page.locator('#addressee').selectOption('chair');
      await noSeriousViolations(page, 'registration form');
      await page.getByRole('button', { name: 'რეგისტრაცია', exact: true }).last().click();
      const done = page.locator('.success');
      await done.waitFor();
      const text = await done.innerText();
      const number = /ნომრით (\S+)\./.exec(text);
      assert.ok(number, text);
      registrationNumber = number[1];
      assert.match(text, /ვადა: \d+ \S+ 2026/);
      await noSeriousViolations(page, 'registered');

      await page.getByRole('link', { name: 'საქმის გახსნა' }).click();
      await page.locator('#case-title').waitFor();
      assert.match(await page.locator('#case-title').innerText(), new RegExp(registrationNumber));
      assert.match(await page.locator('.case-details').innerText(), new RegExp(subject));
      assert.match(await page.locator('.timeline').innerText(), /დარეგისტრირდა/);
      await noSeriousViolations(page, 'case page');
      assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);

      await page.getByRole('button', { name: 'გასვლა' }).click();
      await page.locator('#login').waitFor();
      await page.context().close();
    },

    async 'the chair finds the application in the inbox, soonest due first'() {
      const page = await newPage(browser);
      assert.equal(await login(page, server.url, 'chair', passwords.chair), true);
      await changePassword(page, passwords.chair, 'თავმჯდომარე-2026');
      const row = page.locator('table.work tbody tr', { hasText: subject });
      await row.waitFor();
      assert.match(await row.innerText(), new RegExp(registrationNumber));
      await noSeriousViolations(page, 'chair inbox');
      await page.context().close();
    },

    async 'a wrong password and an unknown login get the same message'() {
      const page = await newPage(browser);
      for (const [name, password] of [['clerk', 'არასწორი-პაროლი'], ['nobody', 'არასწორი-პაროლი']]) {
        await page.goto(server.url + '/');
        await page.locator('#login').fill(name);
        await page.locator('#password').fill(password);
        await page.locator('form button[type=submit]').click();
        await page.locator('.error-box').waitFor();
        assert.equal(await page.locator('.error-box').innerText(), 'მომხმარებელი ან პაროლი არასწორია.');
      }
      await page.context().close();
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
