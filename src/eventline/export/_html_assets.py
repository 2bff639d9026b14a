"""The fixed stylesheet and script of the HTML export (no article text ever goes in here)."""

from __future__ import annotations

from typing import Final

__all__ = ["CSS", "SCRIPT"]

CSS: Final = """
:root{--ink:#0f172a;--muted:#475569;--line:#e2e8f0;--grid:#e2e8f0;--reference:#be123c;
--happened:#1d4ed8;--ongoing:#047857;--planned:#b45309;--hypothetical:#6d28d9;
--cols:9.5rem minmax(16rem,32rem) minmax(12rem,1fr)}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{color:var(--ink);background:#fff;
font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
body{margin:0 auto;max-width:84rem;padding:1.5rem 2rem 2rem}
h1{font-size:1.7rem;margin:0 0 .3rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:0 0 .2rem;line-height:1.3}
.summary,footer{color:var(--muted)}
footer{margin-top:2rem;font-size:.85rem;border-top:1px solid var(--line);padding-top:.5rem}
details>summary{cursor:pointer;color:#1e40af}
details.source>summary{font-size:.85rem}
.legend-list{list-style:none;padding:0;margin:.3rem 0}
.legend-list li{margin:.25rem 0}
.swatch.bar{position:relative;display:inline-block;width:2.5rem;vertical-align:middle;
margin-right:.4rem;top:0}
.badge{display:inline-block;padding:0 .45em;border:1px solid;border-radius:.35em;
font-size:.78rem;font-weight:600;line-height:1.5;white-space:nowrap}
.badge.status-happened{background:#dbeafe;color:#1e3a8a;border-color:#93c5fd}
.badge.status-ongoing{background:#d1fae5;color:#064e3b;border-color:#6ee7b7}
.badge.status-planned{background:#fef3c7;color:#78350f;border-color:#fcd34d}
.badge.status-hypothetical{background:#ede9fe;color:#4c1d95;border-color:#c4b5fd}
.badge.grain{background:#f1f5f9;color:#334155;border-color:#cbd5e1;font-weight:500}
.badge.reference{background:#fff1f2;color:#9f1239;border-color:#fda4af}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:.5rem 0}
.filters fieldset{border:1px solid var(--line);border-radius:.4rem;margin:0;padding:.2rem .6rem}
.filters legend{font-size:.85rem;color:var(--muted)}
.filters label{margin-right:.6rem;white-space:nowrap}
button{font:inherit;padding:.2rem .7rem;border:1px solid #94a3b8;border-radius:.4rem;
background:#f8fafc;color:var(--ink);cursor:pointer}
#shown-count{color:var(--muted);font-size:.9rem}
.chart{padding-right:3rem}
.axis,li.event{display:grid;grid-template-columns:var(--cols);gap:0 1.25rem}
.axis{position:sticky;top:0;background:#fff;z-index:1;border-bottom:2px solid #94a3b8;
padding-top:.3rem}
.axis-label{font-size:.8rem;font-weight:600;color:var(--muted);align-self:end;
padding-bottom:.2rem}
.scale{position:relative;height:2.7rem}
.tick{position:absolute;top:0;font-size:.75rem;color:var(--muted);white-space:nowrap;
border-left:1px solid #94a3b8;padding-left:3px}
.reference-mark{position:absolute;top:1.35rem;font-size:.75rem;font-weight:600;
color:#9f1239;white-space:nowrap;border-left:2px solid var(--reference);padding-left:3px}
.reference-mark.flip{transform:translateX(-100%);border-left:0;padding:0 3px 0 0;
border-right:2px solid var(--reference);margin-left:1px}
ol.events,ol.undated-list{list-style:none;margin:0;padding:0}
li.event{border-bottom:1px solid var(--line);padding:.55rem 0}
.when{font-size:.92rem;font-weight:600}
.when .badge{margin-top:.2rem}
.facts{margin:.1rem 0;font-size:.88rem;color:#334155}
.facts code{font-size:.85em;background:#f1f5f9;padding:0 .2em;border-radius:.2em}
.track{position:relative;min-height:2rem;cursor:pointer}
.bar{position:absolute;top:.35rem;height:1.1rem;min-width:10px;border-radius:3px}
.bar.status-happened{background:var(--happened)}
.bar.status-ongoing{background:var(--ongoing);border-right:4px solid #6ee7b7}
.bar.status-planned{border:1px solid var(--planned);
background:repeating-linear-gradient(135deg,var(--planned) 0 4px,#fde68a 4px 8px)}
.bar.status-hypothetical{background:#fff;border:2px dashed var(--hypothetical)}
.sentence{margin:.3rem 0 .2rem;padding:.3rem .7rem;border-left:3px solid #cbd5e1;
background:#f8fafc;white-space:pre-line}
mark.trigger{background:#fef08a;color:inherit;font-weight:700}
mark.time{background:#dbeafe;color:inherit;text-decoration:underline}
li.event.undated{display:block}
li.event.highlight{background:#fffbeb}
@media (max-width:760px){
body{padding:1rem}
.axis{display:none}
li.event{grid-template-columns:1fr}
.track{min-height:1.8rem;background-color:#f8fafc}
}
"""

# Progressive enhancement only: the page reads the same without it. The script marks the
# document with data-js="ready" and the number of events it read from the embedded JSON.
SCRIPT: Final = """
(function () {
  "use strict";
  var root = document.documentElement;
  var data = JSON.parse(document.getElementById("eventline-data").textContent);
  var rows = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var filters = document.getElementById("filters");
  function apply() {
    var shown = {};
    filters.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      shown[box.value] = box.checked;
    });
    var count = 0;
    rows.forEach(function (row) {
      if (row.classList.contains("undated")) { return; }
      row.hidden = shown[row.getAttribute("data-status")] === false;
      if (!row.hidden) { count += 1; }
    });
    document.getElementById("shown-count").textContent = count + " shown";
  }
  if (filters) {
    filters.hidden = false;
    filters.addEventListener("change", apply);
    var toggle = document.getElementById("toggle-sources");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-pressed") !== "true";
      document.querySelectorAll("details.source").forEach(function (d) { d.open = open; });
      toggle.setAttribute("aria-pressed", String(open));
      toggle.textContent = open ? "Hide all sentences" : "Show all sentences";
    });
    document.querySelectorAll(".track").forEach(function (track) {
      track.addEventListener("click", function () {
        var details = track.parentNode.querySelector("details.source");
        details.open = !details.open;
      });
    });
    apply();
  }
  root.setAttribute("data-events", String(data.events.length + data.undated.length));
  root.setAttribute("data-js", "ready");
})();
"""
