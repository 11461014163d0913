// The console's first browser test: `/` of the real server shows the login form in Georgian,
// with the security headers, no script errors and no serious or critical axe-core violations;
// client-side paths answer the page; the English switch is remembered.
import assert from 'node:assert/strict';
import { api, describeViolations, launchBrowser, newPage, requireChromium, run, seriousViolations, startServer } from './lib.mjs';

requireChromium();

const server = await startServer();
const browser = await launchBrowser();
try {
  await run({
    async 'GET / serves the console with its security headers'() {
      const answer = await fetch(server.url + '/');
      assert.equal(answer.status, 200);
      assert.match(answer.headers.get('content-type'), /text\/html/);
      const csp = answer.headers.get('content-security-policy');
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(answer.headers.get('referrer-policy'), 'same-origin');
      assert.equal(answer.headers.get('cache-control'), 'no-cache');
      const html = await answer.text();
      const script = /src="(\/assets\/app-[^"]+\.js)"/.exec(html);
      assert.ok(script, 'index.html names a hashed app.js');
      assert.doesNotMatch(html, /<script>(?!<\/script>)/, 'no inline script');
      const asset = await fetch(server.url + script[1]);
      assert.equal(asset.status, 200);
      assert.match(asset.headers.get('cache-control'), /immutable/);
      assert.match(asset.headers.get('content-type'), /javascript/);
      const css = /href="(\/assets\/app-[^"]+\.css)"/.exec(html);
      assert.ok(css, 'index.html names a hashed app.css');
      const style = await fetch(server.url + css[1]);
      assert.match(style.headers.get('content-type'), /text\/css/);
      assert.match(await style.text(), /Noto Sans Georgian/, 'a Georgian-capable system font stack');
    },

    async 'a client-side path answers index.html to a browser, JSON 404 otherwise'() {
      const page = await fetch(server.url + '/cases/case-123', { headers: { Accept: 'text/html' } });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="app">/);
      const json = await api(server.url, 'GET', '/cases/case-123');
      assert.equal(json.status, 404);
      const missing = await fetch(server.url + '/assets/nothing-here.js');
      assert.equal(missing.status, 404);
      const v1 = await fetch(server.url + '/v1/inbox', { headers: { Accept: 'text/html' } });
      assert.equal(v1.status, 401, '/v1 stays the API');
    },

    async 'the login form, in Georgian, without script errors or serious axe violations'() {
      const page = await newPage(browser);
      const requested = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(server.url + '/');
      await page.locator('#login').waitFor();
      assert.ok(requested.length >= 3, requested.join(' '));
      assert.deepEqual(requested.filter((url) => !url.startsWith(server.url + '/')), [], 'nothing fetched from elsewhere');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ka');
      assert.match(await page.locator('label[for=login]').innerText(), /^მომხმარებელი/);
      assert.equal(await page.locator('#password').getAttribute('type'), 'password');
      assert.equal(await page.locator('main').count(), 1);
      assert.equal(await page.locator('a.skip-link').getAttribute('href'), '#main');
      const violations = await seriousViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
      await page.context().close();
    },

    async 'an empty login shows the required messages next to the fields'() {
      const page = await newPage(browser);
      await page.goto(server.url + '/');
      await page.locator('form button[type=submit]').click();
      assert.equal(await page.locator('#login-error').innerText(), 'სავალდებულო ველი');
      assert.equal(await page.locator('#login').getAttribute('aria-invalid'), 'true');
      await page.context().close();
    },

    async 'the English switch is remembered across a reload'() {
      const page = await newPage(browser);
      await page.goto(server.url + '/');
      await page.getByRole('button', { name: 'English' }).click();
      await page.reload();
      await page.locator('#login').waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.locator('h1').innerText(), 'Log in');
      assert.equal(await page.title(), 'Log in — saqme');
      const violations = await seriousViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      await page.context().close();
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
