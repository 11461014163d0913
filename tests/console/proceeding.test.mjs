// A citizen's application from registration to filing, every step taken in the browser by the
// person whose work it is (persons made with `saqme user add`, each changing the one-time
// password on the console's own page at the first login): the clerk registers it and sees its
// number and deadline explanation; the head of the apparatus finds it in the inbox and resolves
// it to the legal specialist through the case page's action form; the specialist confirms
// receipt and drafts the answer; the head decides and signs; the clerk dispatches and files it
// (the chair approves the year's nomenclature on the console's nomenclature page first). The case's history then
// names each step's post and the person logged in. axe-core runs on every page on the way.
import assert from 'node:assert/strict';
import {
  addToken, addUser, api, assertAccessible, commandLabels, firstLogin, launchBrowser, logout, newPage,
  pageErrors, requireChromium, run, startServer,
} from './lib.mjs';

requireChromium();

// Persons who now hold the posts, not the holders the demonstration org chart names (`chart`).
const people = {
  clerk: { login: 'clerk', post: 'org-records', name: 'ნანა ლომიძე', chart: 'მარიამ ხომერიკი' },
  head: { login: 'head', post: 'apparatus-head', name: 'ლევან გიორგაძე', chart: 'ნინო ჩხაიძე' },
  lawyer: { login: 'lawyer', post: 'sec-legal', name: 'სოფო კაპანაძე', chart: 'ანა ღლონტი' },
  chairman: { login: 'chairman', post: 'chair', name: 'თამარ ნიჟარაძე', chart: 'გიორგი ბერიძე' },
};
let chair = '';
const server = await startServer({
  setup: ({ data, tokens }) => {
    chair = addToken(tokens, 'chair');
    for (const p of Object.values(people)) p.oneTime = addUser(data, p.login, p.post, p.name);
  },
});
const browser = await launchBrowser();
const labels = await commandLabels(server.url, chair);
const subject = 'მიწის ნაკვეთის საკადასტრო ცნობის ასლი';
let caseId = '';
let number = '';

// A person's page, logged in (the first time: through the change-password page).
const sessions = {};
async function pageOf(who) {
  const person = people[who];
  if (sessions[who]) return sessions[who];
  const page = await newPage(browser);
  await firstLogin(page, server.url, person.login, person.oneTime, `${person.login}-ახალი-პაროლი`);
  const header = await page.locator('header').innerText();
  assert.match(header, new RegExp(person.name));
  assert.doesNotMatch(header, new RegExp(person.chart), 'the header names the person signed in, not the chart');
  sessions[who] = page;
  return page;
}

// Opens the case from the person's inbox (its registration number links to it).
async function openFromInbox(page, who) {
  // the server describes its items: the inbox reads no case view
  const viewsRead = [];
  const listener = (r) => {
    if (/^\/v1\/cases\/[^/]+$/.test(new URL(r.url()).pathname)) viewsRead.push(r.url());
  };
  page.on('request', listener);
  await page.getByRole('link', { name: /შემოსული სამუშაო/ }).first().click();
  const row = page.locator('table.work tbody tr', { hasText: subject });
  await row.waitFor();
  page.off('request', listener);
  assert.deepEqual(viewsRead, [], `the inbox of ${who} read no case view`);
  if (who === 'lawyer') {
    const text = await row.innerText();
    assert.match(text, /კონტროლზეა/, 'the item on control is marked');
    assert.match(text, /მოამზადეთ პასუხი/, 'the resolution\'s instruction is shown');
    assert.match(text, /2 ნოემბერი 2026/, 'the received date is shown');
  }
  await assertAccessible(page, `inbox of ${who} with the case`);
  await row.getByRole('link', { name: number }).click();
  await page.locator('#case-title').waitFor();
  await page.locator('.action-buttons, .actions p').first().waitFor();
}

// Takes the action `type` on the open case page: its button, its form (`fill` fills it), and
// waits for the confirmation and the reloaded case in `state`.
async function act(page, type, state, fill = async () => {}) {
  const label = labels[type].ka;
  await page.locator('.action-buttons').getByRole('button', { name: label, exact: true }).click();
  const form = page.locator(`form.command-form[aria-labelledby="cmd-${type}-title"]`);
  await form.waitFor();
  await fill(form);
  await assertAccessible(page, `the ${type} form`);
  await form.locator('button[type=submit]').click();
  const confirmed = page.locator('p.success[role=status]', { hasText: label });
  await confirmed.waitFor();
  await page.locator('#case-title', { hasText: STATES[state] }).waitFor();
  assert.ok(await confirmed.evaluate((el) => el === document.activeElement), `the focus is on the confirmation of ${type}`);
  await assertAccessible(page, `the case after ${type}`);
}

// The Georgian names of the states the case title shows after each step.
const STATES = {
  resolved: 'რეზოლუციით', in_execution: 'შესრულების პროცესში', answer_drafted: 'პასუხის პროექტი მზადაა',
  decided: 'გადაწყვეტილი', signed: 'ხელმოწერილი', answered: 'ნაპასუხები', filed: 'საქმეში ჩაკერებული',
};

try {
  await run({
    async 'the clerk registers the application and sees its number and deadline explanation'() {
      const page = await pageOf('clerk');
      await page.getByRole('link', { name: 'რეგისტრაცია' }).click();
      await page.locator('#kind').selectOption('application');
      await page.locator('#channel').selectOption('reception');
      await page.locator('[id="sender.name"]').fill('გიორგი თავდგირიძე');
      await page.locator('[id="sender.address"]').fill('ოზურგეთი, გურიის ქ. 12');
      await page.locator('#subject').fill(subject);
      await page.locator('#summary').fill('ითხოვს ნაკვეთის საკადასტრო ცნობის ასლს');
      // the server's today (simulated clock): this server's /v1/me may not say it yet
      await page.locator('#received_on').fill('2026-11-02');
      await page.locator('#addressee').selectOption('apparatus-head');
      await assertAccessible(page, 'the registration form');
      await page.getByRole('button', { name: 'რეგისტრაცია', exact: true }).last().click();
      await page.locator('.success, .error-box, .field-error').first().waitFor();
      assert.equal(await page.locator('.error-box, .field-error').count(), 0, await page.locator('main').innerText());
      const done = page.locator('.success');
      const text = await done.innerText();
      number = /ნომრით (\S+)\./.exec(text)?.[1];
      assert.ok(number, text);
      assert.match(text, /ვადა: 2 დეკემბერი 2026/);
      // in Georgian, citing the council's own regulations (never the Zugdidi statute)
      assert.match(text, /ოზურგეთის მუნიციპალიტეტის საკრებულოს რეგლამენტი/, 'the explanation names its legal source');
      assert.doesNotMatch(text, /ზუგდიდ|Zugdidi/, 'no other body\'s statute');
      assert.match(text, /1 თვე/, 'the explanation names its rule');
      await assertAccessible(page, 'registered');
      const href = await done.getByRole('link').getAttribute('href');
      caseId = decodeURIComponent(href.replace('/cases/', ''));
      assert.match(caseId, /^case-/);
    },

    async 'the head finds it in the inbox and resolves it to the legal specialist'() {
      const page = await pageOf('head');
      await openFromInbox(page, 'head');
      await act(page, 'assign_resolution', 'resolved', async (form) => {
        await form.locator('#cmd-assign_resolution-lead_executor').selectOption('sec-legal');
        await form.locator('#cmd-assign_resolution-instruction').fill('მოამზადეთ პასუხი და თან დაურთეთ ცნობის ასლი');
        await form.locator('#cmd-assign_resolution-on_control').check();
      });
      assert.match(await page.locator('.case-details').innerText(), /ანა ღლონტი/, 'the executor is named');
    },

    async 'the legal specialist confirms receipt and drafts the answer'() {
      const page = await pageOf('lawyer');
      await openFromInbox(page, 'lawyer');
      await act(page, 'confirm_receipt', 'in_execution');
      await act(page, 'draft_answer', 'answer_drafted', async (form) => {
        await form.locator('#cmd-draft_answer-text').fill('საკადასტრო ცნობის ასლი თან ერთვის.');
      });
      assert.match(await page.locator('.draft-text').innerText(), /საკადასტრო ცნობის ასლი თან ერთვის/);
    },

    async 'the head decides and signs'() {
      const page = await pageOf('head');
      await openFromInbox(page, 'head');
      await act(page, 'decide', 'decided', async (form) => {
        await form.locator('#cmd-decide-outcome').selectOption('granted');
        await form.locator('#cmd-decide-text').fill('განცხადება დაკმაყოფილდეს');
      });
      await act(page, 'sign', 'signed');
      const details = await page.locator('.case-details').innerText();
      assert.match(details, /გადაწყვეტილება\s+დაკმაყოფილდა/, 'the decision is shown with its outcome');
      assert.match(details, /გადაწყვიტა\s+აპარატის უფროსი/, 'and who decided');
      assert.equal(await page.locator('#draft-title').innerText(), 'პასუხი', 'signed: the answer, not a draft');
      assert.doesNotMatch(details, /ვერსია/, 'no version number for a non-auditor');
    },

    async 'the clerk dispatches and files it (the nomenclature approved by the chair)'() {
      // the chair approves the year's nomenclature through the form on the nomenclature page
      const chairPage = await pageOf('chairman');
      await chairPage.getByRole('link', { name: 'ნომენკლატურა' }).click();
      const approve = labels.approve_nomenclature.ka;
      await chairPage.getByRole('button', { name: approve, exact: true }).click();
      const form = chairPage.locator('form.command-form[aria-labelledby="cmd-approve_nomenclature-title"]');
      await form.waitFor();
      assert.equal(await form.locator('#cmd-approve_nomenclature-year').inputValue(), '2026', 'the year shown is prefilled');
      await form.getByRole('button', { name: 'დამატება' }).click();
      await form.getByLabel(/^ინდექსი/).fill('02-01');
      await form.getByLabel(/^სათაური/).fill('მოქალაქეთა განცხადებები');
      await form.getByLabel(/^შენახვის ვადა/).fill('5 years');
      await assertAccessible(chairPage, 'the approve_nomenclature form');
      await form.locator('button[type=submit]').click();
      await chairPage.locator('p.success[role=status]', { hasText: approve }).waitFor();
      await chairPage.locator('table tbody tr', { hasText: 'მოქალაქეთა განცხადებები' }).waitFor();
      await assertAccessible(chairPage, 'the approved nomenclature');
      const page = await pageOf('clerk');
      await page.getByRole('link', { name: 'გაგზავნა და შენახვა' }).click();
      const queued = page.locator('table.work', { has: page.locator('caption', { hasText: 'გასაგზავნი' }) })
        .locator('tbody tr', { hasText: subject });
      await queued.waitFor();
      await assertAccessible(page, 'the dispatch and filing queues');
      await queued.getByRole('link', { name: number }).click();
      await page.locator('.action-buttons').waitFor();
      await act(page, 'dispatch', 'answered', async (form) => {
        await form.locator('select#cmd-dispatch-channel').selectOption('post');
      });
      await act(page, 'file', 'filed', async (form) => {
        // the codes of the year's approved nomenclature, offered once read
        const code = form.locator('select#cmd-file-nomenclature_code');
        await code.waitFor();
        assert.match(await code.innerText(), /02-01 — მოქალაქეთა განცხადებები/);
        await code.selectOption('02-01');
      });
      assert.match(await page.locator('.actions').innerText(), /ამჟამად თქვენთვის მოქმედება არ არის/);
    },

    async 'the history names every step with its post and the person logged in'() {
      const history = await api(server.url, 'GET', `/v1/cases/${caseId}/history`, { token: chair });
      assert.equal(history.status, 200);
      const steps = history.body.events.map((e) => [e.type, e.actor.post, e.actor.person]);
      const { clerk, head, lawyer } = people;
      assert.deepEqual(steps, [
        ['incoming_registered', clerk.post, clerk.name],
        ['resolution_assigned', head.post, head.name],
        ['receipt_confirmed', lawyer.post, lawyer.name],
        ['answer_drafted', lawyer.post, lawyer.name],
        ['decided', head.post, head.name],
        ['signed', head.post, head.name],
        ['dispatched', clerk.post, clerk.name],
        ['filed', clerk.post, clerk.name],
      ]);
      // The console's timeline says the same.
      const page = await pageOf('clerk');
      const timeline = await page.locator('.timeline').innerText();
      for (const p of Object.values(people)) {
        if (p.login !== 'chairman') assert.match(timeline, new RegExp(p.name));
      }
      // what each event changed, readable: labelled fields, post titles, Georgian dates, yes/no
      const resolved = page.locator('.timeline > li').nth(1).locator('.changes'); // resolution_assigned
      const changes = await resolved.evaluate((el) => el.textContent);
      assert.match(changes, /მთავარი შემსრულებელი/, 'the field lead_executor is labelled');
      assert.match(changes, /სამართლებრივი უზრუნველყოფის/, 'the executor is named by the post title');
      assert.match(changes, /კონტროლზეკი/, 'on control: yes');
      const all = await page.locator('.timeline').evaluate((el) => el.textContent);
      // (the deadline's explanation is the server's text, with its own dates)
      const raw = /.{0,40}(lead_executor|on_control|sec-legal|\btrue\b).{0,40}/.exec(all);
      assert.equal(raw, null, `no raw field name, post id or true: ${raw?.[0]}`);
      const registered = await page.locator('.timeline > li').nth(0).locator('.changes').evaluate((el) => el.textContent);
      assert.match(registered, /მიღების თარიღი2 ნოემბერი 2026/, 'the received date the Georgian way');
      // the deadline's explanation once, in Georgian (due_explanation_ka folded into its field)
      assert.match(registered, /ვადის განმარტება.*წესი: 1 თვე/s, 'the explanation in Georgian');
      assert.doesNotMatch(registered, /due_explanation_ka|rule: months/, 'neither the raw field nor the English');
      // the journals: labelled columns, post titles, Georgian dates, no raw case id
      await page.getByRole('link', { name: 'ჟურნალები' }).click();
      const incoming = page.locator('table', { has: page.locator('caption') });
      await incoming.locator('tbody tr', { hasText: subject }).waitFor();
      const journalText = await incoming.innerText();
      assert.doesNotMatch(journalText, /case_id|case-|apparatus-head|\b\d{4}-\d{2}-\d{2}\b/, journalText);
      assert.match(journalText, /აპარატის უფროსი/, 'the addressee by its title');
      await assertAccessible(page, 'the incoming journal');
      await page.locator('#journal').selectOption('outgoing');
      await page.locator('table tbody tr').first().waitFor();
      const outgoing = await page.locator('table thead').innerText();
      assert.doesNotMatch(outgoing, /შემოსვლის გზა/, 'the outgoing journal\'s channel is not how a document came in');
      // the server's list: a standing commission's own minutes register, by the body's name
      const budget = page.locator('#journal option[value="minutes-commission-budget"]');
      await budget.waitFor({ state: 'attached' });
      assert.equal((await budget.innerText()).trim(), 'კომისიის სხდომების ოქმები — საფინანსო-საბიუჯეტო კომისია');
      await page.locator('#journal').selectOption('minutes-commission-budget');
      // the register has no minutes yet: the page says so instead of a table
      await page.getByText('ჩანაწერი არ არის').waitFor();
      assert.equal(await page.locator('#journal').inputValue(), 'minutes-commission-budget');
      for (const p of Object.values(sessions)) assert.deepEqual(pageErrors(p), []);
      await logout(page);
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
