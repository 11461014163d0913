// Screenshots of the console's pages in Georgian and English (docs/console.md, "Screenshots"), by
// hand — not a test:
//
//     SAQME_TEST_PASSWORD_COST=minimum SAQME_BINARY=build/cli/saqme node tests/console/screenshots.mjs [OUT-DIR]
//
// OUT-DIR defaults to docs/screenshots; each page is NAME.ka.png and NAME.en.png at 1280x800.
// It starts the real `saqme serve` with the simulated clock from 2 November 2026, fills it with
// demonstration work through the API (a dozen documents registered, resolved, answered; one
// filed; the clock advanced twelve days, so that some are overdue and the deadline watch has
// alerted the supervisors), then logs persons in through the console and photographs each page.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  addToken, addUser, advanceClock, api, changePassword, launchBrowser, login, newPage, requireChromium,
  startServer,
} from './lib.mjs';

requireChromium();
const out = process.argv[2] ?? new URL('../../docs/screenshots', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const people = {
  clerk: { login: 'mariam', post: 'org-records', name: 'მარიამ ხომერიკი' },
  head: { login: 'nino', post: 'apparatus-head', name: 'ნინო ჩხაიძე' },
  auditor: { login: 'tamar', post: 'org-head', name: 'თამარ გოგუაძე' },
  web: { login: 'teona', post: 'info-web', name: 'თეონა ერქომაიშვილი' },
};
const tokens = {};
const server = await startServer({
  extra: ['--session-idle-minutes', '43200'],
  setup: ({ data, tokens: file }) => {
    for (const post of ['chair', 'org-records', 'apparatus-head', 'sec-legal', 'sec-juridical', 'info-public']) {
      tokens[post] = addToken(file, post);
    }
    for (const p of Object.values(people)) p.oneTime = addUser(data, p.login, p.post, p.name);
  },
});

let commands = 0;
async function command(post, caseId, body) {
  const answer = await api(server.url, 'POST', caseId ? `/v1/cases/${caseId}/commands` : '/v1/cases', {
    token: tokens[post], body: { command_id: `demo-${++commands}`, command: body },
  });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`${body.type}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
const register = async (kind, sender, subject, extra = {}) =>
  (await command('org-records', '', {
    type: 'register_incoming', kind, channel: extra.channel ?? 'post', sender, subject,
    summary: extra.summary ?? '', received_on: extra.received_on ?? '2026-11-02',
    addressee: extra.addressee ?? 'apparatus-head', ...(extra.stated_due ? { stated_due: extra.stated_due } : {}),
  })).case_id;
const resolve = (id, executor, instruction) =>
  command('apparatus-head', id, { type: 'assign_resolution', lead_executor: executor, instruction, on_control: true });

// The demonstration work.
const cases = {};
await command('chair', '', { type: 'approve_nomenclature', year: 2026, files: [
  { code: '01-05', title: 'შემოსული კორესპონდენცია', retention: '5 years' },
  { code: '02-01', title: 'მოქალაქეთა განცხადებები', retention: '5 years' },
  { code: '02-02', title: 'საჯარო ინფორმაციის მოთხოვნები', retention: '3 years' },
] });
cases.filed = await register('application', { name: 'გიორგი თავდგირიძე', kind: 'citizen', address: 'ოზურგეთი, გურიის ქ. 12' },
  'მიწის ნაკვეთის საკადასტრო ცნობის ასლი', { channel: 'reception', summary: 'ითხოვს ნაკვეთის საკადასტრო ცნობის ასლს' });
await resolve(cases.filed, 'sec-legal', 'მოამზადეთ პასუხი და დაურთეთ ცნობის ასლი');
await command('sec-legal', cases.filed, { type: 'confirm_receipt' });
await command('sec-legal', cases.filed, { type: 'draft_answer', text: 'საკადასტრო ცნობის ასლი თან ერთვის.' });
await command('apparatus-head', cases.filed, { type: 'decide', outcome: 'granted', text: 'განცხადება დაკმაყოფილდეს' });
await command('apparatus-head', cases.filed, { type: 'sign' });
await command('org-records', cases.filed, { type: 'dispatch', channel: 'post' });
await command('org-records', cases.filed, { type: 'file', nomenclature_code: '02-01' });

cases.budget = await register('public_information', { name: 'ეკა ბერიძე', kind: 'citizen' },
  'საკრებულოს 2026 წლის ბიუჯეტის შესრულების ანგარიში', { channel: 'email' });
await resolve(cases.budget, 'info-public', 'გასცეს ინფორმაცია კანონით დადგენილ ვადაში');
await command('info-public', cases.budget, { type: 'confirm_receipt' });
cases.ministry = await register('correspondence', { name: 'საქართველოს ფინანსთა სამინისტრო', kind: 'agency' },
  'ადგილობრივი ბიუჯეტის პროექტის წარდგენა', { channel: 'exchange', stated_due: '2026-11-09' });
await resolve(cases.ministry, 'sec-legal', 'მოამზადეთ ინფორმაცია სამინისტროსთვის');
cases.lights = await register('application', { name: 'ნინო ბერიძე', kind: 'citizen', address: 'ლაითური' },
  'ქუჩის განათების აღდგენა ლაითურში', { channel: 'website' });
await resolve(cases.lights, 'sec-legal', 'შეისწავლეთ და მოამზადეთ პასუხი');
await command('sec-legal', cases.lights, { type: 'confirm_receipt' });
await command('sec-legal', cases.lights, { type: 'draft_answer', text: 'განათება აღდგება დეკემბრის ბოლომდე.' });
cases.welfare = await register('application', { name: 'ლია ნაკაშიძე', kind: 'citizen' }, 'სოციალური დახმარების მოთხოვნა');
await resolve(cases.welfare, 'sec-juridical', 'განიხილეთ');
await command('sec-juridical', cases.welfare, { type: 'confirm_receipt' });
cases.contracts = await register('public_information', { name: 'ასოციაცია „მწვანე გურია“', kind: 'organisation' },
  'საჯარო შესყიდვების ხელშეკრულებების ასლები', { channel: 'email' });
await resolve(cases.contracts, 'info-public', 'მოამზადეთ ასლები');

cases.roads = await register('public_information', { name: 'ა(ა)იპ „გურიის გზები“', kind: 'organisation' },
  'სოფლის გზების რეაბილიტაციის ხარჯთაღრიცხვა', { channel: 'email' }); // left unresolved: overdue with the head

await advanceClock(server.url, tokens.chair, 12); // 14 November: overdue ones, alerts
cases.complaint = await register('complaint', { name: 'ნოდარ ჯინჭარაძე', kind: 'citizen', address: 'ნაბეღლავის ქ. 4' },
  'უკანონო მშენებლობა ნაბეღლავის ქუჩაზე', { received_on: '2026-11-14' });
cases.school = await register('correspondence', { name: 'ოზურგეთის N2 საჯარო სკოლა', kind: 'organisation' },
  'სასკოლო ტრანსპორტის მარშრუტის ცვლილება', { received_on: '2026-11-14', channel: 'email' });
cases.youth = await register('application', { name: 'ახალგაზრდული კლუბი „გურია“', kind: 'organisation' },
  'სპორტული დარბაზის დროებით სარგებლობაში გადაცემა', { received_on: '2026-11-14', channel: 'reception' });
// the head has read the oldest of the deadline watch's alerts already
const alerts = await api(server.url, 'GET', '/v1/alerts', { token: tokens['apparatus-head'] });
await api(server.url, 'POST', `/v1/alerts/${alerts.body.alerts[0].id}/ack`, { token: tokens['apparatus-head'] });
const now = Date.parse('2026-11-14T11:30:00+04:00'); // the browser's clock, as the server's

const browser = await launchBrowser();
const changed = new Set();
async function pageAs(who, lang) {
  const page = await newPage(browser, { lang, viewport: { width: 1280, height: 800 } });
  await page.context().clock.setFixedTime(now);
  if (!who) return page;
  const person = people[who];
  const password = `${person.login}-demo-პაროლი`;
  if (!changed.has(who)) {
    await login(page, server.url, person.login, person.oneTime);
    await changePassword(page, person.oneTime, password);
    changed.add(who);
  } else {
    await login(page, server.url, person.login, password);
  }
  return page;
}
const go = async (page, path, selector) => {
  await page.goto(server.url + path);
  await page.locator(selector).first().waitFor();
};

// Each page: who looks at it, and how to get it into the state shown.
const shots = {
  login: [null, (page) => go(page, '/', '#login')],
  inbox: ['head', async (page) => {
    await page.locator('table.work tbody tr').first().waitFor();
    await page.locator('table.work tbody tr', { hasText: '/' }).count(); // the numbers filled in
    await page.waitForTimeout(500);
  }],
  registration: ['clerk', async (page, lang) => {
    await go(page, '/register', '#kind');
    await page.locator('#kind').selectOption('public_information');
    await page.locator('#channel').selectOption('email');
    await page.locator('[id="sender.name"]').fill(lang === 'ka' ? 'დავით ხუნდაძე' : 'Davit Khundadze');
    await page.locator('#subject').fill(lang === 'ka' ? 'მუნიციპალური ტრანსპორტის გრაფიკი' : 'The municipal bus timetable');
    await page.locator('#received_on').fill('2026-11-14');
    await page.locator('#addressee').selectOption('apparatus-head');
    await page.locator('form.grid-form button[type=submit]').click();
    await page.locator('.success').waitFor();
    await page.locator('[id="sender.name"]').fill(lang === 'ka' ? 'თამთა ქათამაძე' : 'Tamta Katamadze');
    await page.locator('#subject').fill(lang === 'ka' ? 'ბინის რემონტის დახმარება' : 'Help with a flat repair');
    await page.evaluate(() => window.scrollTo(0, 0));
  }],
  case: ['head', async (page) => {
    await go(page, `/cases/${cases.school}`, '.action-buttons');
    await page.locator('.action-buttons button').first().click();
    const form = page.locator('form.command-form');
    await form.locator('#cmd-assign_resolution-lead_executor').selectOption('sec-hr');
    await form.locator('#cmd-assign_resolution-instruction').fill('შეათანხმეთ სკოლასთან და მოამზადეთ პასუხი');
    await form.locator('#cmd-assign_resolution-on_control').check();
    await page.evaluate(() => window.scrollTo(0, 0));
  }],
  search: ['clerk', (page) => go(page, `/search?q=${encodeURIComponent('ბიუჯეტის')}`, 'table tbody tr')],
  journals: ['clerk', (page) => go(page, '/journals', 'table tbody tr')],
  alerts: ['head', (page) => go(page, '/alerts', 'table tbody tr')],
  control: ['head', async (page) => {
    await go(page, '/control', 'table tbody tr');
    await page.locator('#control-drill').selectOption('overdue');
    await page.locator('#drill-title').waitFor();
  }],
  audit: ['auditor', async (page) => {
    await go(page, `/audit?case=${cases.filed}`, '.stepper');
    for (let i = 0; i < 4; i++) await page.locator('.stepper button').first().click();
    await page.locator('.stepper span[aria-live]', { hasText: /4/ }).waitFor();
    await page.locator('.step-through .case-details').waitFor();
    await page.locator('.step-through h2').first().evaluate((e) => {
      e.scrollIntoView();
      window.scrollBy(0, -16);
    });
  }],
  reports: ['head', async (page) => {
    await go(page, '/reports', 'svg');
    await page.waitForTimeout(300);
  }],
  'no-access': ['web', (page) => go(page, `/cases/${cases.welfare}`, '#no-access-title')],
};

try {
  for (const lang of ['ka', 'en']) {
    for (const [name, [who, prepare]] of Object.entries(shots)) {
      const page = await pageAs(who, lang);
      await prepare(page, lang);
      await page.waitForTimeout(200);
      const path = join(out, `${name}.${lang}.png`);
      await page.screenshot({ path });
      console.log(`${path} (${Math.round(statSync(path).size / 1024)} KB)`);
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
