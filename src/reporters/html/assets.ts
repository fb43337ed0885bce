/** The HTML report's own style and its one script (the findings filter); the policy allows this script and no other. */

export const STYLE = `
:root{--ink:#1c1d21;--muted:#5b5f6b;--line:#d9dbe1;--paper:#fff;--tint:#f5f6f8;--high:#b42318;--medium:#8a5a00;--low:#175cd3;--ok:#067647;--bad:#b42318}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--tint)}
a{color:#1a4fb5}
a:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #1a4fb5;outline-offset:2px}
header.top{background:#1c1d21;color:#fff;padding:20px 24px}
header.top h1{margin:0;font-size:1.5rem}
header.top .meta{margin:4px 0 0;color:#d0d3da}
main{max-width:1100px;margin:0 auto;padding:16px}
section{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
h2{margin:0 0 8px;font-size:1.3rem}
h3{font-size:1.05rem;margin:16px 0 8px}
.meta{color:var(--muted);margin:0 0 4px}
.verdict{font-size:1.1rem;padding:10px 14px;border-radius:6px;border-left:6px solid}
.verdict.passed{background:#ecfdf3;border-color:var(--ok)}
.verdict.failed{background:#fef3f2;border-color:var(--bad)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:8px 0}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
td:nth-child(n+4){text-align:right}
.status{display:inline-block;padding:0 8px;border-radius:10px;font-size:.85rem;font-weight:600;border:1px solid currentColor}
.status.passed{color:var(--ok)}
.status.failed,.status.blocked,.status.error{color:var(--bad)}
.status.skipped{color:var(--muted)}
.sev{display:inline-block;min-width:4.5em;text-align:center;padding:0 6px;border-radius:4px;color:#fff;font-size:.8rem;font-weight:700;text-transform:uppercase}
.sev.high{background:var(--high)}
.sev.medium{background:var(--medium)}
.sev.low{background:var(--low)}
.changes.worse li{color:var(--bad)}
.changes.better li{color:var(--ok)}
.worst li{margin:4px 0}
details.more summary{cursor:pointer;color:#1a4fb5;margin:0 0 8px 20px}
.filters-form{display:flex;flex-wrap:wrap;gap:12px}
fieldset{border:1px solid var(--line);border-radius:6px;margin:0;padding:6px 12px}
fieldset label{margin-right:12px;white-space:nowrap}
select{font:inherit;padding:2px 4px}
.step{border-top:1px solid var(--line);padding-top:8px;margin-top:12px}
.step h3 .num{display:inline-block;min-width:1.8em;height:1.8em;line-height:1.8em;text-align:center;border-radius:50%;background:var(--tint);border:1px solid var(--line);font-size:.9rem;margin-right:4px}
.reason{color:var(--bad);overflow-wrap:anywhere}
.step-body{display:grid;grid-template-columns:minmax(0,320px) minmax(0,1fr);gap:20px;align-items:start}
.shot{margin:0}
.frame{position:relative;width:100%;border:1px solid var(--line);border-radius:4px;overflow:hidden;background:#fff}
.frame img{display:block;width:100%;height:auto}
.outline{position:absolute;border:3px solid var(--high);border-radius:3px;box-shadow:0 0 0 1px #fff}
.outline.medium{border-color:var(--medium)}
.outline.low{border-color:var(--low)}
.outline .tag{position:absolute;top:-3px;left:-3px;background:inherit;color:#fff;font-size:11px;font-weight:700;line-height:1;padding:2px 4px;border-radius:0 0 4px 0;background-color:var(--high)}
.outline.medium .tag{background-color:var(--medium)}
.outline.low .tag{background-color:var(--low)}
.tag-ref{font-size:.8rem;color:var(--muted)}
figcaption{font-size:.8rem;color:var(--muted);overflow-wrap:anywhere;margin-top:4px}
.effort p{margin:0 0 4px}
.chart{display:block;background:var(--tint);border-radius:3px}
.legend{list-style:none;padding:0;margin:4px 0 8px;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.85rem;color:var(--muted)}
.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px;vertical-align:baseline}
.op-mental{fill:#6941c6;background:#6941c6}.op-pointing{fill:#1570ef;background:#1570ef}.op-keystrokes{fill:#0e9384;background:#0e9384}
.op-keyboardSwitches{fill:#66c61c;background:#66c61c}.op-homing{fill:#98a2b3;background:#98a2b3}.op-scrolling{fill:#f79009;background:#f79009}
.op-reading{fill:#ee46bc;background:#ee46bc}.op-recovery{fill:#b42318;background:repeating-linear-gradient(45deg,#b42318 0 3px,#f97066 3px 6px)}
.deltas{list-style:none;padding:0;margin:6px 0}
.deltas li{padding:4px 8px;border-radius:4px;margin:2px 0}
.deltas .worse{background:#fef3f2}
.deltas .better{background:#ecfdf3}
.findings{list-style:none;padding:0;margin:8px 0}
.finding{border:1px solid var(--line);border-left:4px solid var(--high);border-radius:4px;padding:6px 10px;margin:8px 0}
.finding[data-severity=medium]{border-left-color:var(--medium)}
.finding[data-severity=low]{border-left-color:var(--low)}
.finding p{margin:2px 0;overflow-wrap:anywhere}
.finding dl{display:grid;grid-template-columns:auto 1fr;gap:0 10px;margin:4px 0 0;font-size:.9rem}
.finding dt{color:var(--muted)}
.finding dd{margin:0;overflow-wrap:anywhere}
.timing{color:var(--muted);font-size:.85rem}
.none{color:var(--muted)}
[hidden]{display:none !important}
@media (max-width:700px){.step-body{grid-template-columns:1fr}.shot{max-width:360px}main{padding:8px}section{padding:12px}}
@media print{details.more>summary{display:none}body{background:#fff}header.top{background:#fff;color:#000;border-bottom:2px solid #000}header.top .meta{color:#333}.filters{display:none}section{border:none;padding:0;margin:0 0 12px}.step{break-inside:avoid}.scenario{break-before:page}a{color:inherit;text-decoration:none}}
`;

export const FILTER_SCRIPT = `
(function () {
  // A printed report shows every list in full.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details.more'), function (d) { d.open = true; });
  });
  var form = document.getElementById('filters');
  if (!form) return;
  var count = document.getElementById('filter-count');
  function chosen(name) {
    var set = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name="' + name + '"]'), function (box) { if (box.checked) set[box.value] = true; });
    return set;
  }
  function apply() {
    var severity = chosen('severity');
    var area = chosen('area');
    var rule = form.elements.rule.value;
    var shown = 0;
    var items = document.querySelectorAll('.finding, .outline');
    var total = 0;
    Array.prototype.forEach.call(items, function (item) {
      var keep = severity[item.dataset.severity] && area[item.dataset.area] && (rule === '' || item.dataset.rule === rule);
      item.hidden = !keep;
      if (item.classList.contains('finding')) { total += 1; if (keep) shown += 1; }
    });
    count.textContent = shown === total ? 'Showing all ' + total + ' findings.' : 'Showing ' + shown + ' of ' + total + ' findings.';
  }
  form.addEventListener('change', apply);
})();
`;
