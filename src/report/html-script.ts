/**
 * The one inline script of index.html. It reads the page data (JSON in `#mpc-data`, never
 * evaluated), applies the filters, recounts the verdict counts, the family matrix and the rule
 * matrix from the cases that pass them, and renders the case list in pages (a 10,000-case report
 * shows its first cases at once) and the "By scenario" table (targets side by side, also in pages). Every text from the report goes in with textContent; the script
 * builds elements, it never assigns HTML.
 */
export const HTML_SCRIPT = `
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('mpc-data').textContent);
  var PAGE = 300;
  var limit = PAGE;
  var SPAGE = 50;
  var slimit = SPAGE;
  var expanded = {};
  var REPRO = { fail: 1, flaky: 1, 'unexpected-pass': 1 };
  function $(id) { return document.getElementById(id); }
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  var F = { p: $('f-python'), t: $('f-target'), f: $('f-family'), r: $('f-rule') };
  var boxes = all('input.f-verdict');
  var S = { list: $('scen-list'), more: $('scen-more'), only: $('f-disagree'), shown: $('scen-shown') };
  var colOf = {};
  D.ruleCols.forEach(function (pt, i) { colOf[pt[0] + '/' + pt[1]] = i; });
  var byId = {};
  D.cases.forEach(function (c) { byId[c.id] = c; });
  function anchor(id) { return 'case-' + id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\\.+/, '_').slice(0, 180); }
  function quote(s) { return "'" + s.replace(/'/g, "'\\\\''") + "'"; }
  function state() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    return { p: F.p.value, t: F.t.value, f: F.f.value, r: F.r.value, on: on };
  }
  function base(c, s, ignoreRule) {
    if (s.p !== '' && c.p !== +s.p) return false;
    if (s.t !== '' && D.targets[c.t] !== s.t) return false;
    if (s.f !== '' && c.f !== +s.f) return false;
    if (!ignoreRule && s.r !== '' && c.r.indexOf(+s.r) < 0) return false;
    return true;
  }
  function worst(m) {
    for (var i = 0; i < D.severity.length; i++) if (m[D.severity[i]]) return D.severity[i];
    return null;
  }
  function apply() {
    var s = state(), counts = {}, shown = [], perCell = {}, perRule = {};
    D.cases.forEach(function (c) {
      if (base(c, s, true) && s.on[c.v]) {
        var col = colOf[c.p + '/' + c.t];
        c.r.forEach(function (ri) {
          var k = ri + '-' + col;
          var x = perRule[k] || (perRule[k] = { conform: 0, depart: 0, kinds: {} });
          var dep = c.rd.indexOf(ri) >= 0;
          if (dep) x.depart++; else x.conform++;
          x.kinds[dep ? c.v : (c.v === 'unexpected-pass' ? c.v : 'pass')] = 1;
        });
      }
      if (!base(c, s, false)) return;
      counts[c.v] = (counts[c.v] || 0) + 1;
      if (!s.on[c.v]) return;
      shown.push(c);
      var m = perCell[c.c] || (perCell[c.c] = {});
      m[c.v] = (m[c.v] || 0) + 1;
    });
    all('span.n[data-v]').forEach(function (n) { n.textContent = String(counts[n.dataset.v] || 0); });
    $('shown').textContent = shown.length + ' of ' + D.cases.length + ' cases shown';
    all('td.cell[data-cell]').forEach(function (td) {
      var m = perCell[td.dataset.cell] || {};
      var w = worst(m);
      td.className = 'cell ' + (w ? 'v-' + w : 'empty');
      td.querySelector('.worst').textContent = w || 'none shown';
      td.querySelector('.counts').textContent = D.severity.filter(function (k) { return m[k]; }).map(function (k) { return m[k] + ' ' + k; }).join(' · ');
    });
    all('td.rcell a').forEach(function (a) {
      var td = a.parentNode, x = perRule[a.dataset.row + '-' + a.dataset.col];
      var w = x ? worst(x.kinds) : null;
      td.className = 'rcell ' + (w ? 'v-' + w : 'empty');
      a.querySelector('.worst').textContent = w || 'none shown';
      a.querySelector('.counts').textContent = x ? x.conform + ' ✓' + (x.depart ? ' · ' + x.depart + ' ✗' : '') : '';
    });
    all('#rule-matrix tbody tr').forEach(function (tr, ri) { tr.classList.toggle('chosen', s.r !== '' && ri === +s.r); });
    render(shown);
    renderScen(s);
  }
  function mainOf(c) {
    for (var i = 0; i < c.procs.length; i++) if (c.procs[i][0] === 'main') return c.procs[i][3];
    return 'absent';
  }
  // a scenario row passes when its interpreter does and one of its cases passes each other filter
  function scenPasses(r, s) {
    if (s.p !== '' && r.p !== +s.p) return false;
    if (S.only && S.only.checked && r.d.length === 0) return false;
    var t = s.t === '', f = s.f === '', ru = s.r === '', v = false;
    r.x.forEach(function (ids) {
      ids.forEach(function (i) {
        var c = D.cases[i];
        if (!t && D.targets[c.t] === s.t) t = true;
        if (!f && c.f === +s.f) f = true;
        if (!ru && c.r.indexOf(+s.r) >= 0) ru = true;
        if (s.on[c.v]) v = true;
      });
    });
    return t && f && ru && v;
  }
  function scenRow(r, s) {
    var tr = el('tr', r.d.length ? 'disagree' : 'agree');
    tr.id = 'scen-' + r.p + '-' + r.h;
    var py = D.interpreters[r.p] || { name: '?' };
    var th = el('th', null, py.name);
    th.scope = 'row';
    tr.appendChild(th);
    var key = el('td', 'scen-key');
    key.appendChild(el('span', null, (D.families[r.f] || '?') + ' · ' + r.m));
    key.appendChild(el('small', 'mono', r.h));
    tr.appendChild(key);
    r.x.forEach(function (ids, col) {
      var chosen = s.t !== '' && D.targets[D.scenTargets[col]] === s.t;
      var td = el('td', 'scell' + (chosen ? ' chosen' : '') + (ids.length ? '' : ' empty'));
      if (ids.length === 0) td.textContent = '—';
      ids.forEach(function (i) {
        var c = D.cases[i];
        var a = el('a', 'v-' + c.v);
        a.href = '#' + anchor(c.id);
        a.title = c.id + (c.reason ? ' — ' + c.reason : '');
        a.appendChild(el('span', 'worst', c.v));
        a.appendChild(el('span', 'counts', 'main: ' + mainOf(c)));
        // the same hash again fires no hashchange: reveal it directly
        a.addEventListener('click', function (e) { if (location.hash === a.getAttribute('href')) { e.preventDefault(); reveal(location.hash); } });
        td.appendChild(a);
      });
      tr.appendChild(td);
    });
    var dd = el('td', 'differs');
    if (r.d.length) dd.appendChild(el('span', 'badge v-fail', 'differs: ' + r.d.join(', ')));
    else dd.appendChild(el('span', 'muted', 'agree'));
    tr.appendChild(dd);
    return tr;
  }
  function renderScen(s) {
    if (!S.list) return;
    var rows = D.scens.filter(function (r) { return scenPasses(r, s); });
    var dis = rows.filter(function (r) { return r.d.length > 0; }).length;
    S.shown.textContent = rows.length + ' of ' + D.scens.length + ' scenarios shown · ' + dis + ' where the targets disagree';
    S.list.textContent = '';
    var n = Math.min(rows.length, slimit);
    if (rows.length === 0) S.list.appendChild(el('p', 'muted', 'No scenario passes the filters.'));
    else {
      var t = el('table', 'scen'), head = el('thead'), tr = el('tr'), tb = el('tbody');
      t.id = 'scen-table';
      var cols = ['interpreter', 'scenario'];
      D.scenTargets.forEach(function (ti) { cols.push(D.targets[ti]); });
      cols.push('targets');
      cols.forEach(function (name, i) {
        var th = el('th', i >= 2 && i < cols.length - 1 && s.t !== '' && name === s.t ? 'chosen' : null, name);
        th.scope = 'col';
        tr.appendChild(th);
      });
      head.appendChild(tr);
      t.appendChild(head);
      for (var i = 0; i < n; i++) tb.appendChild(scenRow(rows[i], s));
      t.appendChild(tb);
      S.list.appendChild(t);
    }
    var hidden = rows.length - n;
    S.more.hidden = hidden === 0;
    S.more.textContent = 'show ' + Math.min(SPAGE, hidden) + ' more of ' + hidden + ' scenarios not listed yet';
  }
  function row(tbody, cells, header) {
    var tr = el('tr');
    cells.forEach(function (text, i) { tr.appendChild(el(i === 0 && header ? 'th' : 'td', i === 0 ? 'mono' : '', text)); });
    tbody.appendChild(tr);
  }
  function table(cls, head, rows) {
    var t = el('table', cls), th = el('thead'), tr = el('tr'), tb = el('tbody');
    head.forEach(function (h) { tr.appendChild(el('th', null, h)); });
    th.appendChild(tr); t.appendChild(th);
    rows.forEach(function (r) { row(tb, r, true); });
    t.appendChild(tb);
    return t;
  }
  function fact(dl, name, value, cls) {
    dl.appendChild(el('dt', null, name));
    var dd = el('dd', cls || null);
    if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value);
    dl.appendChild(dd);
  }
  function body(d, c) {
    var py = D.interpreters[c.p] || { name: '?', path: '?' };
    var dl = el('dl', 'facts');
    fact(dl, 'interpreter', py.name + '  ' + py.path);
    fact(dl, 'target · family · start method', D.targets[c.t] + ' · ' + D.families[c.f] + ' · ' + c.m);
    fact(dl, 'run end', c.end + ' · ' + c.ms + ' ms');
    if (c.reason) fact(dl, 'reason', c.reason);
    if (c.rate) fact(dl, 'failure rate', c.rate);
    var rules = el('span');
    if (c.r.length === 0) rules.textContent = '—';
    c.r.forEach(function (ri, i) {
      if (i) rules.appendChild(document.createTextNode(', '));
      var b = el('button', 'rule-link mono' + (c.rd.indexOf(ri) >= 0 ? ' departs' : ''), D.rules[ri] + (c.rd.indexOf(ri) >= 0 ? ' (departs)' : c.rk.indexOf(ri) >= 0 ? ' (decisive)' : ''));
      b.type = 'button';
      b.title = 'show the cases of this rule';
      b.addEventListener('click', function () { F.r.value = String(ri); limit = PAGE; apply(); $('cases').scrollIntoView(); });
      rules.appendChild(b);
    });
    fact(dl, 'rules', rules);
    if (c.repro) {
      var a = el('a', null, c.repro);
      a.href = encodeURI(c.repro);
      fact(dl, 'repro', a);
      fact(dl, 'run the repro', py.path + ' ' + c.repro, 'mono');
    }
    fact(dl, 'replay', 'mpconform replay ' + D.reportFile + ' --case ' + quote(c.id) + ' --runs 3', 'mono');
    if (c.shrunk) fact(dl, 'shrunk', c.shrunk);
    d.appendChild(dl);
    d.appendChild(table('procs', ['process', 'expected', 'rules', 'observed', 'exception'], c.procs));
    if (c.notes.length) d.appendChild(table('notes', ['note', 'expected', 'observed'], c.notes));
    if (c.warn.length) { d.appendChild(el('p', 'muted', 'warnings')); d.appendChild(el('pre', 'warnings', c.warn.join('\\n'))); }
    if (c.leaks.length) { d.appendChild(el('p', 'muted', 'leaks')); d.appendChild(el('pre', 'leaks', c.leaks.join('\\n'))); }
    if (c.stk && c.stk.length) { d.appendChild(el('p', 'muted', 'where it hangs (each process\\'s stack when the hang was recognised)')); d.appendChild(el('pre', 'stacks', c.stk.join('\\n'))); }
    if (c.err.trim()) { d.appendChild(el('p', 'muted', 'stderr (tail)')); d.appendChild(el('pre', 'stderr', c.err)); }
    var prog = D.programs[c.prog] || { text: '', scenario: '' };
    var pd = el('details', 'program');
    if (REPRO[c.v]) pd.open = true;
    pd.appendChild(el('summary', null, c.repro ? 'program (as in the repro)' : 'program'));
    pd.appendChild(el('pre', 'program', prog.text));
    d.appendChild(pd);
    var sd = el('details');
    sd.appendChild(el('summary', null, 'scenario JSON'));
    sd.appendChild(el('pre', null, prog.scenario));
    d.appendChild(sd);
  }
  function caseEl(c) {
    var d = el('details', 'case');
    d.id = anchor(c.id);
    d.dataset.target = D.targets[c.t];
    d.dataset.verdict = c.v;
    d.dataset.cell = c.c;
    var s = el('summary');
    s.appendChild(el('span', 'badge v-' + c.v, c.v));
    s.appendChild(document.createTextNode(' '));
    s.appendChild(el('span', 'mono', c.id));
    s.appendChild(document.createTextNode(' '));
    s.appendChild(el('span', 'muted', D.targets[c.t] + ' · ' + c.ms + ' ms'));
    d.appendChild(s);
    var filled = false;
    function fill() { if (!filled) { filled = true; body(d, c); } }
    if (REPRO[c.v]) fill();
    d.addEventListener('toggle', function () { if (d.open) fill(); });
    return d;
  }
  function render(shown) {
    var list = $('case-list');
    list.textContent = '';
    var groups = {}, keys = [];
    shown.forEach(function (c) {
      if (!groups[c.c]) { groups[c.c] = []; keys.push(c.c); }
      groups[c.c].push(c);
    });
    keys.sort(function (a, b) {
      var x = a.split('-').map(Number), y = b.split('-').map(Number);
      return (x[0] - y[0]) || (x[1] - y[1]);
    });
    var budget = limit, hidden = 0;
    keys.forEach(function (k) {
      var cs = groups[k];
      var sec = el('section', 'cell-list');
      sec.id = 'list-' + k;
      sec.appendChild(el('h3', null, (D.cellTitles[k] || k) + ' — ' + cs.length + ' case' + (cs.length === 1 ? '' : 's')));
      var n = expanded[k] ? cs.length : Math.max(0, Math.min(cs.length, budget));
      if (!expanded[k]) budget -= n;
      for (var i = 0; i < n; i++) sec.appendChild(caseEl(cs[i]));
      if (n < cs.length) {
        hidden += cs.length - n;
        var b = el('button', 'group-more', 'show all ' + cs.length + ' cases of this cell');
        b.type = 'button';
        b.addEventListener('click', function () { expanded[k] = true; apply(); var e = $('list-' + k); if (e) e.scrollIntoView(); });
        sec.appendChild(b);
      }
      list.appendChild(sec);
    });
    if (keys.length === 0) list.appendChild(el('p', 'muted', 'No case passes the filters.'));
    var more = $('more');
    more.hidden = hidden === 0;
    more.textContent = 'show ' + Math.min(PAGE, hidden) + ' more of ' + hidden + ' cases not listed yet';
  }
  Object.keys(F).forEach(function (k) { F[k].addEventListener('change', function () { limit = PAGE; slimit = SPAGE; apply(); }); });
  boxes.forEach(function (b) { b.addEventListener('change', function () { limit = PAGE; slimit = SPAGE; apply(); }); });
  if (S.list) {
    S.only.addEventListener('change', function () { slimit = SPAGE; renderScen(state()); });
    S.more.addEventListener('click', function () { slimit += SPAGE; renderScen(state()); });
  }
  document.querySelector('form.filters').addEventListener('submit', function (e) { e.preventDefault(); });
  $('more').addEventListener('click', function () { limit += PAGE; apply(); });
  all('td.cell a').forEach(function (a) {
    a.addEventListener('click', function () { expanded[a.parentNode.dataset.cell] = true; apply(); });
  });
  all('td.rcell a').forEach(function (a) {
    a.addEventListener('click', function () {
      var pt = D.ruleCols[+a.dataset.col];
      F.p.value = String(pt[0]);
      F.t.value = D.targets[pt[1]];
      F.r.value = a.dataset.row;
      limit = PAGE;
      apply();
    });
  });
  function reveal(hash) {
    if (hash.indexOf('#case-') !== 0) return;
    var c = D.cases.filter(function (x) { return '#' + anchor(x.id) === hash; })[0];
    if (!c) return;
    expanded[c.c] = true;
    boxes.forEach(function (b) { if (b.value === c.v) b.checked = true; });
    // a filter that hides the case is cleared (a link from the side-by-side view may name any target)
    var s = state();
    if (s.p !== '' && c.p !== +s.p) F.p.value = '';
    if (s.t !== '' && D.targets[c.t] !== s.t) F.t.value = '';
    if (s.f !== '' && c.f !== +s.f) F.f.value = '';
    if (s.r !== '' && c.r.indexOf(+s.r) < 0) F.r.value = '';
    apply();
    var d = $(anchor(c.id));
    if (d) { d.open = true; d.scrollIntoView(); d.querySelector('summary').focus(); }
  }
  window.addEventListener('hashchange', function () { reveal(location.hash); });
  document.addEventListener('keydown', function (e) {
    var tag = (e.target && e.target.tagName) || '';
    if (e.key === 'Escape') {
      var open = e.target.closest ? e.target.closest('details.case') : null;
      if (open) { open.open = false; open.querySelector('summary').focus(); }
      return;
    }
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '/') { e.preventDefault(); F.p.focus(); return; }
    if (e.key !== 'j' && e.key !== 'k' && e.key !== 'o') return;
    var sums = all('#case-list details.case > summary');
    if (sums.length === 0) return;
    var cur = e.target.closest ? e.target.closest('details.case') : null;
    var i = cur ? sums.indexOf(cur.querySelector('summary')) : -1;
    if (e.key === 'o') { if (cur) cur.open = !cur.open; e.preventDefault(); return; }
    var next = e.key === 'j' ? Math.min(sums.length - 1, i + 1) : Math.max(0, i - 1);
    sums[next].focus();
    sums[next].scrollIntoView({ block: 'nearest' });
    e.preventDefault();
  });
  var head = document.querySelector('header.top');
  document.documentElement.style.setProperty('--top', head.offsetHeight + 'px');
  apply();
  reveal(location.hash);
})();
`;
