/**
 * The HTML report's style sheet and page script, inlined into every report so that it fetches
 * nothing when viewed. Plain DOM code, no framework. The script reads the JSON in
 * `#report-data`, draws the namespace × namespace matrix (a namespace expands to its workloads
 * when its button is pressed), the list of connections, and applies the filter box to the
 * matrix, the list and the graph's nodes. It sets `data-ready` on <body> once the page is usable.
 */
export const REPORT_STYLE = `
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em; color: #1f2328; }
h1 { font-size: 1.4em; margin: 0 0 .2em; } h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
.summary { color: #57606a; margin: 0 0 1em; }
#filter { font: inherit; padding: .3em .5em; width: 24em; border: 1px solid #8c959f; border-radius: 4px; }
.scroll { overflow: auto; max-height: 70vh; border: 1px solid #d0d7de; }
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid #d0d7de; padding: 2px 6px; text-align: center; white-space: nowrap; }
thead th { position: sticky; top: 0; background: #f6f8fa; z-index: 1; }
th.row { text-align: left; position: sticky; left: 0; background: #f6f8fa; }
th.workload { font-weight: normal; padding-left: 1.5em; }
td.on { background: #dafbe1; }
td.added { background: #aceebb; color: #116329; font-weight: bold; }
td.removed { background: #ffcecb; color: #a40e26; text-decoration: line-through; }
td.changed { background: #fff1a8; color: #7d4e00; font-style: italic; }
button.toggle { font: inherit; border: none; background: none; cursor: pointer; padding: 0; color: #0969da; }
#edges td { text-align: left; }
#edges tr.added td { background: #dafbe1; } #edges tr.removed td { background: #ffebe9; } #edges tr.changed td { background: #fff8c5; }
.legend span { display: inline-block; margin-right: 1em; padding: 0 .4em; }
.legend .added { background: #aceebb; } .legend .removed { background: #ffcecb; text-decoration: line-through; } .legend .changed { background: #fff1a8; font-style: italic; }
.graph svg { max-width: 100%; height: auto; }
.graph g.node.dim, .graph g.edge.dim { opacity: .15; }
.note { color: #57606a; font-size: 12px; }
`;

export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var EXTERNAL = '(external)';
  var peers = data.peers.map(function (p) { return { name: p[0], group: p[1] === null ? EXTERNAL : p[1], label: p[2] }; });
  var groups = [];
  var members = {};
  peers.forEach(function (p, i) {
    if (!members[p.group]) { members[p.group] = []; groups.push(p.group); }
    members[p.group].push(i);
  });
  var expanded = {};
  var filterBox = document.getElementById('filter');
  var MAX_ROWS = 300;

  function matches(text, f) { return text.toLowerCase().indexOf(f) >= 0; }

  // The rows (and columns) of the matrix: each shown namespace, then its shown workloads if expanded.
  function axis(f) {
    var items = [];
    groups.forEach(function (g) {
      var all = !f || matches(g, f);
      var shown = members[g].filter(function (i) { return all || matches(peers[i].name, f); });
      if (shown.length === 0) return;
      items.push({ group: g, peer: -1, count: members[g].length });
      if (expanded[g]) shown.forEach(function (i) { items.push({ group: g, peer: i }); });
    });
    return items;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function header(item, isRow) {
    var th = el('th', isRow ? 'row' : '');
    if (item.peer >= 0) {
      th.className += ' workload';
      th.textContent = peers[item.peer].label;
      th.title = peers[item.peer].name;
      return th;
    }
    var b = el('button', 'toggle', (expanded[item.group] ? '\\u25be ' : '\\u25b8 ') + item.group + ' (' + item.count + ')');
    b.setAttribute('data-group', item.group);
    b.setAttribute('aria-expanded', expanded[item.group] ? 'true' : 'false');
    th.appendChild(b);
    return th;
  }

  function drawMatrix(f) {
    var holder = document.getElementById('matrix');
    if (peers.length === 0) {
      holder.replaceChildren(el('p', 'note', data.diff ? 'No connection is added, removed or changed.' : 'No workloads.'));
      return;
    }
    var items = axis(f);
    var index = {};
    items.forEach(function (it, k) { index[it.peer >= 0 ? 'p' + it.peer : 'g' + it.group] = k; });
    var cells = {};
    data.edges.forEach(function (e) {
      var s = peers[e[0]], d = peers[e[1]];
      var rows = [index['g' + s.group], index['p' + e[0]]];
      var cols = [index['g' + d.group], index['p' + e[1]]];
      rows.forEach(function (r) {
        if (r === undefined) return;
        cols.forEach(function (c) {
          if (c === undefined) return;
          var cell = cells[r + ',' + c] || (cells[r + ',' + c] = { n: 0, added: 0, removed: 0, changed: 0, labels: [], connections: e[2] });
          cell.n++;
          if (e[3]) cell[e[3]]++;
          if (cell.labels.length < 8) cell.labels.push(s.name + ' \\u2192 ' + d.name + ': ' + e[2]);
        });
      });
    });
    var table = el('table');
    var head = el('tr');
    head.appendChild(el('th', 'row', 'from \\\\ to'));
    items.forEach(function (it) { head.appendChild(header(it, false)); });
    var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
    var body = el('tbody');
    items.forEach(function (row, r) {
      var tr = el('tr');
      tr.appendChild(header(row, true));
      items.forEach(function (col, c) {
        var cell = cells[r + ',' + c];
        var td = el('td');
        td.setAttribute('data-row', row.peer >= 0 ? peers[row.peer].name : row.group);
        td.setAttribute('data-col', col.peer >= 0 ? peers[col.peer].name : col.group);
        if (cell) {
          td.title = cell.labels.join('\\n') + (cell.n > cell.labels.length ? '\\n\\u2026' : '');
          if (data.diff) {
            var parts = [];
            if (cell.added) parts.push('+' + cell.added);
            if (cell.removed) parts.push('\\u2212' + cell.removed);
            if (cell.changed) parts.push('~' + cell.changed);
            td.textContent = parts.join(' ');
            td.className = cell.added === cell.n ? 'added' : cell.removed === cell.n ? 'removed' : 'changed';
          } else {
            // A workload-to-workload cell is one pair: it shows its connections.
            td.textContent = row.peer >= 0 && col.peer >= 0 ? cell.connections : String(cell.n);
            td.className = 'on';
          }
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    holder.replaceChildren(table);
  }

  function drawEdges(f) {
    var shown = data.edges.filter(function (e) { return !f || matches(peers[e[0]].name, f) || matches(peers[e[1]].name, f); });
    var tbody = document.querySelector('#edges tbody');
    var rows = shown.slice(0, MAX_ROWS).map(function (e) {
      var tr = el('tr', e[3] || '');
      if (data.diff) tr.appendChild(el('td', '', e[3]));
      tr.appendChild(el('td', '', peers[e[0]].name));
      tr.appendChild(el('td', '', peers[e[1]].name));
      tr.appendChild(el('td', '', e[2]));
      return tr;
    });
    tbody.replaceChildren.apply(tbody, rows);
    document.getElementById('edge-count').textContent = shown.length > MAX_ROWS
      ? 'showing ' + MAX_ROWS + ' of ' + shown.length + '; narrow them with the filter'
      : shown.length + ' of ' + data.edges.length;
  }

  // A node stays lit when its name matches, or when it is a namespace with a matching workload.
  function dimGraph(f) {
    var lit = {};
    peers.forEach(function (p) { if (f && matches(p.name, f)) lit[p.group] = true; });
    document.querySelectorAll('.graph g.node').forEach(function (g) {
      var title = g.querySelector('title');
      var name = title ? title.textContent : '';
      g.classList.toggle('dim', !!f && name !== '(legend)' && !matches(name, f) && !lit[name]);
    });
  }

  function draw() {
    var f = filterBox.value.trim().toLowerCase();
    drawMatrix(f);
    drawEdges(f);
    dimGraph(f);
  }

  document.getElementById('matrix').addEventListener('click', function (event) {
    var b = event.target.closest('button.toggle');
    if (!b) return;
    var g = b.getAttribute('data-group');
    expanded[g] = !expanded[g];
    draw();
  });
  filterBox.addEventListener('input', draw);
  draw();
  document.body.setAttribute('data-ready', 'true');
})();
`;
