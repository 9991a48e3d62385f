"""The HTML report (HTML 检查报告): an index of the documents checked, and a page per document with its
tables laid out as printed, every place a finding names marked, and the finding beside its table.

Pages stand alone: the style is written into each, nothing is fetched, no script is needed. A marked
cell carries the number of each finding that names it, linking to the finding; the finding links back
to each of its cells (and to its other tables). A finding that names a row but no column marks the
row's name; a column but no row, the column's heading; only the table, its title. Findings about the
text, the performance targets or the contents are listed after the tables.

>>> import cnbudget
>>> doc = cnbudget.example("urumqi-2024")
>>> page = document_page(source="example:urumqi-2024", disclosure=doc, report=cnbudget.validate(doc), problems=())
>>> page.startswith("<!DOCTYPE html>") and "一般公共预算支出情况表" in page and "<script" not in page
True
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from cnbudget import __version__
from cnbudget.model import TABLE_TITLES, BudgetDisclosure, UnreadTable
from cnbudget.readers import Problem
from cnbudget.render.grid import Cell, CellIndex, Grid, GridPart, grid
from cnbudget.render.style import STYLE
from cnbudget.render.words import Words
from cnbudget.validation import Finding, Report, Severity
from cnbudget.validation.context import figure

__all__ = ["IndexEntry", "document_page", "index_page"]

_SEVERITIES = ("error", "warning", "info")
_OTHER = "other"  # the section of findings that name no table laid out


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _page(title: str, header: str, body: str, words: Words) -> str:
    lang = "zh-CN" if words.lang == "zh" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="cnbudget {_e(__version__)}">\n'
            f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f'<header class="bar"><div class="inner">{header}</div></header>\n<main>\n{body}</main>\n'
            f'<footer>{_e(words["generated"])} {_e(__version__)}</footer>\n</body>\n</html>\n')


def _stat(count: int | str, label: str, kind: str = "") -> str:
    classes = " ".join(part for part in ("stat", kind, "zero" if kind and not count else "") if part)
    return f'<div class="{classes}"><span class="n">{count}</span><span class="w">{_e(label)}</span></div>'


def _sev(severity: str, words: Words) -> str:
    return f'<span class="sev {severity}">{_e(words.severity(severity))}</span>'


# --- a document's page ---------------------------------------------------------------------------

@attrs.define
class _Marks:
    """Which findings (by number, from 1) name which places of each table."""

    # The numbers of each cell in the order added, each once (a dict: a list looked through for each
    # number was quadratic where thousands of findings name one table as a whole).
    cells: dict[str, dict[Cell, dict[int, None]]] = attrs.field(factory=lambda: defaultdict(dict))
    places: dict[int, list[tuple[str, Cell]]] = attrs.field(factory=lambda: defaultdict(list))

    def add(self, number: int, key: str, cell: Cell) -> None:
        self.cells[key].setdefault(cell, {})[number] = None
        if (key, cell) not in self.places[number]:
            self.places[number].append((key, cell))

    def sections(self, number: int) -> list[str]:
        """The sections a finding appears in, in the order of its places."""
        return list(dict.fromkeys(key for key, _ in self.places[number])) or [_OTHER]


def _cell_id(key: str, cell: Cell) -> str:
    if cell == (None, None, None):
        return f"t-{key}"
    return "c-" + "-".join([key, *("x" if part is None else str(part) for part in cell)])


def _worst(numbers: Iterable[int], findings: Sequence[Finding]) -> str:
    return min((findings[n - 1].severity for n in numbers), key=lambda s: s.rank).value


def _refs(key: str, numbers: Iterable[int], findings: Sequence[Finding], words: Words) -> str:
    return "".join(
        f'<a class="ref {findings[n - 1].severity.value}" href="#f{n}-{key}" '
        f'title="{_e(findings[n - 1].rule)} {_e(words.title(findings[n - 1].rule))}">{n}</a>'
        for n in sorted(numbers)
    )


@attrs.frozen(kw_only=True)
class _Sheet:
    """What a table's layout needs to mark its places."""

    key: str
    marks: dict[Cell, dict[int, None]]
    findings: Sequence[Finding]
    words: Words

    def attributes(self, cell: Cell, classes: list[str]) -> tuple[str, str]:
        """The ``id``/``class`` attributes and the finding links of one place."""
        numbers = self.marks.get(cell)
        if not numbers:
            return (f' class="{" ".join(classes)}"' if classes else ""), ""
        classes = [*classes, "mark", _worst(numbers, self.findings)]
        return (f' id="{_cell_id(self.key, cell)}" class="{" ".join(classes)}"',
                _refs(self.key, numbers, self.findings, self.words))


def _name_column(part: GridPart) -> int:
    return next((i for i, column in enumerate(part.columns) if column.key == "name"), 0)


def _head_cells(sheet: _Sheet, p: int, part: GridPart) -> str:
    cells = []
    for c, column in enumerate(part.columns):
        attributes, refs = sheet.attributes((p, None, c), [])
        cells.append(f"<th{attributes}>{_e(column.label)}{refs}</th>")
    return "".join(cells)


def _row_cells(sheet: _Sheet, p: int, part: GridPart, r: int) -> str:
    row = part.rows[r]
    name_at = _name_column(part)
    cells = []
    for c, (column, text) in enumerate(zip(part.columns, row.cells, strict=True)):
        classes = ["n" if column.amount else f"k-{column.key}", f"r-{row.kind}"]
        if c == name_at and row.level > 1:
            classes.append(f"l{row.level}")
        attributes, refs = sheet.attributes((p, r, c), classes)
        if c == name_at and (p, r, None) in sheet.marks:  # the row as a whole: marked at its name
            attributes, refs = sheet.attributes((p, r, None), classes)
        cells.append(f"<td{attributes}>{_e(text)}{refs}</td>")
    return "".join(cells)


def _table_html(laid_out: Grid, sheet: _Sheet) -> str:
    parts = laid_out.parts
    if laid_out.side_by_side and len(parts) > 1:
        top = "".join(f'<th class="side" colspan="{len(part.columns)}">{_e(part.label)}</th>' for part in parts)
        heads = "".join(_head_cells(sheet, p, part) for p, part in enumerate(parts))
        body = []
        for r in range(max(len(part.rows) for part in parts)):
            cells = "".join(
                _row_cells(sheet, p, part, r) if r < len(part.rows) else "<td></td>" * len(part.columns)
                for p, part in enumerate(parts))
            body.append(f"<tr>{cells}</tr>")
        return (f'<table class="doc"><thead><tr>{top}</tr><tr>{heads}</tr></thead>'
                f'<tbody>{"".join(body)}</tbody></table>')
    tables = []
    for p, part in enumerate(parts):
        caption = f"<caption>{_e(part.label)}</caption>" if len(parts) > 1 else ""
        rows = "".join(f"<tr>{_row_cells(sheet, p, part, r)}</tr>" for r in range(len(part.rows)))
        tables.append(f'<table class="doc">{caption}<thead><tr>{_head_cells(sheet, p, part)}</tr></thead>'
                      f"<tbody>{rows}</tbody></table>")
    return "".join(tables)


def _place_name(grids: dict[str, Grid], key: str, cell: Cell, words: Words) -> str:
    """How a finding's link names its place: the row's name and the column's label."""
    laid_out = grids.get(key)
    p, r, c = cell
    if laid_out is None or p is None:
        return words["to_cell"]
    part = laid_out.parts[p]
    names = []
    if r is not None:
        names.append(part.rows[r].cells[_name_column(part)] or part.rows[r].cells[0])
    if c is not None:
        names.append(part.columns[c].label)
    return " · ".join(name for name in names if name) or words["to_cell"]


def _finding_card(number: int, finding: Finding, here: str, marks: _Marks, grids: dict[str, Grid],
                  titles: dict[str, str], words: Words) -> str:
    severity = finding.severity.value
    parts = [f'<div class="finding {severity}" id="f{number}-{here}">',
             f'<div class="head"><span class="no">{number}</span>{_sev(severity, words)}'
             f'<code class="rule">{_e(finding.rule)}</code><span>{_e(words.title(finding.rule))}</span></div>',
             f"<p>{_e(finding.message)}</p>"]
    if finding.expected is not None and finding.actual is not None and finding.expected != finding.actual:
        parts.append(f'<p class="figures">{_e(words["actual"])} {_e(figure(finding.actual))} · '
                     f'{_e(words["expected"])} {_e(figure(finding.expected))}</p>')
    links = []
    for key, cell in marks.places.get(number, []):
        if key == here and cell != (None, None, None):
            links.append(f'<a href="#{_cell_id(key, cell)}">→ {_e(_place_name(grids, key, cell, words))}</a>')
        elif key != here:
            links.append(f'<a href="#f{number}-{key}">→ {_e(titles.get(key, key))}</a>')
    positions = sorted({(loc.page, loc.line_number) for loc in finding.locations
                        if loc.line_number is not None or loc.page is not None}, key=lambda p: (p[0] or 0, p[1] or 0))
    if positions:
        page, line = positions[0]
        links.append(_e(words["page"].format(n=page) if page is not None else words["line"].format(n=line)))
    if links:
        parts.append(f'<p class="places">{"".join(dict.fromkeys(links))}</p>')
    if finding.related:
        items = "".join(f"<li>{_e(related)}</li>" for related in finding.related)
        parts.append(f"<details><summary>{_e(words['related'])} ({len(finding.related)})</summary>"
                     f"<ul>{items}</ul></details>")
    parts.append("</div>")
    return "".join(parts)


def _unit(disclosure: BudgetDisclosure, laid_out: Grid | None, words: Words) -> str:
    unit = laid_out.unit if laid_out is not None and laid_out.unit else disclosure.amount_unit.value
    return f'<span class="unit">{_e(words["unit"])}{_e(words.colon)}{_e(unit)}</span>'


def _counts_of(numbers: Iterable[int], findings: Sequence[Finding]) -> str:
    tally = {s: 0 for s in _SEVERITIES}
    for n in numbers:
        tally[findings[n - 1].severity.value] += 1
    return "".join(f'<span class="count {s}">●{tally[s]}</span>' for s in _SEVERITIES if tally[s])


def _sections(disclosure: BudgetDisclosure, report: Report) -> tuple[dict[str, Grid], dict[str, UnreadTable]]:
    grids = {key: grid(key, table) for key, table in disclosure.tables.present()}
    coverage = report.coverage
    unread = {table.key: table for table in (coverage.unread if coverage else ()) if table.key not in grids}
    return grids, unread


def document_page(*, source: str, disclosure: BudgetDisclosure, report: Report, problems: Sequence[Problem],
                  lang: str = "zh", back: str | None = None) -> str:
    """The page of one checked document (``back``: the index page to link to, if any)."""
    words = Words(lang)
    findings = report.findings
    grids, unread = _sections(disclosure, report)
    titles = {key: laid_out.title for key, laid_out in grids.items()}
    titles.update({key: table.title or TABLE_TITLES.get(key, key) for key, table in unread.items()})
    marks = _Marks()
    cells = {key: CellIndex(laid_out) for key, laid_out in grids.items()}
    for number, finding in enumerate(findings, 1):
        for location in finding.locations:
            if location.table in grids:
                marks.add(number, location.table, cells[location.table].of(location))
            elif location.table in unread:
                marks.add(number, location.table, (None, None, None))
    name = f"{disclosure.department} {disclosure.fiscal_year} {words['budget_of']}"
    if words.lang == "zh":
        name = f"{disclosure.department} {disclosure.fiscal_year} 年部门预算"
    header = (f'<a href="{_e(back)}">← {_e(words["back"])}</a>' if back else "")
    header += (f'<div class="kicker">{_e(words["report_title"])}</div><h1>{_e(name)}</h1>'
               f'<p class="source">{_e(source)}</p>')
    body = [_overview(disclosure, report, problems, words)]
    body.append(_contents(grids, unread, titles, marks, findings, words))
    if findings:
        body.append(_findings_list(findings, marks, titles, words))
    for key in [*grids, *unread]:
        body.append(_table_section(key, grids.get(key), unread.get(key), disclosure, marks, findings, grids,
                                   titles, words))
    others = [n for n in range(1, len(findings) + 1) if marks.sections(n) == [_OTHER]]
    if others:
        cards = "".join(_finding_card(n, findings[n - 1], _OTHER, marks, grids, titles, words) for n in others)
        body.append(f'<section class="tbl" id="{_OTHER}"><h2>{_e(words["findings_elsewhere"])}</h2>'
                    f'<aside class="findings">{cards}</aside></section>')
    if problems:
        body.append(_problems(problems, words))
    return _page(f"{name} · {words['report_title']}", header, "\n".join(body) + "\n", words)


def _overview(disclosure: BudgetDisclosure, report: Report, problems: Sequence[Problem], words: Words) -> str:
    counts = report.counts()
    coverage = report.coverage
    stats = [_stat(counts[Severity(s)], words[s + "s" if s != "info" else "infos"], s) for s in _SEVERITIES]
    if coverage is not None:
        stats.append(_stat(f"{len(coverage.read)}/{len(coverage.printed)}",
                           f"{words['tables']} {words['read']} / {words['printed']}"))
    stats.append(_stat(report.comparisons, words["comparisons"]))
    lines = [f'<div class="stats">{"".join(stats)}</div>']
    if coverage is not None and not coverage.complete:
        missing = [table.title or TABLE_TITLES.get(table.key, table.key) for table in coverage.unread]
        missing += [table.title for table in coverage.other]
        if missing:
            lines.append(f'<p class="meta">{_e(words["not_read_tables"])}{_e(words.colon)}'
                         f'{_e(words.list_comma.join(missing))}</p>')
        if coverage.tables_elsewhere:
            lines.append(f'<p class="meta">{_e(words["tables_elsewhere"])}{_e(words.colon)}'
                         f"{_e(coverage.tables_elsewhere)}</p>")
    if problems:
        lines.append(f'<p class="meta"><a href="#problems">{len(problems)} {_e(words["problems_below"])}</a></p>')
    lines.append(f'<p class="legend">{_e(words["legend"])}</p>')
    return f'<section class="card">{"".join(lines)}</section>'


def _contents(grids: dict[str, Grid], unread: dict[str, UnreadTable], titles: dict[str, str], marks: _Marks,
              findings: Sequence[Finding], words: Words) -> str:
    items = []
    for key in [*grids, *unread]:
        numbers = [n for n in range(1, len(findings) + 1) if key in marks.sections(n)]
        number = _number_beside(grids[key].number if key in grids else None, titles[key])
        label = f"{number} {titles[key]}" if number else titles[key]
        items.append(f'<li><a href="#t-{key}">{_e(label)}</a>{_counts_of(numbers, findings)}</li>')
    others = [n for n in range(1, len(findings) + 1) if marks.sections(n) == [_OTHER]]
    if others:
        items.append(f'<li><a href="#{_OTHER}">{_e(words["findings_elsewhere"])}</a>'
                     f"{_counts_of(others, findings)}</li>")
    return f'<nav class="card toc"><h2>{_e(words["contents"])}</h2><ol>{"".join(items)}</ol></nav>'


def _number_beside(number: str | None, title: str) -> str | None:
    """The table's number to print before its title, unless the title starts with it already
    (公开 01 表：收支预算总表)."""
    if not number or "".join(title.split()).startswith("".join(number.split())):
        return None
    return number


def _excerpt(text: str, length: int = 90) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _findings_list(findings: Sequence[Finding], marks: _Marks, titles: dict[str, str], words: Words) -> str:
    rows = []
    for number, finding in enumerate(findings, 1):
        first = marks.sections(number)[0]
        place = next((location.table for location in finding.locations if location.table), None)
        where = titles.get(first) or (words.place(place) if place else "")
        rows.append(f'<tr><td class="num"><a href="#f{number}-{first}">{number}</a></td>'
                    f"<td>{_sev(finding.severity.value, words)}</td>"
                    f'<td><code class="rule">{_e(finding.rule)}</code> {_e(words.title(finding.rule))}</td>'
                    f"<td>{_e(where)}</td><td>{_e(_excerpt(finding.message))}</td></tr>")
    head = (f'<tr><th class="num">#</th><th>{_e(words["severity"])}</th><th>{_e(words["rule"])}</th>'
            f'<th>{_e(words["place"])}</th><th>{_e(words["message"])}</th></tr>')
    return (f'<section class="card"><h2>{_e(words["findings"])} ({len(findings)})</h2>'
            f'<table class="list"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></section>')


def _table_section(key: str, laid_out: Grid | None, unread: UnreadTable | None, disclosure: BudgetDisclosure,
                   marks: _Marks, findings: Sequence[Finding], grids: dict[str, Grid], titles: dict[str, str],
                   words: Words) -> str:
    sheet = _Sheet(key=key, marks=marks.cells.get(key, {}), findings=findings, words=words)
    table_refs = _refs(key, sheet.marks.get((None, None, None), {}), findings, words)
    number = _number_beside(laid_out.number if laid_out is not None else None, titles[key])
    heading = (f'<h2>{f"<span class=number>{_e(number)}</span>" if number else ""}<span>{_e(titles[key])}</span>'
               f"{table_refs}{_unit(disclosure, laid_out, words)}</h2>")
    if laid_out is None:
        reason = unread.reason if unread is not None else ""
        sheet_html = f'<div class="unread">{_e(words["table_not_laid_out"])}{_e(words.colon)}{_e(reason)}</div>'
    else:
        notes = [*([laid_out.empty_statement] if laid_out.empty_statement else []), *laid_out.notes]
        notes_html = "".join(f'<p class="notes">{_e(note)}</p>' for note in notes)
        sheet_html = _table_html(laid_out, sheet) + notes_html
    numbers = [n for n in range(1, len(findings) + 1) if key in marks.sections(n)]
    cards = "".join(_finding_card(n, findings[n - 1], key, marks, grids, titles, words) for n in numbers)
    aside = f'<aside class="findings">{cards}</aside>' if cards else ""
    layout = "layout" if cards else "layout alone"
    return (f'<section class="tbl" id="t-{key}">{heading}<div class="{layout}"><div class="sheet">{sheet_html}</div>'
            f"{aside}</div></section>")


def _problems(problems: Sequence[Problem], words: Words) -> str:
    items = "".join(f'<p class="problem">{_e(problem.message)}'
                    f'{f" <code>{_e(problem.text[:120])}</code>" if problem.text else ""}'
                    f'{" · " + _e(_where(problem, words)) if _where(problem, words) else ""}</p>'
                    for problem in problems)
    return (f'<section class="card" id="problems"><h2>{_e(words["reading_problems"])} ({len(problems)})</h2>'
            f"{items}</section>")


def _where(problem: Problem, words: Words) -> str:
    places = []
    if problem.page is not None:
        places.append(words["page"].format(n=problem.page))
    if problem.line is not None:
        places.append(words["line"].format(n=problem.line))
    return " ".join(places)


# --- the index ------------------------------------------------------------------------------------

@attrs.frozen(kw_only=True)
class IndexEntry:
    """One document on the index: where it came from, what it is, what was found, and its page (none
    for a document that was not checked)."""

    source: str
    outcome: str
    outcome_word: str | None = None
    department: str | None = None
    fiscal_year: int | None = None
    tables_read: int | None = None
    tables_printed: int | None = None
    counts: dict[str, int] = attrs.field(factory=dict)
    error: str | None = None
    page: str | None = None


def index_page(entries: Sequence[IndexEntry], *, frequent: Sequence[tuple[str, int]] = (),
               skipped: Sequence[str] = (), lang: str = "zh") -> str:
    """The index: totals, a row per document linking to its page, the rules found most often."""
    words = Words(lang)
    totals = {s: sum(entry.counts.get(s, 0) for entry in entries) for s in _SEVERITIES}
    checked = sum(1 for entry in entries if entry.outcome == "checked")
    read = sum(entry.tables_read or 0 for entry in entries)
    printed = sum(entry.tables_printed or 0 for entry in entries)
    stats = [_stat(len(entries), words["documents"]), _stat(checked, words["checked"])]
    if checked < len(entries):
        stats.append(_stat(len(entries) - checked, words["not_read"], "error"))
    stats += [_stat(totals[s], words[s + "s" if s != "info" else "infos"], s) for s in _SEVERITIES]
    stats.append(_stat(f"{read}/{printed}", f"{words['tables']} {words['read']} / {words['printed']}"))
    head = "".join(f"<th{' class=num' if numeric else ''}>{_e(label)}</th>" for label, numeric in (
        ("#", True), (words["department"], False), (words["year"], True),
        (f"{words['tables']} {words['tables_read']}", True), (words["errors"], True), (words["warnings"], True),
        (words["infos"], True), (words["outcome"], False)))
    rows = [_index_row(number, entry, words) for number, entry in enumerate(entries, 1)]
    body = [f'<section class="card"><div class="stats">{"".join(stats)}</div></section>',
            f'<section class="card"><table class="list"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></section>']
    if frequent:
        items = "".join(f'<tr><td><code class="rule">{_e(rule)}</code></td><td>{_e(words.title(rule))}</td>'
                        f'<td class="num">{count}</td></tr>' for rule, count in frequent)
        body.append(f'<section class="card"><h2>{_e(words["frequent_rules"])}</h2><table class="list"><thead><tr>'
                    f'<th>{_e(words["rule"])}</th><th>{_e(words["title"])}</th><th class="num">{_e(words["count"])}'
                    f"</th></tr></thead><tbody>{items}</tbody></table></section>")
    if skipped:
        body.append(f'<section class="card"><p class="meta">{_e(words["skipped"])}{_e(words.colon)}{len(skipped)}</p>'
                    + "".join(f'<p class="problem"><code>{_e(path)}</code></p>' for path in skipped) + "</section>")
    header = f'<div class="kicker">cnbudget</div><h1>{_e(words["report_title"])}</h1>'
    return _page(words["report_title"], header, "\n".join(body) + "\n", words)


def _count_cell(count: int | None, severity: str) -> str:
    if count is None:
        return '<td class="num zero">–</td>'
    style = "zero" if not count else ("bad" if severity == "error" else "")
    return f'<td class="num {style}">{count}</td>'


def _index_row(number: int, entry: IndexEntry, words: Words) -> str:
    if entry.department:
        title = _e(entry.department)
        name = f'<a href="{_e(entry.page)}">{title}</a>' if entry.page else title
        name += f'<div class="path">{_e(entry.source)}</div>'
    else:
        name = f'<span class="path">{_e(entry.source)}</span>'
    if entry.error:
        name += f'<div class="path">{_e(entry.error)}</div>'
    checked = entry.outcome == "checked"
    tables = f"{entry.tables_read}/{entry.tables_printed}" if entry.tables_read is not None else "–"
    counts = "".join(_count_cell(entry.counts.get(s, 0) if checked else None, s) for s in _SEVERITIES)
    outcome = _e(entry.outcome_word or words[entry.outcome])
    outcome_cell = f"<td>{outcome}</td>" if checked else f'<td class="bad">{outcome}</td>'
    year = "" if entry.fiscal_year is None else str(entry.fiscal_year)
    return (f'<tr><td class="num">{number}</td><td>{name}</td><td class="num">{year}</td>'
            f'<td class="num">{tables}</td>{counts}{outcome_cell}</tr>')
