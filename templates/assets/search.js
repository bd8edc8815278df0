/* gongshi search: static, client-side search over the index that SearchIndexBuilder writes under search/.
 * Plain ES2017, no dependencies. Needs http(s): browsers refuse fetch() from file:// pages.
 *
 * DOM contract — the /search/ page provides:
 *   form#search-form            The search form. data-index="<index folder, relative to the page>", e.g.
 *                               data-index="../search/" (without it: ../search/ relative to this script).
 *     input#search-q            The query field, name="q", with <label for="search-q">.
 *     select#search-kind        Optional filters, name="kind" / "branch" / "year", each with a <label for>.
 *     select#search-branch      The script fills their options from meta.json (first option 全部…, value "").
 *     select#search-year        Any that is missing is created, with its label, in a div.search-filters
 *                               inserted before the form's submit button.
 *   #search-results             The region results are rendered into, aria-live="polite". The script fills it with
 *                               #search-status (unless the page has its own #search-status elsewhere), an
 *                               ol.search-list of li.search-result and a nav.search-pager.
 * State lives in the URL: ?q=…&kind=…&branch=<branch id>&year=…&page=N; the form and the back button follow it.
 * Every piece of index data reaches the page through textContent or attribute values, never as HTML.
 *
 * Index format (mirrors Sources/GongshiKit/Search; change both together):
 *   meta.json       {version, docs, shards, docsPerFile, kinds, branches: [[id, name]], years (newest first),
 *                   facetWidth}
 *   shards/<n>.json {token: postings}; a token lives in shard fnv1a(utf8(token)) % shards
 *   facets.json     {facets}: per document, facetWidth base-64 digits of (branch × years + year) × kinds + kind
 *   docs/<f>.json   [{title, url, kind, branch, date, text, truncated?}, …]: documents f × docsPerFile onwards, in
 *                   order, so document n is entry n % docsPerFile of file floor(n / docsPerFile)
 * Tokens: each kept character and each pair of adjacent kept characters. Postings: per document holding the token,
 * (gap − 1) << 2 | fields (1 title, 2 body), as base-64 groups of 5 bits, low group first, 32 = "more follows".
 * Documents are numbered oldest first, so a higher number is newer (same date: title earlier in code-point order).
 *
 * Matching: the query (its first 64 characters) is split into terms at spaces (ASCII or U+3000) and punctuation. A
 * one-character term matches a document holding that character. A longer term matches a document that holds, for
 * each of the term's characters, one of the term's bigrams containing it — the term's words may stand apart and in
 * any order: 「王芳书记」 (王芳 + 书记) finds 书记…王芳, 「电梯加装」 (电梯 + 加装) finds 加装电梯, but 「王芳」 does not
 * match 王…芳. A document matches when every term does. Ranking, each step breaking the previous one's ties: phrase
 * hits first (every bigram of every term held: for terms of up to two characters exactly the phrase, for longer ones
 * as far as bigrams can tell), then title hits (every term matched by the title alone), then documents holding more
 * of the query's bigrams, then newer first. The postings decide the matches, so the count shown is exact; the 20
 * documents of the page shown are ranked again once their text is read, a phrase hit whose text lacks a term no
 * longer counting as one (环境…境卫…卫生 holds the bigrams of 「环境卫生」 but not the phrase).
 */
(function () {
  'use strict';

  var FORMAT_VERSION = 2;
  var PAGE_SIZE = 20;
  var MAX_QUERY = 64; // characters of the query that are searched
  var SNIPPET_BEFORE = 30; // UTF-16 units of context kept before the first match
  var SNIPPET_LENGTH = 120;
  var TITLE = 1;
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGITS = [];
  for (var d = 0; d < 128; d++) DIGITS.push(-1);
  for (d = 0; d < 64; d++) DIGITS[ALPHABET.charCodeAt(d)] = d;
  var KIND_LABELS = { '承诺': '承诺书', '公开': '党务公开', '典型': '典型事例', '支部': '组织概况' };
  var script = typeof document !== 'undefined' ? document.currentScript : null;

  // ---- Text rules: the same as SearchTokenizer.swift ----

  /** The folded code point of a kept character, or -1 for a separator. */
  function foldCodePoint(cp) {
    if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x3007 ||
        (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0x20000 && cp <= 0x3134f)) return cp;
    if (cp >= 0x41 && cp <= 0x5a) return cp + 0x20;
    if (cp >= 0xff10 && cp <= 0xff19) return cp - 0xff10 + 0x30;
    if (cp >= 0xff21 && cp <= 0xff3a) return cp - 0xff21 + 0x61;
    if (cp >= 0xff41 && cp <= 0xff5a) return cp - 0xff41 + 0x61;
    return -1;
  }

  /** `text` with kept characters folded and every other UTF-16 unit a space: same length, so a position found in
   *  the result is the same position in `text`. */
  function normalize(text) {
    var parts = [];
    for (var i = 0; i < text.length; i++) {
      var unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        var low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          var cp = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          parts.push(foldCodePoint(cp) === cp ? text.slice(i, i + 2) : '  ');
          i++;
          continue;
        }
      }
      var folded = foldCodePoint(unit);
      parts.push(folded < 0 ? ' ' : String.fromCharCode(folded));
    }
    return parts.join('');
  }

  /** The bigrams of a term, in order (none for a one-character term). */
  function bigramsOf(term) {
    var chars = Array.from(term);
    return chars.slice(1).map(function (c, i) { return chars[i] + c; });
  }

  /** The query's terms (runs of kept characters, each once), their `bigrams` (each once) and the `tokens` to look
   *  up: each one-character term's character, then the bigrams. */
  function parseQuery(query) {
    var terms = [];
    var singles = [];
    var bigrams = [];
    normalize(Array.from(String(query || '')).slice(0, MAX_QUERY).join('')).split(' ').forEach(function (run) {
      if (run && terms.indexOf(run) < 0) terms.push(run);
    });
    terms.forEach(function (term) {
      if (Array.from(term).length === 1) singles.push(term);
      bigramsOf(term).forEach(function (b) { if (bigrams.indexOf(b) < 0) bigrams.push(b); });
    });
    return { terms: terms, bigrams: bigrams, tokens: singles.concat(bigrams) };
  }

  // ---- Index lookup ----

  /** 32-bit FNV-1a over the UTF-8 bytes of `text`. */
  function fnv1a(text) {
    var hash = 0x811c9dc5;
    function add(byte) { hash = Math.imul(hash ^ byte, 0x01000193) >>> 0; }
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      if (cp < 0x80) add(cp);
      else if (cp < 0x800) { add(0xc0 | (cp >> 6)); add(0x80 | (cp & 63)); }
      else if (cp < 0x10000) { add(0xe0 | (cp >> 12)); add(0x80 | ((cp >> 6) & 63)); add(0x80 | (cp & 63)); }
      else { add(0xf0 | (cp >> 18)); add(0x80 | ((cp >> 12) & 63)); add(0x80 | ((cp >> 6) & 63)); add(0x80 | (cp & 63)); }
    }
    return hash >>> 0;
  }

  function shardOf(token, shardCount) { return fnv1a(token) % shardCount; }

  /** The shard numbers a parsed query needs, ascending, each once. */
  function neededShards(parsed, shardCount) {
    var shards = [];
    parsed.tokens.forEach(function (token) {
      var n = shardOf(token, shardCount);
      if (shards.indexOf(n) < 0) shards.push(n);
    });
    return shards.sort(function (a, b) { return a - b; });
  }

  /** A posting list as parallel arrays of ascending document numbers and field flags. */
  function decodePostings(text) {
    var docs = [];
    var fields = [];
    var previous = -1;
    var value = 0;
    var scale = 1;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      var digit = code < 128 ? DIGITS[code] : -1;
      if (digit < 0) throw new Error('索引数据有误');
      value += (digit & 31) * scale;
      if (digit & 32) { scale *= 32; continue; }
      previous += Math.floor(value / 4) + 1;
      docs.push(previous);
      fields.push(value % 4);
      value = 0;
      scale = 1;
    }
    return { docs: docs, fields: fields };
  }

  /** Indices into meta's lists for the filter values of `state` (kind name, branch id, year); -1 for 全部 and for
   *  values the index does not know. */
  function resolveFilter(meta, state) {
    var kind = meta.kinds.indexOf(state.kind || '');
    var branch = -1;
    meta.branches.forEach(function (pair, i) { if (pair[0] === state.branch) branch = i; });
    var year = meta.years.indexOf(parseInt(state.year, 10));
    return { kind: kind, branch: branch, year: year, active: kind >= 0 || branch >= 0 || year >= 0 };
  }

  /** Document `doc`'s kind, branch and year, as indices into meta's lists. */
  function facetOf(meta, facets, doc) {
    var value = 0;
    for (var k = 0; k < meta.facetWidth; k++) value = value * 64 + DIGITS[facets.charCodeAt(doc * meta.facetWidth + k)];
    var kind = value % meta.kinds.length;
    value = (value - kind) / meta.kinds.length;
    var year = value % meta.years.length;
    return { kind: kind, year: year, branch: (value - year) / meta.years.length };
  }

  /** The tokens a term needs in every document it matches: a one-character term's character, a longer term's first
   *  and last bigram (its first and last characters are in no other). */
  function requiredTokens(term) {
    var bigrams = bigramsOf(term);
    return bigrams.length ? [bigrams[0], bigrams[bigrams.length - 1]] : [term];
  }

  /** Whether `term` matches given `held(token)`: its character, or for each character a bigram of the term holding it. */
  function covers(term, held) {
    var bigrams = bigramsOf(term);
    if (!bigrams.length) return held(term);
    for (var i = 0; i <= bigrams.length; i++) {
      if (!((i > 0 && held(bigrams[i - 1])) || (i < bigrams.length && held(bigrams[i])))) return false;
    }
    return true;
  }

  /** Ranked matches, [{doc, title, phrase, bigrams}]: the documents every term of `parsed` matches that pass
   *  `filter`, ranked phrase hits first, then title hits, then by the number of the query's bigrams they hold, then
   *  newer first. `postingsOf(token)` returns the token's postings text or undefined when the index has no such
   *  token. `facets` is needed only when `filter.active`. */
  function search(meta, postingsOf, parsed, filter, facets) {
    var decoded = {};
    parsed.tokens.forEach(function (token) {
      var text = postingsOf(token);
      if (typeof text === 'string') decoded[token] = decodePostings(text);
    });
    var required = [];
    parsed.terms.forEach(function (term) {
      requiredTokens(term).forEach(function (token) { if (required.indexOf(token) < 0) required.push(token); });
    });
    if (!required.length || required.some(function (token) { return !decoded[token]; })) return [];
    var lists = required.map(function (token) { return decoded[token].docs; });
    lists.sort(function (a, b) { return a.length - b.length; });
    var docs = lists[0];
    for (var l = 1; l < lists.length && docs.length; l++) {
      var other = lists[l];
      var kept = [];
      for (var i = 0, j = 0; i < docs.length; i++) {
        while (j < other.length && other[j] < docs[i]) j++;
        if (j === other.length) break;
        if (other[j] === docs[i]) kept.push(docs[i]);
      }
      docs = kept;
    }
    // Each token's field flags in each candidate (0: not held).
    var flags = {};
    parsed.tokens.forEach(function (token) {
      var row = docs.map(function () { return 0; });
      var list = decoded[token];
      if (list) {
        for (var i = 0, j = 0; i < docs.length && j < list.docs.length; i++) {
          while (j < list.docs.length && list.docs[j] < docs[i]) j++;
          if (list.docs[j] === docs[i]) row[i] = list.fields[j];
        }
      }
      flags[token] = row;
    });
    var results = [];
    for (var r = 0; r < docs.length; r++) {
      var anywhere = function (token) { return flags[token][r] !== 0; };
      var inTitle = function (token) { return (flags[token][r] & TITLE) !== 0; };
      if (!parsed.terms.every(function (term) { return covers(term, anywhere); })) continue;
      if (filter && filter.active) {
        var f = facetOf(meta, facets, docs[r]);
        if ((filter.kind >= 0 && f.kind !== filter.kind) || (filter.branch >= 0 && f.branch !== filter.branch) ||
            (filter.year >= 0 && f.year !== filter.year)) continue;
      }
      var held = parsed.bigrams.filter(anywhere).length;
      results.push({
        doc: docs[r], title: parsed.terms.every(function (term) { return covers(term, inTitle); }),
        phrase: held === parsed.bigrams.length, bigrams: held
      });
    }
    return results.sort(byRank);
  }

  /** The ranking order of results: phrase, title, bigrams held, newer. */
  function byRank(a, b) {
    return (b.phrase - a.phrase) || (b.title - a.title) || (b.bigrams - a.bigrams) || (b.doc - a.doc);
  }

  /** Whether a document holds every term as it is written. Its postings only show that each bigram occurs somewhere
   *  (环境…境卫…卫生 holds the bigrams of 「环境卫生」); a text cut short in its docs/ file may hold the term further
   *  on, so it is trusted. */
  function holdsPhrases(parsed, doc) {
    if (doc.truncated) return true;
    var haystack = normalize(doc.title) + ' ' + normalize(doc.text);
    return parsed.terms.every(function (term) { return haystack.indexOf(term) >= 0; });
  }

  /** Sorted, merged [start, end) ranges of every occurrence in `text` of each one-character term and of each
   *  longer term's bigrams, so a phrase is marked whole, and 加装电梯 whole for 「电梯加装」. */
  function matchRanges(text, terms) {
    var folded = normalize(text);
    var ranges = [];
    terms.forEach(function (term) {
      var pieces = bigramsOf(term);
      (pieces.length ? pieces : [term]).forEach(function (piece) {
        for (var at = folded.indexOf(piece); at >= 0; at = folded.indexOf(piece, at + 1)) ranges.push([at, at + piece.length]);
      });
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push(range.slice());
    });
    return merged;
  }

  function isLowSurrogate(unit) { return unit >= 0xdc00 && unit <= 0xdfff; }

  /** About SNIPPET_LENGTH units of `text` around its first match, with … where cut, and the match ranges in it. */
  function excerpt(text, terms) {
    var ranges = matchRanges(text, terms);
    var start = ranges.length && ranges[0][0] > SNIPPET_BEFORE ? ranges[0][0] - SNIPPET_BEFORE : 0;
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    start = Math.max(0, Math.min(start, end - SNIPPET_LENGTH));
    if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
    var prefix = start > 0 ? '…' : '';
    var shown = [];
    ranges.forEach(function (r) {
      var a = Math.max(r[0], start);
      var b = Math.min(r[1], end);
      if (a < b) shown.push([a - start + prefix.length, b - start + prefix.length]);
    });
    return { text: prefix + text.slice(start, end) + (end < text.length ? '…' : ''), ranges: shown };
  }

  /** What one result shows: its document file and the highlighted title and snippet. */
  function describe(doc, parsed, result) {
    return {
      doc: result.doc,
      titleHit: result.title,
      phraseHit: result.phrase,
      url: doc.url,
      kind: doc.kind,
      branch: doc.branch,
      date: doc.date,
      title: { text: doc.title, ranges: matchRanges(doc.title, parsed.terms) },
      snippet: excerpt(doc.text, parsed.terms)
    };
  }

  /** The document files holding documents `docs`, ascending, each once. */
  function neededDocFiles(docs, perFile) {
    var files = [];
    docs.forEach(function (doc) {
      var file = Math.floor(doc / perFile);
      if (files.indexOf(file) < 0) files.push(file);
    });
    return files.sort(function (a, b) { return a - b; });
  }

  /** One page of results for `state` ({q, kind, branch, year, page}). `loader` has meta(), shard(n), facets() and
   *  docs(f), each returning a promise of the parsed file; only the files this query needs are asked for. */
  async function runSearch(loader, state) {
    var meta = await loader.meta();
    if (meta.version !== FORMAT_VERSION) throw new Error('搜索索引的格式版本不符（' + meta.version + '）');
    var parsed = parseQuery(state.q);
    var filter = resolveFilter(meta, state);
    var outcome = { meta: meta, parsed: parsed, filter: filter, total: 0, page: 1, pages: 0, first: 0, items: [] };
    if (!parsed.tokens.length) return outcome;
    var shards = neededShards(parsed, meta.shards);
    var loaded = await Promise.all(shards.map(function (n) { return loader.shard(n); }));
    var facets = filter.active ? (await loader.facets()).facets : null;
    var tables = {};
    shards.forEach(function (n, i) { tables[n] = loaded[i]; });
    var results = search(meta, function (token) {
      var table = tables[shardOf(token, meta.shards)];
      return Object.prototype.hasOwnProperty.call(table, token) ? table[token] : undefined;
    }, parsed, filter, facets);
    outcome.total = results.length;
    outcome.pages = Math.ceil(results.length / PAGE_SIZE);
    outcome.page = Math.min(Math.max(1, state.page || 1), Math.max(1, outcome.pages));
    outcome.first = (outcome.page - 1) * PAGE_SIZE + 1;
    var slice = results.slice(outcome.first - 1, outcome.first - 1 + PAGE_SIZE);
    var files = neededDocFiles(slice.map(function (r) { return r.doc; }), meta.docsPerFile);
    var records = await Promise.all(files.map(function (f) { return loader.docs(f); }));
    var docs = slice.map(function (r) {
      var doc = records[files.indexOf(Math.floor(r.doc / meta.docsPerFile))][r.doc % meta.docsPerFile];
      if (!doc) throw new Error('索引数据有误');
      return doc;
    });
    // The shown page is ranked again with the phrase checked against each text.
    var shown = slice.map(function (r, i) {
      return { result: Object.assign({}, r, { phrase: r.phrase && holdsPhrases(parsed, docs[i]) }), doc: docs[i] };
    });
    shown.sort(function (a, b) { return byRank(a.result, b.result); });
    shown.forEach(function (s) { outcome.items.push(describe(s.doc, parsed, s.result)); });
    return outcome;
  }

  /** The search state in a query string such as location.search. */
  function readState(query) {
    var params = new URLSearchParams(query);
    return {
      q: params.get('q') || '',
      kind: params.get('kind') || '',
      branch: params.get('branch') || '',
      year: params.get('year') || '',
      page: Math.max(1, parseInt(params.get('page'), 10) || 1)
    };
  }

  /** The query string ("?…") of a state; empty values and page 1 are left out. */
  function stateQuery(state) {
    var params = new URLSearchParams();
    ['q', 'kind', 'branch', 'year'].forEach(function (key) { if (state[key]) params.set(key, state[key]); });
    if (state.page > 1) params.set('page', String(state.page));
    var text = params.toString();
    return text ? '?' + text : '';
  }

  // ---- The page ----

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function appendMarked(parent, marked) {
    var at = 0;
    marked.ranges.forEach(function (r) {
      if (r[0] > at) parent.appendChild(document.createTextNode(marked.text.slice(at, r[0])));
      parent.appendChild(element('mark', '', marked.text.slice(r[0], r[1])));
      at = r[1];
    });
    if (at < marked.text.length) parent.appendChild(document.createTextNode(marked.text.slice(at)));
  }

  function makeLoader(base) {
    var cache = new Map();
    function get(path) {
      if (!cache.has(path)) {
        cache.set(path, fetch(new URL(path, base).href).then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status + ' ' + path);
          return response.json();
        }).catch(function (error) { cache.delete(path); throw error; }));
      }
      return cache.get(path);
    }
    return {
      meta: function () { return get('meta.json'); },
      facets: function () { return get('facets.json'); },
      shard: function (n) { return get('shards/' + n + '.json'); },
      docs: function (f) { return get('docs/' + f + '.json'); }
    };
  }

  function indexBase(form) {
    var attribute = form.getAttribute('data-index');
    var base = attribute ? new URL(attribute, document.baseURI)
      : new URL('../search/', script && script.src ? script.src : document.baseURI);
    if (!/\/$/.test(base.pathname)) base.pathname += '/';
    return base;
  }

  function ensureSelect(form, id, name, label) {
    var select = document.getElementById(id);
    if (select) return select;
    var box = form.querySelector('.search-filters');
    if (!box) {
      box = element('div', 'search-filters');
      var submit = form.querySelector('button[type="submit"], input[type="submit"], button:not([type])');
      form.insertBefore(box, submit);
    }
    var field = element('span', 'search-filter');
    var labelNode = element('label', '', label);
    labelNode.htmlFor = id;
    select = element('select');
    select.id = id;
    select.name = name;
    field.appendChild(labelNode);
    field.appendChild(document.createTextNode(' '));
    field.appendChild(select);
    box.appendChild(field);
    return select;
  }

  function fillSelect(select, allLabel, options) {
    while (select.firstChild) select.removeChild(select.firstChild);
    var all = element('option', '', allLabel);
    all.value = '';
    select.appendChild(all);
    options.forEach(function (pair) {
      var option = element('option', '', pair[1]);
      option.value = pair[0];
      select.appendChild(option);
    });
  }

  function start() {
    var form = document.getElementById('search-form');
    var region = document.getElementById('search-results');
    var input = document.getElementById('search-q');
    if (!form || !region || !input) return;
    var base = indexBase(form);
    var loader = makeLoader(base);
    var siteRoot = new URL('../', base);
    var selects = {
      kind: ensureSelect(form, 'search-kind', 'kind', '类型'),
      branch: ensureSelect(form, 'search-branch', 'branch', '组织'),
      year: ensureSelect(form, 'search-year', 'year', '年度')
    };
    var status = document.getElementById('search-status');
    if (!status) {
      status = element('p', 'search-status');
      status.id = 'search-status';
      region.appendChild(status);
    }
    status.tabIndex = -1;
    var list = element('ol', 'search-list');
    var pager = element('nav', 'search-pager');
    pager.setAttribute('aria-label', '搜索结果分页');
    pager.hidden = true;
    region.appendChild(list);
    region.appendChild(pager);
    var baseTitle = document.title;
    var state = readState(location.search);
    var ticket = 0;

    function syncForm() {
      input.value = state.q;
      Object.keys(selects).forEach(function (key) { selects[key].value = state[key]; });
    }

    function formState() {
      return { q: input.value.trim(), kind: selects.kind.value, branch: selects.branch.value, year: selects.year.value, page: 1 };
    }

    function go(next, focus) {
      state = next;
      var query = stateQuery(state);
      if (query !== location.search) history.pushState(null, '', query || location.pathname);
      render(focus);
    }

    function clear() {
      while (list.firstChild) list.removeChild(list.firstChild);
      while (pager.firstChild) pager.removeChild(pager.firstChild);
      pager.hidden = true;
    }

    function showItem(item) {
      var li = element('li', 'search-result');
      var heading = element('h2', 'search-result-title');
      var link = element('a');
      link.href = new URL(item.url, siteRoot).href;
      appendMarked(link, item.title);
      heading.appendChild(link);
      var facts = element('p', 'search-result-meta');
      facts.appendChild(element('span', 'search-result-kind', KIND_LABELS[item.kind] || item.kind));
      facts.appendChild(document.createTextNode(' · '));
      facts.appendChild(element('span', 'search-result-branch', item.branch));
      facts.appendChild(document.createTextNode(' · '));
      var time = element('time', '', item.date);
      time.dateTime = item.date;
      facts.appendChild(time);
      var snippet = element('p', 'search-result-snippet');
      appendMarked(snippet, item.snippet);
      li.appendChild(heading);
      li.appendChild(facts);
      li.appendChild(snippet);
      list.appendChild(li);
    }

    function pageLink(label, page) {
      var link = element('a', '', label);
      var target = Object.assign({}, state, { page: page });
      link.href = stateQuery(target) || location.pathname;
      link.addEventListener('click', function (event) {
        event.preventDefault();
        go(target, true);
      });
      return link;
    }

    function show(outcome) {
      clear();
      if (!outcome.parsed.tokens.length) {
        status.textContent = state.q ? '请输入汉字、字母或数字。' : '请输入要搜索的词语。';
        return;
      }
      var words = '“' + outcome.parsed.terms.join(' ') + '”';
      if (!outcome.total) {
        status.textContent = '没有找到与' + words + '有关的内容' + (outcome.filter.active ? '（已按所选条件筛选）' : '') + '。';
        return;
      }
      var last = outcome.first + outcome.items.length - 1;
      status.textContent = '找到 ' + outcome.total + ' 条与' + words + '有关的内容' +
        (outcome.filter.active ? '（已按所选条件筛选）' : '') +
        (outcome.pages > 1 ? '，这是第 ' + outcome.first + '–' + last + ' 条' : '') + '。';
      list.start = outcome.first;
      outcome.items.forEach(showItem);
      if (outcome.pages > 1) {
        pager.hidden = false;
        if (outcome.page > 1) pager.appendChild(pageLink('上一页', outcome.page - 1));
        pager.appendChild(element('span', 'search-page', ' 第 ' + outcome.page + ' / ' + outcome.pages + ' 页 '));
        if (outcome.page < outcome.pages) pager.appendChild(pageLink('下一页', outcome.page + 1));
      }
    }

    function render(focus) {
      var mine = ++ticket;
      document.title = state.q ? state.q + ' - ' + baseTitle : baseTitle;
      region.setAttribute('aria-busy', 'true');
      status.textContent = '正在搜索…';
      runSearch(loader, state).then(function (outcome) {
        if (mine === ticket) show(outcome);
      }, function (error) {
        if (mine !== ticket) return;
        clear();
        status.textContent = '搜索索引加载失败，请稍后再试' +
          (location.protocol === 'file:' ? '（搜索需要通过网站访问，不能直接打开本地文件）' : '') + '。';
        if (window.console) console.error(error);
      }).then(function () {
        if (mine !== ticket) return;
        region.removeAttribute('aria-busy');
        if (focus) status.focus();
      });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      go(formState(), false);
    });
    Object.keys(selects).forEach(function (key) {
      selects[key].addEventListener('change', function () { go(formState(), false); });
    });
    window.addEventListener('popstate', function () {
      state = readState(location.search);
      syncForm();
      render(false);
    });
    loader.meta().then(function (meta) {
      fillSelect(selects.kind, '全部类型', meta.kinds.map(function (k) { return [k, KIND_LABELS[k] || k]; }));
      fillSelect(selects.branch, '全部组织', meta.branches);
      fillSelect(selects.year, '全部年度', meta.years.map(function (y) { return [String(y), y + ' 年']; }));
      syncForm();
    }, function () { /* render() reports the failure */ });
    syncForm();
    render(false);
  }

  var api = {
    FORMAT_VERSION: FORMAT_VERSION, PAGE_SIZE: PAGE_SIZE, normalize: normalize, parseQuery: parseQuery, fnv1a: fnv1a,
    shardOf: shardOf, neededShards: neededShards, neededDocFiles: neededDocFiles, decodePostings: decodePostings, resolveFilter: resolveFilter,
    facetOf: facetOf, search: search, bigramsOf: bigramsOf, covers: covers, holdsPhrases: holdsPhrases, matchRanges: matchRanges, excerpt: excerpt,
    describe: describe, runSearch: runSearch, readState: readState, stateQuery: stateQuery
  };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
})();
