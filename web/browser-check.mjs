// The public "is this really the school's account?" page as a person uses it (issue 28): Debian's Chromium driven by
// playwright-core against a running service (dev mode, from .ci/dev-smoke.sh). Seeds accounts through the API as the
// dev users, then checks that the pages render them, that the check answers each status, that keyboard-only use
// works, and that axe-core finds no WCAG 2.2 AA violation; keeps a screenshot of each page in the output folder.
// Usage: node web/browser-check.mjs http://localhost:8080 target/browser
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const base = process.argv[2] ?? 'http://localhost:8080';
const out = process.argv[3] ?? 'target/browser';
const school = '100001';
mkdirSync(out, { recursive: true });

const failures = [];
function check(condition, what) {
  if (condition) {
    console.log(`ok   ${what}`);
  } else {
    console.log(`FAIL ${what}`);
    failures.push(what);
  }
}

async function token(user) {
  const response = await fetch(`${base}/dev/token/${user}`);
  return (await response.json()).access_token;
}

async function api(method, path, tok, body, extra = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tok}`, 'Content-Type': 'application/json', Accept: 'application/json', ...extra },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  }
  return { body: text ? JSON.parse(text) : null, etag: response.headers.get('etag') };
}

/** An account of the school through its whole approval: proposed by alice, approved by hugo, confirmed live. */
async function liveAccount(alice, hugo, handle) {
  const proposed = await api('POST', '/api/v1/social-accounts', alice, {
    schoolUrn: school,
    platform: 'X',
    handle,
    purpose: 'BUSINESS',
    reason: 'School news, closures and events for parents, checked by the office before anything is posted.',
    administrators: ['E1001', 'E2001'],
  });
  const id = proposed.body.id;
  const read = async () => (await api('GET', `/api/v1/social-accounts/${id}`, hugo)).etag;
  await api('POST', `/api/v1/social-accounts/${id}/approve`, hugo, {}, { 'If-Match': await read() });
  await api('POST', `/api/v1/social-accounts/${id}/confirm-live`, alice, { url: `https://x.com/${handle}` },
    { 'If-Match': await read() });
  return { id, read };
}

const stamp = Date.now().toString(36);
const official = `o${stamp}`;
const retired = `r${stamp}`;
const suspended = `s${stamp}`;
const alice = await token('alice');
const hugo = await token('hugo');
await liveAccount(alice, hugo, official);
const r = await liveAccount(alice, hugo, retired);
await api('POST', `/api/v1/social-accounts/${r.id}/retire`, hugo, { reason: 'No longer used.' },
  { 'If-Match': await r.read() });
const s = await liveAccount(alice, hugo, suspended);
await api('POST', `/api/v1/social-accounts/${s.id}/suspend`, hugo, { reason: 'Password reset in progress.' },
  { 'If-Match': await s.read() });
await api('PUT', `/api/v1/schools/${school}/public-page`, hugo, {
  platformsNotUsed: ['TIKTOK', 'WHATSAPP_CHANNEL'],
  neverContact: 'We will never message you on WhatsApp, or ask for payment or personal details on social media.',
  monitoringHours: 'Monday to Friday, 8am to 5pm, in term time',
  reportContact: 'the school office, 01234 567890',
  runBy: 'The school office',
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
// the pages' CSP allows no script at all, so axe-core is injected with CSP bypassed (the test's own script, not the
// page's); the header itself is checked by PublicPageTest
const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, bypassCSP: true });
const page = await context.newPage();

async function axe(name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  for (const v of result.violations) {
    console.log(`     axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  check(result.violations.length === 0, `${name}: axe-core finds no WCAG 2.2 AA violation (${result.passes.length} rules pass)`);
}

async function visit(name, path) {
  const response = await page.goto(`${base}${path}`);
  check(response.status() === 200, `${name}: ${path} answers 200`);
  await axe(name);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
}

await visit('trust', '/public/social-media');
check(await page.locator(`a[href="/public/social-media/${school}"]`).count() === 1, 'trust: links the school');

await visit('school', `/public/social-media/${school}`);
check(await page.locator(`#official-accounts a[href="https://x.com/${official}"]`).count() === 1,
  'school: the official account is listed, as a link');
const ended = await page.locator('#ended-accounts tbody').innerText();
check(ended.includes(retired) && ended.includes('No longer used'), 'school: the retired account shows as no longer used');
check(ended.includes(suspended) && ended.includes('Suspended'), 'school: the suspended account shows as suspended');
check((await page.locator('#platforms-not-used').innerText()).includes('TikTok'), 'school: platforms not used');

// keyboard only: the skip link first, then Tab to the check box, type, Enter
await page.goto(`${base}/public/social-media/${school}`);
await page.keyboard.press('Tab');
check(await page.evaluate(() => document.activeElement.classList.contains('govuk-skip-link')),
  'keyboard: the first Tab reaches "Skip to main content"');
let reached = false;
for (let i = 0; i < 60 && !reached; i++) {
  await page.keyboard.press('Tab');
  reached = await page.evaluate(() => document.activeElement.id === 'link');
}
check(reached, 'keyboard: Tab reaches the check box');
await page.keyboard.type(`https://mobile.twitter.com/${official.toUpperCase()}?s=20`);
await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
check(await page.getAttribute('[data-answer]', 'data-answer') === 'OFFICIAL', 'keyboard: Enter checks; the answer is official');
await axe('check-official');
await page.screenshot({ path: `${out}/check-official.png`, fullPage: true });

async function answer(link) {
  await page.goto(`${base}/public/social-media/${school}/check?link=${encodeURIComponent(link)}`);
  return page.getAttribute('[data-answer]', 'data-answer');
}
check(await answer(`@${retired}`) === 'NO_LONGER_USED', 'check: a retired account is no longer used');
await page.screenshot({ path: `${out}/check-no-longer-used.png`, fullPage: true });
check(await answer(`https://x.com.evil.example/${official}`) === 'NOT_THIS_SCHOOL', 'check: a look-alike is not the school\'s');
await axe('check-not-this-school');
await page.screenshot({ path: `${out}/check-not-this-school.png`, fullPage: true });

const bad = await page.goto(`${base}/public/social-media/${school}/check?link=`);
check(bad.status() === 400 && (await page.locator('.govuk-error-message').count()) === 1, 'check: empty input is a friendly error');
await axe('check-error');
const missing = await page.goto(`${base}/public/social-media/999999`);
check(missing.status() === 404 && (await page.content()).includes('Page not found'), 'an unknown school is a friendly 404 page');
await axe('not-found');

await visit('accessibility', '/public/accessibility');

await page.goto(`${base}/public/social-media/${school}`);
await page.emulateMedia({ media: 'print' });
check(!(await page.locator('form').isVisible()), 'print: the check form is not printed');
await page.screenshot({ path: `${out}/school-print.png`, fullPage: true });

await browser.close();
if (failures.length > 0) {
  console.log(`${failures.length} browser check(s) failed`);
  process.exit(1);
}
console.log(`browser checks passed; screenshots in ${out}`);
