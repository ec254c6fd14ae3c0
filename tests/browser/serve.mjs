// Browser test of `dateline serve`'s page: headless Chromium driven over the DevTools protocol
// (Node's own WebSocket, no packages). Indexes the sample corpus and the hostile articles,
// starts the server on a free port, then, as a person would: presses `/`, types a search,
// presses Enter, checks hits, highlights, chart and URL against the API, clicks a city facet,
// checks again, opens an article, and checks that nothing in the hostile articles ran or
// became markup. Saves screenshots (desktop and phone) as the run's artifacts.
//
//   node [--experimental-websocket] tests/browser/serve.mjs --bin target/debug/dateline \
//        --chromium /usr/bin/chromium --out target
//
// Exits 0 when every check passed, 1 otherwise (each failure printed).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.resolve(args.bin || path.join(repo, 'target/debug/dateline'));
const chromiumPath = args.chromium || '/usr/bin/chromium';
const out = path.resolve(args.out || path.join(repo, 'target'));
const deadline = Date.now() + 120_000;

let passed = 0;
const failures = [];
function check(ok, what) {
  if (ok) passed += 1;
  else { failures.push(what); console.error(`FAIL: ${what}`); }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-browser-'));
const children = [];
function cleanup() {
  for (const c of children) { try { c.kill('SIGKILL'); } catch (_) { /* gone */ } }
  // Chromium's helper processes outlive the killed browser for a moment and may still write
  // to the profile: retry, and leave a temporary folder behind rather than fail the checks.
  try {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch (e) {
    console.error(`warning: could not remove ${tmp}: ${e.code || e.message}`);
  }
}

/** The first line of a child's stream that matches `re`, or a failure after `ms`. */
function firstMatch(stream, re, ms) {
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: stream });
    const timer = setTimeout(() => reject(new Error(`nothing matched ${re} within ${ms} ms`)), ms);
    rl.on('line', (line) => {
      const m = line.match(re);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
  });
}

/** A DevTools protocol connection with flat sessions. */
class Cdp {
  constructor(ws) {
    this.ws = ws; this.id = 0; this.pending = new Map(); this.listeners = [];
    ws.addEventListener('message', (ev) => {
      const msg = JSON.parse(ev.data);
      if (msg.id && this.pending.has(msg.id)) {
        const { resolve, reject } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) reject(new Error(`${msg.error.message} ${msg.error.data || ''}`)); else resolve(msg.result);
      } else if (msg.method) {
        for (const l of this.listeners) l(msg);
      }
    });
  }
  static open(url) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => resolve(new Cdp(ws)));
      ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
    });
  }
  send(method, params = {}, sessionId) {
    const id = ++this.id;
    this.ws.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
}

async function main() {
  // The corpus: the bundled sample and the hostile articles, indexed by the real binary.
  const corpus = path.join(tmp, 'corpus');
  fs.cpSync(path.join(repo, 'sample-corpus'), path.join(corpus, 'sample'), { recursive: true });
  fs.cpSync(path.join(repo, 'tests/fixtures/hostile-articles'), path.join(corpus, 'hostile'), { recursive: true });
  const index = path.join(tmp, 'index');
  const indexed = spawnSync(bin, ['index', corpus, '--index', index], { encoding: 'utf8' });
  if (indexed.status !== 0) throw new Error(`dateline index failed: ${indexed.stderr}`);

  const server = spawn(bin, ['serve', '--index', index, '--bind', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(server);
  const base = (await firstMatch(server.stdout, /(http:\/\/\S+?)\/? /, 15_000)).replace(/\/$/, '');
  const apiJson = async (p) => (await fetch(base + p)).json();

  const profile = path.join(tmp, 'profile');
  const chrome = spawn(chromiumPath, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage', `--user-data-dir=${profile}`, '--remote-debugging-port=0',
    '--remote-debugging-address=127.0.0.1', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(chrome);
  const wsUrl = await firstMatch(chrome.stderr, /DevTools listening on (ws:\/\/\S+)/, 30_000);
  const cdp = await Cdp.open(wsUrl);
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  const page = (method, params) => cdp.send(method, params, sessionId);

  const problems = [];
  cdp.listeners.push((msg) => {
    if (msg.sessionId !== sessionId) return;
    if (msg.method === 'Runtime.exceptionThrown') problems.push(`exception: ${msg.params.exceptionDetails.text} ${msg.params.exceptionDetails.exception?.description || ''}`);
    if (msg.method === 'Runtime.consoleAPICalled' && msg.params.type === 'error') problems.push(`console.error: ${msg.params.args.map((a) => a.value ?? a.description).join(' ')}`);
    if (msg.method === 'Log.entryAdded' && msg.params.entry.level === 'error') problems.push(`log: ${msg.params.entry.text}`);
  });
  await page('Page.enable');
  await page('Runtime.enable');
  await page('Log.enable');
  await page('Emulation.setDeviceMetricsOverride', { width: 1280, height: 1000, deviceScaleFactor: 1, mobile: false });

  const evaluate = async (expr) => {
    const r = await page('Runtime.evaluate', { expression: expr, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`evaluate ${expr}: ${r.exceptionDetails.text}`);
    return r.result.value;
  };
  const waitFor = async (expr, what, ms = 15_000) => {
    const until = Math.min(Date.now() + ms, deadline);
    while (Date.now() < until) {
      try { if (await evaluate(expr)) return true; } catch (_) { /* page loading */ }
      await sleep(50);
    }
    check(false, `timed out waiting for ${what} (${expr})`);
    return false;
  };
  const key = async (k, code, keyCode, text) => {
    await page('Input.dispatchKeyEvent', { type: 'keyDown', key: k, code, windowsVirtualKeyCode: keyCode, text });
    await page('Input.dispatchKeyEvent', { type: 'keyUp', key: k, code, windowsVirtualKeyCode: keyCode });
  };
  const click = async (selectorExpr, what) => {
    const rect = await evaluate(`(() => { const e = ${selectorExpr}; if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()`);
    check(rect !== null, `${what} is on the page`);
    if (!rect) return;
    for (const type of ['mousePressed', 'mouseReleased']) {
      await page('Input.dispatchMouseEvent', { type, x: rect.x, y: rect.y, button: 'left', clickCount: 1 });
    }
  };
  const shot = async (name) => {
    const { data } = await page('Page.captureScreenshot', { format: 'png' });
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, name), Buffer.from(data, 'base64'));
    console.log(`screenshot: ${path.join(out, name)}`);
  };
  const navigate = async (url) => {
    await page('Page.navigate', { url });
    await waitFor(`document.readyState === 'complete'`, 'the page to load');
  };

  // 1. The empty page lists every article and knows the index.
  await navigate(base + '/');
  const all = await apiJson('/api/search');
  await waitFor(`document.querySelector('#count').textContent.startsWith('${all.total} articles match')`, 'the opening count');
  check(await waitFor(`document.querySelector('#stats').textContent.includes('articles')`, 'the stats line'), 'stats line shown');

  // 2. `/` focuses the search box; typing and Enter search; the URL holds the search.
  await key('/', 'Slash', 191, '/');
  check(await evaluate(`document.activeElement && document.activeElement.id === 'q'`), '/ focuses the search box');
  await page('Input.insertText', { text: 'bakhmut' });
  await key('Enter', 'Enter', 13, '\r');
  await waitFor(`new URLSearchParams(location.search).get('q') === 'bakhmut'`, 'the URL to hold the query');
  const expected = await apiJson('/api/search?q=bakhmut&histogram=month&limit=10');
  await waitFor(`document.querySelector('#count').textContent.startsWith('${expected.total} articles match')`, 'the count of bakhmut');
  const hits = await evaluate(`[...document.querySelectorAll('#hits > li.hit')].map(li => ({title: li.querySelector('h3').textContent, marks: [...li.querySelectorAll('.snippet mark')].map(m => m.textContent)}))`);
  check(hits.length === expected.hits.length, `${expected.hits.length} hits shown (got ${hits.length})`);
  check(hits.length > 0 && hits.every((h, i) => h.title === expected.hits[i].title), 'hit titles as the API gives them, in order');
  check(hits.some((h) => h.marks.some((m) => /bakhmut/i.test(m))), 'matched words highlighted');
  const bars = await evaluate(`[...document.querySelectorAll('#chart svg rect.bar')].map(r => [r.dataset.period, Number(r.dataset.count), Number(r.getAttribute('height'))])`);
  check(bars.length === expected.histogram.length && bars.length > 0, `chart has a bar per month (${bars.length} of ${expected.histogram.length})`);
  check(bars.every(([p, c], i) => p === expected.histogram[i].period && c === expected.histogram[i].count), 'bars carry the histogram');
  const tallest = bars.reduce((a, b) => (b[1] > a[1] ? b : a), bars[0] || ['', 0, 0]);
  check(bars.every(([, c, h]) => (c === tallest[1] ? h === tallest[2] : h < tallest[2])), 'the largest count is the tallest bar');

  // 3. Clicking the Kyiv facet filters; the URL, the hits and the chart follow.
  await click(`[...document.querySelectorAll('button[data-facet="city"]')].find(b => b.querySelector('.v').textContent === 'Kyiv')`, 'the Kyiv facet');
  await waitFor(`new URLSearchParams(location.search).getAll('city').includes('Kyiv')`, 'the URL to hold city=Kyiv');
  const kyiv = await apiJson('/api/search?q=bakhmut&city=Kyiv&histogram=month&limit=10');
  await waitFor(`document.querySelector('#count').textContent.startsWith('${kyiv.total} article')`, 'the filtered count');
  check(kyiv.total > 0 && kyiv.total < expected.total, `Kyiv narrows ${expected.total} to ${kyiv.total}`);
  const metas = await evaluate(`[...document.querySelectorAll('#hits > li.hit .meta')].map(m => m.textContent)`);
  check(metas.length === kyiv.hits.length && metas.every((m) => m.includes('Kyiv')), 'every hit is from Kyiv');
  check(await evaluate(`document.querySelector('button[data-facet="city"][aria-pressed="true"]')?.textContent.startsWith('Kyiv')`), 'the Kyiv facet shows as chosen');
  check(await evaluate(`[...document.querySelectorAll('#filters button')].some(b => b.textContent.includes('city: Kyiv'))`), 'the filter is listed to remove');
  const kyivBars = await evaluate(`[...document.querySelectorAll('#chart svg rect.bar')].map(r => Number(r.dataset.count))`);
  check(JSON.stringify(kyivBars) === JSON.stringify(kyiv.histogram.map((b) => b.count)), 'the chart follows the filter');
  await shot('serve-screenshot.png');

  // 4. The URL can be shared: loading it afresh shows the same search.
  const shared = await evaluate('location.href');
  await navigate('about:blank');
  await navigate(shared);
  await waitFor(`document.querySelector('#count').textContent.startsWith('${kyiv.total} article')`, 'the shared URL to show the same search');
  check(await evaluate(`document.querySelector('#q').value === 'bakhmut'`), 'the shared URL fills the search box');

  // 4b. "One per story" collapses copies: the URL holds it and the count is in stories.
  await evaluate(`document.querySelector('#collapse').value = 'true'`);
  await click(`document.querySelector('#search button[type="submit"]')`, 'the Search button');
  await waitFor(`new URLSearchParams(location.search).get('collapse') === 'true'`, 'the URL to hold collapse=true');
  const collapsed = await apiJson('/api/search?q=bakhmut&city=Kyiv&collapse=true&histogram=month&limit=10');
  const storyLine = `${collapsed.stories} ${collapsed.stories === 1 ? 'story' : 'stories'} (${collapsed.total} article`;
  await waitFor(`document.querySelector('#count').textContent.startsWith(${JSON.stringify(storyLine)})`, 'the count in stories');
  check(collapsed.stories > 0 && collapsed.stories <= collapsed.total, `stories counted (${collapsed.stories} of ${collapsed.total} articles)`);
  check(await evaluate(`document.querySelectorAll('#hits > li.hit').length`) === collapsed.hits.length, 'one hit per story shown');

  // 5. An article opens whole, its quotes marked.
  await click(`document.querySelector('#hits > li.hit h3 a')`, 'the first hit');
  await waitFor(`new URLSearchParams(location.search).get('view') === 'article'`, 'the article view');
  const id = await evaluate(`new URLSearchParams(location.search).get('id')`);
  const article = await apiJson('/api/articles/' + encodeURIComponent(id));
  await waitFor(`!document.querySelector('#article').hidden && document.querySelector('#article .body')`, 'the article body');
  check(await evaluate(`document.querySelector('#article .body').textContent`) === article.body, 'the article body is the whole text');
  check(await evaluate(`document.querySelectorAll('#article mark.quote').length`) === article.quotes.length, 'each quote is marked');
  check(!/\bnull\b|undefined/.test(await evaluate(`document.querySelector('#article').textContent`)), 'no null or undefined shown for missing fields');

  // 6. Hostile articles: nothing runs, nothing becomes markup, no javascript: link.
  const hostilePages = ['/?q=zeppelin', '/?q=silenced&view=quotes'];
  const zeppelin = await apiJson('/api/search?q=zeppelin');
  for (const id of zeppelin.hits.map((h) => h.id)) hostilePages.push('/?view=article&id=' + encodeURIComponent(id));
  for (const p of hostilePages) {
    await navigate(base + p);
    await waitFor(`(document.querySelector('#count').textContent || document.querySelector('#article .body') || document.querySelector('#error').textContent)`, `${p} to render`);
    await sleep(200);
    const report = await evaluate(`(() => {
      const onAttrs = [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length;
      const scripts = document.querySelectorAll('script').length;
      const embedded = document.querySelectorAll('main img, main iframe, main svg image, main style, main marquee, main b, main object, main embed').length;
      const badLinks = [...document.querySelectorAll('a[href]')].filter(a => !/^(https?:|\\?|\\/)/.test(a.getAttribute('href'))).length;
      return {pwned: window.__pwned ?? null, onAttrs, scripts, embedded, badLinks, text: document.querySelector('main').textContent};
    })()`);
    check(report.pwned === null, `${p}: no script of an article ran (window.__pwned = ${report.pwned})`);
    check(report.onAttrs === 0, `${p}: no event-handler attributes (${report.onAttrs})`);
    check(report.scripts === 1, `${p}: only the page's own script element (${report.scripts})`);
    check(report.embedded === 0, `${p}: no markup from articles (${report.embedded} elements)`);
    check(report.badLinks === 0, `${p}: no link other than http(s) or the page's own (${report.badLinks})`);
    check(report.text.includes('<script>') || report.text.includes('<img'), `${p}: the markup is shown as text`);
  }
  await shot('serve-hostile.png');

  // 7. A phone: one column, nothing wider than the screen.
  await page('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });
  await navigate(base + '/?q=bakhmut');
  await waitFor(`document.querySelector('#count').textContent.startsWith('${expected.total} articles')`, 'the phone page');
  const width = await evaluate('document.documentElement.scrollWidth');
  check(width <= 390, `the page fits a 390px phone screen (scroll width ${width})`);
  await shot('serve-phone.png');

  check(problems.length === 0, `no script errors or blocked loads in the page: ${problems.join(' | ')}`);
  cdp.ws.close();
}

try {
  await main();
} catch (e) {
  check(false, `the run stopped: ${e.stack || e}`);
} finally {
  cleanup();
}
console.log(`browser: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
