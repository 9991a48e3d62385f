"""The look of the HTML report (报告样式): one style sheet, written into every page so that each page
stands alone (no network, no other file, no script).

Printed tables keep the look of the published ones (ruled cells, headings on grey, figures right-aligned
in even widths); the colours of findings are those of the severities: red 错误, amber 警告, blue 提示.
"""

from __future__ import annotations

__all__ = ["STYLE"]

STYLE = """
:root {
  --ink: #1d2733; --muted: #5f6b78; --rule: #c8d0d8; --line: #e3e8ed; --paper: #ffffff; --ground: #f4f5f7;
  --head: #eef1f4; --brand: #8c1d18; --brand-ink: #ffffff;
  --error: #b3261e; --error-bg: #fdeceb; --warning: #9a5b00; --warning-bg: #fff3dc;
  --info: #1f5fa8; --info-bg: #e6f0fb; --target: #ffd54a;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--ground); color: var(--ink); line-height: 1.55; font-size: 14px;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", Arial, sans-serif;
}
a { color: var(--info); }
header.bar { background: var(--brand); color: var(--brand-ink); padding: 18px 0 16px; }
header.bar .inner, main, footer { max-width: 1440px; margin: 0 auto; padding-left: 28px; padding-right: 28px; }
header.bar h1 { margin: 4px 0 2px; font-size: 22px; font-weight: 600; letter-spacing: .02em; }
header.bar .kicker { font-size: 12px; opacity: .85; letter-spacing: .08em; }
header.bar .source { margin: 2px 0 0; font-size: 12px; opacity: .85; word-break: break-all; }
header.bar a { color: var(--brand-ink); text-decoration: none; font-size: 13px; opacity: .9; }
header.bar a:hover { text-decoration: underline; }
main { padding-top: 22px; padding-bottom: 28px; }
footer { color: var(--muted); font-size: 12px; padding-bottom: 28px; }
h2 { font-size: 17px; margin: 0 0 12px; font-weight: 600; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px;
  margin-bottom: 20px; box-shadow: 0 1px 2px rgba(16, 24, 40, .04); }
.stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 12px; }
.stat { min-width: 112px; padding: 10px 16px; border-radius: 8px; background: var(--head); }
.stat .n { display: block; font-size: 26px; font-weight: 650; line-height: 1.15; font-variant-numeric: tabular-nums; }
.stat .w { font-size: 12px; color: var(--muted); }
.stat.error { background: var(--error-bg); } .stat.error .n { color: var(--error); }
.stat.warning { background: var(--warning-bg); } .stat.warning .n { color: var(--warning); }
.stat.info { background: var(--info-bg); } .stat.info .n { color: var(--info); }
.stat.zero .n { color: var(--muted); }
.meta { color: var(--muted); margin: 4px 0; }
.legend { color: var(--muted); font-size: 12px; margin: 8px 0 0; }
.sev { display: inline-block; min-width: 2.6em; text-align: center; font-size: 12px; font-weight: 600;
  border-radius: 10px; padding: 0 8px; }
.sev.error { background: var(--error-bg); color: var(--error); }
.sev.warning { background: var(--warning-bg); color: var(--warning); }
.sev.info { background: var(--info-bg); color: var(--info); }
code.rule { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px;
  color: var(--muted); }
nav.toc ol { margin: 0; padding-left: 20px; columns: 2 320px; }
nav.toc li { margin: 2px 0; break-inside: avoid; }
.count { font-size: 12px; margin-left: 6px; }
.count.error { color: var(--error); } .count.warning { color: var(--warning); } .count.info { color: var(--info); }
table.list { border-collapse: collapse; width: 100%; font-size: 13px; }
table.list th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--line);
  padding: 6px 8px; white-space: nowrap; }
table.list td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
table.list td.num, table.list th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.list tr:hover td { background: #fafbfc; }
table.list td.zero { color: #a3adb8; }
table.list td.bad { color: var(--error); font-weight: 650; }
table.list .path { color: var(--muted); font-size: 12px; word-break: break-all; }
section.tbl { margin-bottom: 26px; scroll-margin-top: 12px; }
section.tbl > h2 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; }
section.tbl > h2 .number { color: var(--muted); font-weight: 500; font-size: 14px; }
section.tbl > h2 .unit { margin-left: auto; color: var(--muted); font-weight: 400; font-size: 13px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 18px; align-items: start; }
.layout.alone { grid-template-columns: minmax(0, 1fr); }
.sheet { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px; }
table.doc { border-collapse: collapse; font-size: 13px; margin: 0 auto; }
table.doc th, table.doc td { border: 1px solid var(--rule); padding: 4px 8px; }
table.doc th { background: var(--head); font-weight: 600; text-align: center; vertical-align: middle;
  min-width: 4.5em; }
table.doc td.k-name, table.doc td.k-gov_name { min-width: 11em; }
table.doc td.k-project { min-width: 13em; }
table.doc td.k-agency, table.doc td.k-method { min-width: 8em; }
table.doc td.k-code, table.doc td.k-gov_code, table.doc td.k-agency_code { white-space: nowrap;
  font-variant-numeric: tabular-nums; }
table.doc th.side { background: #e4e8ec; }
table.doc td { background: var(--paper); }
table.doc td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.doc td.r-total, table.doc td.r-agency { font-weight: 650; background: #f7f8fa; }
table.doc td.r-category { font-weight: 600; }
table.doc td.l2 { padding-left: 1.6em; } table.doc td.l3 { padding-left: 3em; }
table.doc td.mark, table.doc th.mark { position: relative; }
table.doc .mark.error { background: var(--error-bg); box-shadow: inset 0 0 0 2px var(--error); }
table.doc .mark.warning { background: var(--warning-bg); box-shadow: inset 0 0 0 2px var(--warning); }
table.doc .mark.info { background: var(--info-bg); box-shadow: inset 0 0 0 2px var(--info); }
a.ref { display: inline-block; min-width: 1.5em; margin-left: 4px; padding: 0 4px; border-radius: 9px;
  font-size: 10px; line-height: 1.5; font-weight: 700; text-align: center; text-decoration: none;
  vertical-align: 2px; color: #fff; }
a.ref.error { background: var(--error); } a.ref.warning { background: var(--warning); }
a.ref.info { background: var(--info); }
table.doc caption { text-align: left; font-weight: 600; padding: 4px 0 6px; }
table.doc + table.doc { margin-top: 18px; }
.notes { color: var(--muted); font-size: 12px; margin: 10px 0 0; }
.unread { padding: 16px; color: var(--error); background: var(--error-bg); border-radius: 6px; }
aside.findings { display: flex; flex-direction: column; gap: 10px; }
.finding { background: var(--paper); border: 1px solid var(--line); border-left: 4px solid var(--info);
  border-radius: 6px; padding: 10px 12px; font-size: 13px; scroll-margin-top: 12px; }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); }
.finding .head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; font-weight: 600; }
.finding .no { color: var(--muted); font-variant-numeric: tabular-nums; }
.finding p { margin: 6px 0 0; }
.finding .figures { color: var(--muted); font-variant-numeric: tabular-nums; }
.finding .places a { margin-right: 8px; white-space: nowrap; }
.finding details { margin-top: 6px; color: var(--muted); }
.finding details li { margin: 3px 0; }
:target { animation: flash 2.4s ease-out 1; }
.finding:target { box-shadow: 0 0 0 3px var(--target); }
table.doc :target { outline: 3px solid var(--target); outline-offset: -1px; }
@keyframes flash { from { background-color: var(--target); } }
.problem { font-size: 12px; margin: 4px 0; }
.problem code { color: var(--muted); word-break: break-all; }
@media (max-width: 1100px) { .layout { grid-template-columns: minmax(0, 1fr); } }
@media print {
  body { background: #fff; font-size: 11px; }
  header.bar { background: none; color: var(--ink); border-bottom: 2px solid var(--ink); }
  header.bar a { display: none; }
  .card, .sheet, .finding { box-shadow: none; border-color: #bbb; break-inside: avoid; }
  .layout { display: block; }
  a { color: inherit; text-decoration: none; }
  section.tbl { break-inside: avoid-page; }
}
"""
