"""Tables read from flat text (无栏目文本的表格): plain ``pdftotext`` output, where a table's columns
are lost and its cells run together or onto lines of their own.

What flat text keeps is the order of things: the lines of a table from the top down, and on each
line its cells from left to right (or, on pages ``pdftotext`` read from right to left, from right to
left). What it loses is where a cell stood: a blank cell leaves no trace, so ``0.92 0.92`` under
合计 | 基本支出 | 项目支出 is 合计 and one of the two others. The modules here rebuild a table only
where its figures can be placed with certainty, and report the rest:

* :mod:`~cnbudget.readers.flat.figures` — figures run together split by their decimals;
* :mod:`~cnbudget.readers.flat.runs` — a line as runs of text, figures and numbers;
* :mod:`~cnbudget.readers.flat.codes` — codes by their length, direction and the catalogue;
* :mod:`~cnbudget.readers.flat.rows` — the rows of a one-sided table, in either direction;
* :mod:`~cnbudget.readers.flat.headings` — which layout and which table the headings name;
* :mod:`~cnbudget.readers.flat.placing` — the one placement the table's identities leave, or none;
* :mod:`~cnbudget.readers.flat.one_sided`, :mod:`~cnbudget.readers.flat.two_sided` — tables by
  code and the two-sided 收支总表, rebuilt as TAB-separated lines for the table readers;
* :mod:`~cnbudget.readers.flat.rebuild` — which lines are each title's table (a body printed before
  its title), and every table of a document rebuilt or refused.
"""
