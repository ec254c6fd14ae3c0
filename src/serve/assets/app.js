// dateline serve: the page. Plain JavaScript, no build step, no network beyond this server.
//
// Everything that comes from the archive (titles, bodies, quotes, names, ids, URLs) is
// untrusted: it only ever reaches the page as text nodes (textContent, append(string)),
// highlights are built from the API's character offsets, and a source URL becomes a link
// only when it is http(s). The server's Content-Security-Policy forbids inline script too.
//
// The search lives in the address bar (?q=...&city=...&view=quotes): a URL can be shared or
// bookmarked, and Back and Forward step through searches.
'use strict';

const LIMIT = 10;
/** Filters that can be given several times, as the API takes them. */
const LISTS = ['city', 'country', 'lang', 'speaker'];
/** Facets shown for each view, and which parameter clicking a value sets. */
const FACETS = {
  articles: ['city', 'country', 'month', 'year', 'language', 'speaker'],
  quotes: ['speaker', 'city', 'month', 'language'],
};
const FACET_PARAM = { city: 'city', country: 'country', language: 'lang', speaker: 'speaker' };
const FACET_TITLE = {
  city: 'City', country: 'Country', month: 'Month', year: 'Year', language: 'Language',
  speaker: 'Speaker', region: 'Region', format: 'Format',
};
/** Page-only parameters, not passed to the API. */
const PAGE_ONLY = ['view', 'id'];

const $ = (id) => document.getElementById(id);

/** An element with attributes and children; strings become text nodes, never markup. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

/** Text with `[start, end)` character ranges (code points, as the API counts) in <mark>. */
function marked(text, ranges, cls) {
  const chars = Array.from(text || '');
  const frag = document.createDocumentFragment();
  let at = 0;
  const sorted = (ranges || []).slice().sort((a, b) => a[0] - b[0]);
  for (const r of sorted) {
    const [s, e] = r;
    if (!(Number.isInteger(s) && Number.isInteger(e)) || s < at || e > chars.length || s >= e) continue;
    frag.append(chars.slice(at, s).join(''));
    const m = el('mark', { class: cls }, chars.slice(s, e).join(''));
    if (r.title) m.title = r.title;
    frag.append(m);
    at = e;
  }
  frag.append(chars.slice(at).join(''));
  return frag;
}

/** A link to another state of the page (a query string, so it never has a scheme). */
function pageLink(params, text, cls) {
  const a = el('a', { href: '?' + params.toString(), class: cls }, text);
  a.addEventListener('click', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
    ev.preventDefault();
    go(params);
  });
  return a;
}

/** A source URL as a link when it is http or https; anything else (`javascript:`) as text. */
function sourceLink(url) {
  let u;
  try { u = new URL(url); } catch (_) { return el('span', {}, url); }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return el('span', {}, url);
  return el('a', { href: u.href, rel: 'noopener noreferrer nofollow', target: '_blank' }, u.href);
}

function current() { return new URLSearchParams(location.search); }

function go(params, replace) {
  const url = '?' + params.toString();
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  load();
}

/** The current search with one change and paging reset. */
function changed(edit) {
  const p = current();
  p.delete('offset');
  p.delete('id');
  edit(p);
  if (p.get('view') === 'article') p.delete('view');
  return p;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
}

async function api(path) {
  let res;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new Error('the server cannot be reached: ' + e.message);
  }
  let body;
  try { body = await res.json(); } catch (_) { body = null; }
  if (!res.ok) throw new Error((body && body.error) || `the server answered ${res.status}`);
  return body;
}

function fillForm(p) {
  $('q').value = p.get('q') || '';
  $('from').value = p.get('from') || '';
  $('to').value = p.get('to') || '';
  $('sort').value = p.get('sort') || '';
  $('histogram').value = p.get('histogram') || 'month';
  $('collapse').value = p.get('collapse') === 'true' ? 'true' : '';
}

function setView(view) {
  const p = current();
  for (const [id, v] of [['tab-articles', 'articles'], ['tab-quotes', 'quotes']]) {
    const tab = $(id);
    const q = new URLSearchParams(p);
    for (const k of ['offset', 'id', 'view']) q.delete(k);
    if (v === 'quotes') { q.set('view', 'quotes'); q.delete('histogram'); }
    else q.delete('speaker');
    tab.href = '?' + q.toString();
    tab.onclick = (ev) => { if (ev.button === 0 && !ev.ctrlKey && !ev.metaKey) { ev.preventDefault(); go(q); } };
    if (v === view || (view === 'article' && v === 'articles')) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  $('histogram-field').hidden = view !== 'articles';
  $('collapse-field').hidden = view !== 'articles';
  const reading = view === 'article';
  $('main').classList.toggle('reading', reading);
  $('facets').hidden = reading;
  $('results').hidden = reading;
  $('article').hidden = !reading;
}

let loading = 0;

async function load() {
  const mine = ++loading;
  const p = current();
  const view = ['quotes', 'article'].includes(p.get('view')) ? p.get('view') : 'articles';
  fillForm(p);
  setView(view);
  showError('');
  try {
    if (view === 'article') {
      const a = await api('/api/articles/' + encodeURIComponent(p.get('id') || ''));
      if (mine === loading) renderArticle(a);
      return;
    }
    const q = new URLSearchParams();
    for (const [k, v] of p) if (!PAGE_ONLY.includes(k) && v !== '') q.append(k, v);
    if (view === 'articles') {
      q.delete('speaker');
      if (!q.has('histogram')) q.set('histogram', 'month');
    } else {
      q.delete('histogram');
      q.delete('collapse');
    }
    q.delete('facet');
    for (const f of FACETS[view]) q.append('facet', f);
    q.set('limit', String(LIMIT));
    const r = await api(`/api/${view === 'quotes' ? 'quotes' : 'search'}?${q}`);
    if (mine !== loading) return;
    renderResults(view, p, r);
  } catch (e) {
    if (mine !== loading) return;
    showError(e.message);
    $('hits').replaceChildren();
    $('facets').replaceChildren();
    $('count').textContent = '';
    $('chart').hidden = true;
    $('pager').replaceChildren();
  }
}

function plural(n, one, many) { return `${n.toLocaleString('en')} ${n === 1 ? one : many}`; }

function renderResults(view, p, r) {
  const what = view === 'quotes' ? ['quote', 'quotes'] : ['article', 'articles'];
  const items = view === 'quotes' ? r.quotes : r.hits;
  document.title = p.get('q') ? `${p.get('q')} — dateline` : 'dateline';
  const offset = r.offset || 0;
  // Collapsed: the page shows and pages through stories, each with its copies.
  const stories = view === 'articles' && typeof r.stories === 'number';
  const shown = stories ? r.stories : r.total;
  let line = stories
    ? `${plural(r.stories, 'story', 'stories')} (${plural(r.total, ...what)}) ${r.stories === 1 ? 'matches' : 'match'}`
    : `${plural(r.total, ...what)} ${r.total === 1 ? 'matches' : 'match'}`;
  if (items.length) line += `; showing ${offset + 1}–${offset + items.length}`;
  else if (shown > 0) line += `; none from ${offset + 1} on`;
  $('count').textContent = line;
  renderFilters(p);
  renderFacets(p, r.facets || {}, FACETS[view]);
  renderChart(p, r.histogram);
  const list = $('hits');
  list.replaceChildren(...items.map((h) => (view === 'quotes' ? quoteItem(h) : hitItem(h))));
  renderPager(p, offset, items.length, shown);
}

function place(h) {
  return [h.city, h.country && h.country !== h.city ? h.country : null].filter(Boolean).join(', ');
}

function articleParams(id) {
  const q = current();
  q.set('view', 'article');
  q.set('id', id);
  return q;
}

function hitItem(h) {
  const copies = h.copies > 1 ? `+${plural(h.copies - 1, 'copy', 'copies')}` : null;
  const meta = [h.date || 'undated', place(h), h.source, h.language, h.format, copies]
    .filter(Boolean).join(' · ');
  const quotes = (h.quotes || []).slice(0, 3).map((t) => el('li', {}, `“${t}”`));
  return el('li', { class: 'hit' },
    el('h3', {}, pageLink(articleParams(h.id), h.title || h.id)),
    el('p', { class: 'meta' }, meta),
    el('p', { class: 'snippet' }, marked(h.snippet, h.highlights)),
    quotes.length ? el('ul', { class: 'quotes', 'aria-label': 'Quotes' }, ...quotes) : null);
}

function quoteItem(q) {
  const names = (q.speakers && q.speakers.length) ? q.speakers.join(' and ') : q.speaker;
  const who = names ? (q.role ? `${names} (${q.role})` : names) : 'unknown speaker';
  return el('li', { class: 'quote' },
    el('blockquote', {}, '“', marked(q.text, q.highlights), '”'),
    el('p', { class: 'meta' }, `— ${who}, ${q.date || 'undated'} ${q.city || ''} · `,
      pageLink(articleParams(q.article_id), 'article')));
}

function renderFilters(p) {
  const chips = [];
  const chip = (label, edit) => {
    const b = el('button', { type: 'button', 'aria-label': `Remove filter ${label}` }, `${label} ✕`);
    b.addEventListener('click', () => go(changed(edit)));
    chips.push(b);
  };
  for (const key of LISTS) {
    for (const v of p.getAll(key)) {
      chip(`${key}: ${v}`, (q) => {
        const rest = q.getAll(key).filter((x) => x !== v);
        q.delete(key);
        for (const x of rest) q.append(key, x);
      });
    }
  }
  if (p.get('from') || p.get('to')) {
    chip(`dates: ${p.get('from') || '…'} – ${p.get('to') || '…'}`, (q) => { q.delete('from'); q.delete('to'); });
  }
  $('filters').replaceChildren(...chips);
}

function renderFacets(p, facets, order) {
  const parts = [];
  const names = Object.keys(facets).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const name of names) {
    const values = facets[name];
    if (!values || !values.length) continue;
    const param = FACET_PARAM[name];
    const items = values.map((v) => {
      let pressed;
      let edit;
      if (param) {
        pressed = p.getAll(param).includes(v.value);
        edit = (q) => {
          if (param === 'speaker' && q.get('view') !== 'quotes') { q.set('view', 'quotes'); q.delete('histogram'); }
          const rest = q.getAll(param).filter((x) => x !== v.value);
          q.delete(param);
          for (const x of rest) q.append(param, x);
          if (!pressed) q.append(param, v.value);
        };
      } else if (name === 'month' || name === 'year') {
        pressed = p.get('from') === v.value && p.get('to') === v.value;
        edit = (q) => {
          if (pressed) { q.delete('from'); q.delete('to'); } else { q.set('from', v.value); q.set('to', v.value); }
        };
      } else {
        return el('li', {}, el('span', {}, v.value), ' ', el('span', { class: 'n' }, String(v.count)));
      }
      const b = el('button', { type: 'button', 'aria-pressed': pressed ? 'true' : 'false', 'data-facet': name },
        el('span', { class: 'v' }, v.value), el('span', { class: 'n' }, v.count.toLocaleString('en')));
      b.addEventListener('click', () => go(changed(edit)));
      return el('li', {}, b);
    });
    parts.push(el('section', { 'aria-label': FACET_TITLE[name] || name },
      el('h2', {}, FACET_TITLE[name] || name), el('ul', {}, ...items)));
  }
  $('facets').replaceChildren(...parts);
}

/** The histogram as bars (counts) and, where the API gives shares, a line over them. */
function renderChart(p, buckets) {
  const fig = $('chart');
  if (!buckets || !buckets.length) { fig.hidden = true; fig.replaceChildren(); return; }
  const W = 720, H = 170, top = 14, bottom = 22, left = 4;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const shares = buckets.every((b) => typeof b.share === 'number') ? buckets.map((b) => b.share) : null;
  const maxShare = shares ? Math.max(...shares, 1e-12) : 0;
  const step = (W - left) / buckets.length;
  const barW = Math.min(48, Math.max(1, step * 0.8));
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'chart-caption' });
  const plotH = H - top - bottom;
  const interval = p.get('histogram') || 'month';
  buckets.forEach((b, i) => {
    const h = b.count ? Math.max(1, (b.count / max) * plotH) : 0;
    const x = left + i * step + (step - barW) / 2;
    const rect = svg('rect', { class: 'bar', x: x.toFixed(2), y: (top + plotH - h).toFixed(2), width: barW.toFixed(2), height: h.toFixed(2), 'data-period': b.period, 'data-count': b.count });
    const tip = svg('title');
    tip.textContent = `${b.period}: ${plural(b.count, 'article', 'articles')}` + (shares ? `, ${(b.share * 100).toPrecision(3)}% of the archive` : '');
    rect.append(tip);
    if (interval !== 'week') {
      rect.style.cursor = 'pointer';
      rect.addEventListener('click', () => go(changed((q) => { q.set('from', b.period); q.set('to', b.period); })));
    }
    chart.append(rect);
  });
  if (shares) {
    const pts = shares.map((s, i) => `${(left + i * step + step / 2).toFixed(1)},${(top + plotH - (s / maxShare) * plotH).toFixed(1)}`);
    chart.append(svg('polyline', { class: 'share', points: pts.join(' ') }));
  }
  const label = (x, anchor, text) => { const t = svg('text', { x, y: H - 6, 'text-anchor': anchor }); t.textContent = text; return t; };
  chart.append(label(left, 'start', buckets[0].period));
  if (buckets.length > 1) chart.append(label(W, 'end', buckets[buckets.length - 1].period));
  const maxLabel = svg('text', { x: left, y: 10 });
  maxLabel.textContent = `max ${max.toLocaleString('en')} a ${interval}`;
  chart.append(maxLabel);
  const rows = buckets.map((b) => el('tr', {}, el('td', {}, b.period), el('td', {}, String(b.count)),
    shares ? el('td', {}, `${(b.share * 100).toPrecision(3)}%`) : null));
  const table = el('details', {}, el('summary', {}, 'as a table'),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'period'), el('th', {}, 'articles'), shares ? el('th', {}, 'share') : null)),
      el('tbody', {}, ...rows)));
  const caption = el('figcaption', { id: 'chart-caption' },
    `Matching articles per ${interval}, ${buckets[0].period} to ${buckets[buckets.length - 1].period}` + (shares ? ' (line: share of the archive)' : '') + '. ');
  caption.append(table);
  fig.replaceChildren(chart, caption);
  fig.hidden = false;
}

function renderPager(p, offset, shown, total) {
  const nav = $('pager');
  const to = (o) => changed((q) => { if (o > 0) q.set('offset', String(o)); });
  const prev = el('button', { type: 'button', disabled: offset <= 0 }, '← Previous');
  prev.addEventListener('click', () => go(to(Math.max(0, offset - LIMIT))));
  const next = el('button', { type: 'button', disabled: offset + shown >= total }, 'Next →');
  next.addEventListener('click', () => go(to(offset + LIMIT)));
  nav.replaceChildren(prev, next);
  nav.hidden = total <= LIMIT && offset === 0;
}

function renderArticle(a) {
  const box = $('article');
  const meta = [a.date || 'undated', place(a), a.region, a.language, a.format].filter(Boolean).join(' · ');
  const ranges = (a.quotes || []).filter((q) => !q.in_title).map((q) => {
    const r = [q.start, q.end];
    r.title = q.speaker ? `${q.speaker}${q.role ? ' (' + q.role + ')' : ''}` : 'unknown speaker';
    return r;
  });
  const back = current();
  back.delete('view'); back.delete('id');
  const quotes = (a.quotes || []).map((q) => el('li', {}, `${q.in_title ? '(headline) ' : ''}“${q.text}” — ${q.speaker || 'unknown speaker'}${q.role ? ', ' + q.role : ''}`));
  box.replaceChildren(...[
    el('p', {}, pageLink(back, '← Back to the results')),
    el('h2', {}, a.title || a.id),
    el('p', { class: 'meta' }, meta),
    a.published ? el('p', { class: 'meta' }, `published ${a.published}`) : null,
    a.url ? el('p', { class: 'meta' }, 'source: ', sourceLink(a.url)) : null,
    el('p', { class: 'meta' }, `id ${a.id}`),
    el('div', { class: 'body' }, marked(a.body, ranges, 'quote')),
    quotes.length ? el('h3', {}, `Quotes (${quotes.length})`) : null,
    quotes.length ? el('ol', { class: 'quotes' }, ...quotes) : null,
  ].filter(Boolean));
  document.title = `${a.title || a.id} — dateline`;
}

async function loadStats() {
  try {
    const s = await api('/api/stats');
    const span = s.first_date ? `, ${s.first_date} to ${s.last_date}` : '';
    $('stats').textContent = `${plural(s.articles, 'article', 'articles')}, ${plural(s.quotes, 'quote', 'quotes')}${span}`;
  } catch (_) { /* the header line is optional */ }
}

function init() {
  $('search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = changed((q) => {
      for (const k of ['q', 'from', 'to', 'sort', 'histogram', 'collapse']) {
        const v = $(k).value.trim();
        if (v && !(k === 'histogram' && v === 'month')) q.set(k, v); else q.delete(k);
      }
    });
    go(p);
  });
  document.addEventListener('keydown', (ev) => {
    const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName);
    if (ev.key === '/' && !typing) { ev.preventDefault(); $('q').focus(); $('q').select(); }
    if (ev.key === 'Escape' && document.activeElement === $('q')) $('q').blur();
  });
  window.addEventListener('popstate', load);
  loadStats();
  load();
}

init();
