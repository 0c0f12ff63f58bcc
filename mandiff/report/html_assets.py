"""The look and behaviour of the HTML report: its inline style sheet and script.

Kept apart from :mod:`mandiff.report.html`, which builds the structure, so each
reads on its own. Both are constants: the report must not fetch anything (no
fonts, no scripts), and the same diff must always give the same bytes.

Every selector sits under ``.mandiff`` so that the fragment shown in Jupyter
does not restyle the notebook around it.
"""

from __future__ import annotations

__all__ = ["SCRIPT", "STYLE"]

STYLE = """
.mandiff {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --wash: #f6f8fa;
  --add: #1a7f37; --add-bg: #dafbe1; --del: #cf222e; --del-bg: #ffebe9;
  --chg: #9a6700; --chg-bg: #fff8c5; --tag: #0550ae; --tag-bg: #ddf4ff;
  color: var(--ink); background: var(--paper);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", sans-serif;
  font-size: 15px; line-height: 1.6; max-width: 1400px; margin: 0 auto; padding: 1rem 1.5rem 3rem;
}
/* Chinese reads better with CJK glyphs first (no Japanese variants) and more air between lines. */
.mandiff:lang(zh) {
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", system-ui, sans-serif;
  line-height: 1.8;
}
/* Authors' display rules beat the browser's own [hidden]; the filters rely on it. */
.mandiff [hidden] { display: none !important; }
.mandiff h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
.mandiff h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
.mandiff .subtitle, .mandiff .note { color: var(--muted); margin: 0 0 .5rem; }
.mandiff a { color: var(--tag); text-decoration: none; }
.mandiff a:hover { text-decoration: underline; }
.mandiff .overview { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.mandiff table { border-collapse: collapse; font-size: .9rem; }
.mandiff th, .mandiff td {
  border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top;
}
.mandiff thead th { background: var(--wash); }
.mandiff td.n { text-align: right; font-variant-numeric: tabular-nums; }
.mandiff tr.zero td { color: #9aa4af; }
.mandiff .counts th[scope=row] { font-weight: normal; }
.mandiff .meta tr.moved td:last-child { background: var(--chg-bg); font-weight: 600; }
.mandiff .layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 1.5rem; margin-top: 1rem; }
.mandiff .sidebar {
  position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; font-size: .9rem;
}
.mandiff .sidebar h2 { font-size: 1rem; margin-top: .5rem; }
.mandiff nav ol { list-style: none; margin: 0; padding: 0; }
.mandiff nav li { margin: .15rem 0; }
.mandiff nav .count { color: var(--muted); }
.mandiff .filters fieldset {
  border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .5rem; padding: .3rem .6rem .5rem;
}
.mandiff .filters .note { font-size: .8rem; }
.mandiff .filters legend { color: var(--muted); padding: 0 .3rem; }
.mandiff .filters label { display: block; cursor: pointer; }
.mandiff .filters button { font: inherit; padding: .1rem .7rem; cursor: pointer; }
.mandiff .group > h2 { margin-top: .5rem; }
.mandiff .change {
  display: block; border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px;
  margin: 0 0 .8rem; padding: .4rem .8rem .6rem; background: var(--paper); scroll-margin-top: .5rem;
}
.mandiff .change:target { box-shadow: 0 0 0 3px var(--tag-bg); }
.mandiff .change.status-changed { border-left-color: #d4a72c; }
.mandiff .change.status-added { border-left-color: var(--add); }
.mandiff .change.status-removed { border-left-color: var(--del); }
.mandiff .kind-subparagraph, .mandiff .kind-item { margin-left: 1.5rem; }
.mandiff .head { display: flex; flex-wrap: wrap; gap: .3rem; align-items: baseline; }
.mandiff .ids { font-weight: 700; font-variant-numeric: tabular-nums; margin-right: .3rem; }
.mandiff .similarity { margin-left: auto; color: var(--muted); font-size: .8rem; }
.mandiff .badge {
  display: inline-block; border-radius: 1em; padding: 0 .55em; font-size: .78rem; line-height: 1.5;
  background: var(--wash); border: 1px solid var(--line); white-space: nowrap;
}
.mandiff .badge.status-changed { background: var(--chg-bg); color: var(--chg); border-color: #eac54f; }
.mandiff .badge.status-added { background: var(--add-bg); color: var(--add); border-color: #aceebb; }
.mandiff .badge.status-removed { background: var(--del-bg); color: var(--del); border-color: #ffcecb; }
.mandiff .badge.tag { background: var(--tag-bg); color: var(--tag); border-color: #b6e3ff; }
.mandiff .badge.lead, .mandiff .badge.clause { background: #fbefff; color: #8250df; border-color: #e8d5ff; }
.mandiff .badge.up { background: var(--add-bg); color: var(--add); border-color: #aceebb; }
.mandiff .badge.down { background: var(--del-bg); color: var(--del); border-color: #ffcecb; }
.mandiff .clauses, .mandiff .facts, .mandiff .related { margin: .3rem 0 0; font-size: .85rem; }
.mandiff .facts { list-style: none; padding: 0; }
.mandiff .facts .was { color: var(--del); text-decoration: line-through; }
.mandiff .facts .now { color: var(--add); font-weight: 600; }
.mandiff .fact-kind { color: var(--muted); margin-right: .3rem; }
.mandiff .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin-top: .4rem; }
.mandiff .side .where { color: var(--muted); font-size: .78rem; }
.mandiff .sides p { margin: .1rem 0 0; overflow-wrap: anywhere; }
.mandiff .sides.same { row-gap: 0; }
.mandiff .sides .both { grid-column: 1 / -1; }
.mandiff .side.absent p { color: var(--muted); font-style: italic; }
.mandiff .status-unchanged .sides p { color: var(--muted); }
.mandiff del { background: var(--del-bg); color: #82071e; text-decoration: line-through; }
.mandiff ins { background: var(--add-bg); color: #116329; text-decoration: none; }
.mandiff .empty { color: var(--muted); font-style: italic; }
@media (max-width: 800px) {
  .mandiff .layout, .mandiff .sides { grid-template-columns: 1fr; }
  .mandiff .sidebar { position: static; max-height: none; }
}
/* Paper shows every change whatever the filters say, and has no use for controls. */
@media print {
  .mandiff { max-width: none; padding: 0; font-size: 10.5pt; }
  .mandiff .sidebar, .mandiff .filters { display: none !important; }
  .mandiff .layout { display: block; }
  .mandiff .group[hidden], .mandiff .change[hidden] { display: block !important; }
  .mandiff .change { break-inside: avoid; }
  .mandiff del, .mandiff ins, .mandiff .badge, .mandiff .meta tr.moved td {
    print-color-adjust: exact; -webkit-print-color-adjust: exact;
  }
}
"""
"""The report's style sheet; the HTML renderer inlines it."""

SCRIPT = """
(function () {
  // Without a script the filters stay hidden and every change shows: the page works without it.
  var script = document.currentScript;
  var root = script && script.closest(".mandiff");
  var form = root && root.querySelector("form.filters");
  if (!form) { return; }
  var items = root.querySelectorAll(".change");
  var groups = root.querySelectorAll(".group");
  var shown = form.querySelector(".shown");
  function apply() {
    var on = [];
    form.querySelectorAll("input:checked").forEach(function (box) { on.push(box.value); });
    var count = 0;
    items.forEach(function (item) {
      var kinds = item.getAttribute("data-kinds").split(" ");
      // Like --only: a change shows when its status or any of its tags is ticked; none ticked shows all.
      var show = on.length === 0 || kinds.some(function (kind) { return on.indexOf(kind) >= 0; });
      item.hidden = !show;
      if (show) { count += 1; }
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector(".change:not([hidden])"); });
    shown.textContent = "Showing " + count + " of " + items.length;
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector("button").addEventListener("click", function () {
    form.querySelectorAll("input").forEach(function (box) { box.checked = false; });
    apply();
  });
  form.hidden = false;
  apply();
})();
"""
"""The filters' behaviour; the HTML renderer inlines it after the report it controls."""
