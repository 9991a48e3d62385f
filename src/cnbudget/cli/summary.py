"""The summary printed at the end of a run (汇总表): a line per document, then the totals and the
rules found most often.

Columns are aligned by display width, a Chinese character counting as two.

>>> print(align([["部门", "年度"], ["示例局", "2024"]]))
部门    年度
示例局  2024
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from cnbudget.cli.checking import CheckedDocument
from cnbudget.cli.results import Totals, cell_text
from cnbudget.render.words import Words

__all__ = ["align", "coverage_line", "display_width", "summary_table"]

_SOURCE_WIDTH = 48
_DEPARTMENT_WIDTH = 36
_FREQUENT = 10


def display_width(text: str) -> int:
    """How many columns ``text`` takes on a terminal: wide (Chinese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _shortened(text: str, width: int, *, keep_end: bool) -> str:
    """``text`` cut to ``width`` columns with an ellipsis, keeping its end (a path) or its start."""
    if display_width(text) <= width:
        return text
    chars = list(reversed(text)) if keep_end else list(text)
    kept: list[str] = []
    for char in chars:
        if display_width("".join(kept)) + display_width(char) > width - 1:
            break
        kept.append(char)
    return "…" + "".join(reversed(kept)) if keep_end else "".join(kept) + "…"


def align(rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()) -> str:
    """Rows of cells as text columns two spaces apart; the columns numbered in ``right`` are
    aligned right (figures)."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for index, (cell, width) in enumerate(zip(row, widths, strict=True)):
            pad = " " * (width - display_width(cell))
            cells.append(pad + cell if index in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def coverage_line(doc: CheckedDocument, words: Words) -> str:
    """One line on what a document's check covered: tables read / printed, and those not read."""
    coverage = doc.report.coverage if doc.report is not None else None
    if coverage is None:
        return ""
    parts = [f"{words['tables']} {words['read']} {len(coverage.read)} / {words['printed']} {len(coverage.printed)}"]
    if coverage.unread:
        parts.append(words["not_read_tables"] + words.colon
                     + words.list_comma.join(table.title or table.key for table in coverage.unread))
    if coverage.other:
        parts.append(words["other_tables"] + words.colon
                     + words.list_comma.join(table.title for table in coverage.other))
    if coverage.tables_elsewhere is not None:
        parts.append(f"{words['tables_elsewhere']}（{coverage.tables_elsewhere}）")
    return words.semicolon.join(parts)


def _tables(doc: CheckedDocument) -> str:
    coverage = doc.report.coverage if doc.report is not None else None
    return f"{len(coverage.read)}/{len(coverage.printed)}" if coverage is not None else "-"


def summary_table(documents: Sequence[CheckedDocument], totals: Totals, words: Words,
                  skipped: Sequence[str] = ()) -> str:
    """The summary of a run: a line per document, the totals, the most frequent rules."""
    head = [words["source"], words["department"], words["year"], f"{words['tables']} {words['tables_read']}",
            words["errors"], words["warnings"], words["infos"], words["outcome"]]
    rows = [head]
    for doc in documents:
        counts = doc.counts()
        checked = doc.report is not None
        rows.append([
            _shortened(doc.source, _SOURCE_WIDTH, keep_end=True),
            _shortened(doc.department or "", _DEPARTMENT_WIDTH, keep_end=False),
            cell_text(doc.fiscal_year), _tables(doc),
            *(str(counts[severity]) if checked else "-" for severity in ("error", "warning", "info")),
            words[doc.outcome],
        ])
    rows.append([
        words["totals"], f"{totals.documents} {words['documents']}", "",
        f"{totals.tables_read}/{totals.tables_printed}",
        *(str(totals.counts[severity]) for severity in ("error", "warning", "info")),
        words.comma.join(f"{words[outcome]} {count}" for outcome, count in totals.outcomes.items() if count),
    ])
    lines = [align(rows, right=(2, 3, 4, 5, 6))]
    frequent = totals.frequent_rules()[:_FREQUENT]
    if frequent:
        lines.append(words["frequent_rules"] + words.colon)
        lines.append(align([[f"  {rule}", str(count), words.title(rule)] for rule, count in frequent], right=(1,)))
    if totals.accepted is not None:
        lines.append(f"{words['accepted']}{words.colon}{totals.accepted}")
    if skipped:
        lines.append(f"{words['skipped']}{words.colon}{len(skipped)} ({_kinds(skipped)})")
    return "\n".join(lines) + "\n"


def _kinds(paths: Sequence[str]) -> str:
    """The kinds of the files passed over, by their endings: ``.docx 3, .xls 1``."""
    counts: dict[str, int] = {}
    for path in paths:
        name = path.rsplit("/", 1)[-1]
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else "(none)"
        counts[suffix] = counts.get(suffix, 0) + 1
    return ", ".join(f"{suffix} {count}" for suffix, count in sorted(counts.items(), key=lambda p: (-p[1], p[0])))
