// The Organisation page: the chair (power appoint) names an acting officer through the
// set_acting form on the page (rendered from the command schema, sent to POST /v1/org/commands);
// the assignment appears with its basis, and the server's GET /v1/org has it. The website
// administrator reads the same page without the forms.
import assert from 'node:assert/strict';
import {
  addUser, api, assertAccessible, commandLabels, addToken, firstLogin, launchBrowser, newPage, pageErrors,
  requireChromium, run, startServer,
} from './lib.mjs';

requireChromium();

const oneTime = {};
let chairToken = '';
const server = await startServer({
  setup: ({ data, tokens }) => {
    chairToken = addToken(tokens, 'chair');
    oneTime.chair = addUser(data, 'giorgi', 'chair', 'გიორგი ბერიძე');
    oneTime.web = addUser(data, 'teona', 'info-web', 'თეონა ერქომაიშვილი');
  },
});
const browser = await launchBrowser();
const labels = await commandLabels(server.url, chairToken);
const basis = 'თავმჯდომარის განკარგულება №12';

try {
  await run({
    async 'the chair names an acting officer on the Organisation page'() {
      const page = await newPage(browser);
      await firstLogin(page, server.url, 'giorgi', oneTime.chair, 'თავმჯდომარე-2026-პაროლი');
      await page.getByRole('link', { name: 'ორგანიზაცია' }).click();
      await page.locator('h1#org-title').waitFor();
      const label = labels.set_acting.ka;
      await page.getByRole('button', { name: label, exact: true }).click();
      const form = page.locator('form.command-form[aria-labelledby="cmd-set_acting-title"]');
      await form.waitFor();
      await form.locator('#cmd-set_acting-absent_post').selectOption('info-head');
      await form.locator('#cmd-set_acting-acting_post').selectOption('info-analytics');
      await form.locator('#cmd-set_acting-from').fill('2026-11-02');
      await form.locator('#cmd-set_acting-to').fill('2026-11-06');
      await form.locator('#cmd-set_acting-basis').fill(basis);
      await assertAccessible(page, 'the set_acting form');
      await form.locator('button[type=submit]').click();
      await page.locator('p.success[role=status]', { hasText: label }).waitFor();
      const row = page.locator('table[aria-labelledby="org-acting"] tbody tr', { hasText: basis });
      await row.waitFor();
      assert.match(await row.innerText(), /2026-11-06/);
      await assertAccessible(page, 'the Organisation page with an acting officer');
      const chart = await api(server.url, 'GET', '/v1/org', { token: chairToken });
      assert.ok(chart.body.acting.some((a) => a.post === 'info-head' && a.acting_post === 'info-analytics'
        && a.basis === basis && a.running), JSON.stringify(chart.body.acting));
      assert.deepEqual(pageErrors(page), []);
      await page.context().close();
    },

    async 'a post without appoint reads the page without the forms'() {
      const page = await newPage(browser);
      await firstLogin(page, server.url, 'teona', oneTime.web, 'ვებგვერდი-2026-პაროლი');
      await page.getByRole('link', { name: 'ორგანიზაცია' }).click();
      await page.locator('h1#org-title').waitFor();
      await page.locator('table[aria-labelledby="org-acting"] tbody tr', { hasText: basis }).waitFor();
      assert.equal(await page.getByRole('button', { name: labels.set_acting.ka, exact: true }).count(), 0);
      await assertAccessible(page, 'the Organisation page (read only)');
      assert.deepEqual(pageErrors(page), []);
      await page.context().close();
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
