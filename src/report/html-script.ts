import { SEVERITY } from './describe.js';

/**
 * Inline script of index.html: the target select and verdict checkboxes hide cases, and every
 * matrix cell recounts (and recolours) from the cases still visible. Plain DOM, no data from
 * processes is evaluated: it only reads `data-*` attributes.
 */
export const HTML_SCRIPT = `
(function () {
  var order = ${JSON.stringify(SEVERITY)};
  var target = document.getElementById('f-target');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input.f-verdict'));
  var cases = Array.prototype.slice.call(document.querySelectorAll('details.case'));
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var t = target.value, shown = 0, perCell = {};
    cases.forEach(function (c) {
      var vis = (t === '' || c.dataset.target === t) && !!on[c.dataset.verdict];
      c.hidden = !vis;
      if (!vis) return;
      shown++;
      var m = perCell[c.dataset.cell] || (perCell[c.dataset.cell] = {});
      m[c.dataset.verdict] = (m[c.dataset.verdict] || 0) + 1;
    });
    document.querySelectorAll('td.cell[data-cell]').forEach(function (td) {
      var m = perCell[td.dataset.cell] || {};
      var kinds = order.filter(function (k) { return m[k]; });
      td.className = 'cell ' + (kinds.length ? 'v-' + kinds[0] : 'empty');
      td.querySelector('.worst').textContent = kinds.length ? kinds[0] : 'none shown';
      td.querySelector('.counts').textContent = kinds.map(function (k) { return m[k] + ' ' + k; }).join(' · ');
      var list = document.getElementById('list-' + td.dataset.cell);
      if (list) list.hidden = kinds.length === 0;
    });
    document.getElementById('shown').textContent = shown + ' of ' + cases.length + ' cases shown';
  }
  target.addEventListener('change', apply);
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  var head = document.querySelector('header.top');
  document.documentElement.style.setProperty('--top', head.offsetHeight + 'px');
  apply();
})();
`;
