// The console's browser-test harness: the real `saqme serve` on a temporary data directory and
// a free port, the system Chromium driven by playwright-core (which never downloads a browser),
// persons or tokens to sign in with, axe-core for accessibility, and plain API calls.
//
// Environment (set by tests/CMakeLists.txt): SAQME_BINARY (the saqme binary), SAQME_CONSOLE_DIR
// (console/, whose node_modules hold playwright-core and axe-core), SAQME_CHROMIUM (default
// /usr/bin/chromium).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SKIP = 77; // ctest's SKIP_RETURN_CODE for these tests
export const binary = process.env.SAQME_BINARY ?? 'saqme';
export const consoleDir = process.env.SAQME_CONSOLE_DIR ?? new URL('../../console', import.meta.url).pathname;
export const chromiumPath = process.env.SAQME_CHROMIUM ?? '/usr/bin/chromium';
const require = createRequire(join(consoleDir, 'package.json'));

// Runs `saqme ARGS...`; returns its stdout. Throws with its stderr when it fails.
export function saqme(args) {
  const run = spawnSync(binary, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`saqme ${args.join(' ')} failed (${run.status}): ${run.stderr}${run.stdout}`);
  return run.stdout;
}

// True when this saqme has subcommand `name` (e.g. "user", built on another branch).
export function hasSubcommand(name) {
  const usage = spawnSync(binary, [], { encoding: 'utf8' });
  return new RegExp(`^\\s+${name}\\s`, 'm').test(usage.stdout + usage.stderr);
}

// Starts `saqme serve` on a fresh data directory and a free port with the simulated clock at
// `clockStart`. `setup(data)` runs before the start (to add persons or tokens). Returns
// { url, data, tokens, stop(), output() }; stop() kills it and removes the directory.
export async function startServer({ clockStart = '2026-11-02', extra = [], setup } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'saqme-console-'));
  const tokens = join(data, 'tokens.txt');
  if (setup) await setup({ data, tokens });
  const args = ['serve', '--data', data, '--listen', '127.0.0.1:0', '--tokens', tokens,
    '--clock', 'simulated', '--clock-start', clockStart, ...extra];
  if (!existsSync(tokens)) saqme(['token', 'add', '--tokens', tokens, '--post', 'chair']); // --tokens needs a file
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Even when a test exits without stopping it: no server outlives its test.
  const stopOnExit = () => {
    child.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  };
  let log = '';
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('saqme serve did not start in 30 s:\n' + log)), 30000);
    const onData = (chunk) => {
      log += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (match && Number(match[1]) > 0) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`saqme serve exited (${code}):\n${log}`));
    });
  });
  let url;
  try {
    url = await started;
  } catch (error) {
    stopOnExit();
    throw error;
  }
  process.once('exit', stopOnExit);
  return {
    url,
    data,
    tokens,
    output: () => log,
    async stop() {
      process.removeListener('exit', stopOnExit);
      child.kill('SIGKILL');
      await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(data, { recursive: true, force: true });
    },
  };
}

// A bearer token for `post` in the server's tokens file (call in startServer's setup).
export function addToken(tokens, post) {
  return saqme(['token', 'add', '--tokens', tokens, '--post', post]).trim().split(/\s+/).pop();
}

// A person who logs in (`saqme user add`, docs/auth.md), hashed at the lowest cost (tests
// only); returns the one-time password (printed alone on stdout), to be changed at the first
// login (`changePassword`).
export function addUser(data, login, post, name) {
  const args = ['user', 'add', '--data', data, '--login', login, '--post', post, '--password-cost', 'minimum'];
  if (name) args.push('--name', name);
  return saqme(args).trim();
}

// The system Chromium, headless, with a fresh temporary profile (playwright's launch() makes
// one per browser), nothing talking to the network but 127.0.0.1.
export async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

// A page in a fresh context; with `token`, every request carries it as a bearer token (until
// the server has sessions, the way to be someone).
// `viewport` ({width, height}) sets the window's size (screenshots).
export async function newPage(browser, { token, lang, viewport } = {}) {
  const context = await browser.newContext({
    extraHTTPHeaders: token ? { Authorization: `Bearer ${token}` } : {},
    locale: 'ka-GE',
    timezoneId: 'Asia/Tbilisi',
    ...(viewport ? { viewport } : {}),
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  if (lang) await context.addInitScript((l) => localStorage.setItem('saqme.lang', l), lang);
  page.problems = problems;
  return page;
}

// Logs in through the login form and waits for the signed-in navigation or, after a one-time
// password, the change-password form; returns true in that second case.
export async function login(page, url, name, password) {
  await page.goto(url + '/');
  await page.locator('#login').fill(name);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('nav, #old').first().waitFor();
  return (await page.locator('#old').count()) > 0;
}

// On the change-password page (a one-time password), sets `next` and waits for the inbox.
export async function changePassword(page, current, next) {
  await page.locator('#old').fill(current);
  await page.locator('#next').fill(next);
  await page.locator('#again').fill(next);
  await page.locator('form button[type=submit]').click();
  await page.locator('nav').waitFor();
}

// A person's first login through the console: the one-time password, then the console's own
// change-password page to `next` (docs/auth.md). Ends on the inbox; axe-core runs on both pages.
export async function firstLogin(page, url, name, oneTime, next) {
  const mustChange = await login(page, url, name, oneTime);
  if (!mustChange) throw new Error(`${name}: a one-time password must be changed at the first login`);
  await assertAccessible(page, `change password (${name})`);
  // the rule is said before the person types (not only after a refusal)
  const rule = await page.locator('#next-hint').innerText();
  if (!/10/.test(rule)) throw new Error(`the change-password page does not state the length rule: ${rule}`);
  await changePassword(page, oneTime, next);
  await page.locator('#inbox-title').waitFor();
  await assertAccessible(page, `the inbox (${name})`);
}

// Logs out through the header's button and waits for the login form.
export async function logout(page) {
  await page.locator('header button', { hasText: /გასვლა|Log out/ }).click();
  await page.locator('#login').waitFor();
}

// POST /v1/admin/clock/advance by `days` as the head of the body (`chairToken`): the simulated
// clock moves and the deadline watch runs; returns the answer's body ({now, today, watch}).
export async function advanceClock(url, chairToken, days) {
  const answer = await api(url, 'POST', '/v1/admin/clock/advance', { token: chairToken, body: { days } });
  if (answer.status !== 200) throw new Error(`clock advance: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

// The Georgian and English labels of every command type (GET /v1/commands/schema), so that a
// test finds a button by the label the console shows rather than by a copy of it.
export async function commandLabels(url, token) {
  const answer = await api(url, 'GET', '/v1/commands/schema', { token });
  return Object.fromEntries(answer.body.commands.map((c) => [c.type, { ka: c.label_ka, en: c.label_en }]));
}

// The page's problems (page errors, console errors) other than failed loads (a 401/403/404 the
// page expects is logged by the browser as a failed resource).
export function pageErrors(page) {
  return page.problems.filter((p) => !/Failed to load resource/.test(p));
}

// Runs axe-core on the page; returns the violations of impact serious or critical.
export async function seriousViolations(page) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated over the DevTools protocol, which the page's CSP (no inline script) allows.
  await page.evaluate(source);
  const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// Fails (assert) when axe-core finds a serious or critical violation on the page; `where` names
// the page in the message.
export async function assertAccessible(page, where) {
  const violations = await seriousViolations(page);
  if (violations.length) throw new Error(`axe-core on ${where}:\n${describeViolations(violations)}`);
}

// Readable lines for violations (for assertion messages).
export function describeViolations(violations) {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
}

// Console source modules bundled together by esbuild (so that they share one copy of what they
// import, e.g. the language of labels.ts), for unit tests of the console's plain functions in
// node: importConsole({ time: 'src/time.ts' }) -> { time: its exports }.
export async function importConsole(modules) {
  const esbuild = require('esbuild');
  const contents = Object.entries(modules)
    .map(([name, path]) => `export * as ${name} from ${JSON.stringify('./' + path)};`)
    .join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'saqme-console-unit-'));
  const outfile = join(dir, 'bundle.mjs');
  await esbuild.build({
    stdin: { contents, resolveDir: consoleDir, loader: 'ts' }, bundle: true, outfile, format: 'esm',
    platform: 'neutral', jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'silent',
  });
  try {
    return await import(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// A JSON call to the API as `auth` ({ token } or { cookie, csrf }): { status, body }.
export async function api(url, method, path, { token, cookie, csrf, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (cookie) headers.Cookie = cookie;
  if (csrf) headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the text itself
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

// Exits 77 (ctest: skipped) when there is no Chromium; call before starting anything.
export function requireChromium() {
  if (!existsSync(chromiumPath)) {
    console.log(`SKIP: no Chromium at ${chromiumPath} (scripts/deps.sh installs it)`);
    process.exit(SKIP);
  }
}

// Runs named async tests in order, printing each. Returns the number that failed and sets the
// exit code (1 when one did), so that the caller's `finally` still stops the server and the
// browser.
export async function run(tests) {
  let failed = 0;
  for (const [name, test] of Object.entries(tests)) {
    const started = Date.now();
    try {
      await test();
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}: ${error.stack ?? error}`);
    }
  }
  if (failed) process.exitCode = 1;
  return failed;
}
