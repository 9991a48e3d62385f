"""The output formats of ``cnbudget check`` (输出格式), each written document by document as results
arrive, so that thousands of documents stream (shapes: :mod:`cnbudget.cli.results`).

* ``text``: per document a heading line ``==> FILE <==`` with its department, year, counts and what
  was read, then one line per finding, ``FILE:LINE: RULE severity [title] message`` (``FILE:p.PAGE``
  for a page of a PDF; the file alone where the place has no position), as linters print; the
  findings it accounts for follow on lines of their own, indented.
* ``json``: one JSON document ``{"documents": […], "totals": {…}}``.
* ``jsonl``: one document a line, then nothing else (totals are for ``json``).
* ``csv``: a header, then one row per finding (:data:`~cnbudget.cli.results.CSV_COLUMNS`).
* ``html``: a folder (:mod:`cnbudget.render.html`).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, TextIO

from cnbudget.cli.checking import CheckedDocument
from cnbudget.cli.output import OutputError
from cnbudget.cli.results import CSV_COLUMNS, Totals, csv_rows, document_dict, where
from cnbudget.cli.summary import coverage_line
from cnbudget.render.html import IndexEntry, document_page, index_page
from cnbudget.render.words import Words

__all__ = ["FORMATS", "CsvWriter", "HtmlWriter", "JsonLinesWriter", "JsonWriter", "TextWriter", "Writer", "open_output",
           "page_name"]

#: The formats ``--format`` takes.
FORMATS = ("text", "json", "jsonl", "csv", "html")


class Writer(Protocol):
    """Something results are written to, one document at a time."""

    def document(self, doc: CheckedDocument) -> None:
        """Write one document's result."""

    def finish(self, totals: Totals) -> None:
        """Write what comes after the last document."""


@contextmanager
def open_output(path: str | None, *, bom: bool = False) -> Iterator[TextIO]:
    """A text stream to the file ``path`` (UTF-8; with a byte-order mark for ``bom``, which Excel needs
    to read Chinese), or to standard output for ``None`` or ``-``."""
    if path is None or path == "-":
        if not bom:
            yield sys.stdout
            return
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a stream without bytes beneath: the mark as a character
            sys.stdout.write("\ufeff")
            yield sys.stdout
            return
        wrapper = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="", write_through=True)
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()  # standard output stays open
        return
    try:
        stream = Path(path).open("w", encoding="utf-8-sig" if bom else "utf-8", newline="")  # noqa: SIM115
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    with stream:
        yield stream


class TextWriter:
    """``text``: a heading line per document, then one line per finding."""

    def __init__(self, stream: TextIO, words: Words) -> None:
        self.stream = stream
        self.words = words

    def _heading(self, doc: CheckedDocument) -> str:
        words = self.words
        if doc.report is None:
            return f"==> {doc.source} <==  {words[doc.outcome]}{words.colon}{doc.error}"
        counts = doc.counts()
        if words.lang == "zh":
            tally = "，".join(f"{words[s]} {counts[s]} 条" for s in ("error", "warning", "info"))
            name = f"{doc.department} {doc.fiscal_year} 年部门预算"
        else:
            tally = ", ".join(f"{counts[s]} {words[plural]}" for s, plural in
                              (("error", "errors"), ("warning", "warnings"), ("info", "infos")))
            name = f"{doc.department} {doc.fiscal_year} {words['budget_of']}"
        if doc.accepted is not None:
            tally += f"{words.comma}{words['accepted']} {doc.accepted}" + (" 条" if words.lang == "zh" else "")
        return f"==> {doc.source} <==  {name}{words.colon}{tally}{words.semicolon}{coverage_line(doc, words)}"

    def document(self, doc: CheckedDocument) -> None:
        """The heading, the findings, and a note on what could not be read."""
        lines = [self._heading(doc)]
        for finding in doc.findings:
            lines.append(f"{where(doc, finding)}: {finding.rule} {finding.severity.value} "
                         f"[{self.words.title(finding.rule)}] {finding.message}")
            lines.extend(f"    {self.words['related']}: {related}" for related in finding.related)
        if doc.problems:
            lines.append(f"    （{len(doc.problems)} {self.words['problems_elsewhere']}）")
        self.stream.write("\n".join(lines) + "\n")

    def finish(self, totals: Totals) -> None:
        """Nothing follows the documents (the summary is printed by the command)."""


class JsonWriter:
    """``json``: ``{"documents": [...], "totals": {...}}``, written as the documents arrive."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0
        stream.write('{\n  "documents": [')

    def document(self, doc: CheckedDocument) -> None:
        """One more element of ``documents``."""
        text = json.dumps(document_dict(doc), ensure_ascii=False, indent=2)
        self.stream.write(("," if self.count else "") + "\n" + textwrap.indent(text, "    "))
        self.count += 1

    def finish(self, totals: Totals) -> None:
        """Close ``documents`` and add the totals."""
        text = json.dumps(totals.to_dict(), ensure_ascii=False, indent=2)
        self.stream.write(("\n  " if self.count else "") + '],\n  "totals": ' + textwrap.indent(text, "  ")[2:]
                          + "\n}\n")


class JsonLinesWriter:
    """``jsonl``: one document a line."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def document(self, doc: CheckedDocument) -> None:
        """The document as one line of JSON."""
        self.stream.write(json.dumps(document_dict(doc), ensure_ascii=False) + "\n")

    def finish(self, totals: Totals) -> None:
        """Nothing follows: every line is a document."""


class CsvWriter:
    """``csv``: one finding a row."""

    def __init__(self, stream: TextIO) -> None:
        self.writer = csv.writer(stream, lineterminator="\n")
        self.writer.writerow(CSV_COLUMNS)

    def document(self, doc: CheckedDocument) -> None:
        """The rows of one document."""
        self.writer.writerows(csv_rows(doc))

    def finish(self, totals: Totals) -> None:
        """Nothing follows the rows."""


def page_name(number: int, source: str) -> str:
    """The file name of a document's page: its number, then the last parts of its path.

    >>> page_name(7, "../shared/corpus/js-procuratorate-2017/tsv.txt")
    '0007-js-procuratorate-2017-tsv.html'
    """
    parts = [part for part in re.split(r"[\\/]", source) if part not in ("", ".", "..")][-2:]
    stem = re.sub(r"\.[A-Za-z0-9]{1,8}$", "", "-".join(parts))
    slug = re.sub(r"[^\w]+", "-", stem).strip("-")[:60]
    return f"{number:04d}-{slug or 'document'}.html"


class HtmlWriter:
    """``html``: a page per checked document in ``folder`` as it arrives, the index at the end."""

    def __init__(self, folder: str, lang: str, skipped: tuple[str, ...] = ()) -> None:
        self.folder = Path(folder)
        self.lang = lang
        self.words = Words(lang)
        self.skipped = skipped
        self.entries: list[IndexEntry] = []
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"cannot write the report to {folder}: {error.strerror or error}") from error

    def _write(self, name: str, text: str) -> None:
        try:
            (self.folder / name).write_text(text, encoding="utf-8")
        except OSError as error:
            raise OutputError(f"cannot write {self.folder / name}: {error.strerror or error}") from error

    def document(self, doc: CheckedDocument) -> None:
        """The document's page (where it was checked) and its entry on the index."""
        page = None
        coverage = doc.report.coverage if doc.report is not None else None
        if doc.report is not None and doc.disclosure is not None:
            page = page_name(len(self.entries) + 1, doc.source)
            self._write(page, document_page(source=doc.source, disclosure=doc.disclosure, report=doc.report,
                                            problems=doc.problems, lang=self.lang, back="index.html"))
        self.entries.append(IndexEntry(
            source=doc.source, outcome=doc.outcome, department=doc.department, fiscal_year=doc.fiscal_year,
            tables_read=len(coverage.read) if coverage is not None else None,
            tables_printed=len(coverage.printed) if coverage is not None else None,
            counts=doc.counts(), error=doc.error, page=page))

    def finish(self, totals: Totals) -> None:
        """The index of every document."""
        self._write("index.html", index_page(self.entries, frequent=totals.frequent_rules()[:15],
                                             skipped=self.skipped, lang=self.lang))

    @property
    def index(self) -> Path:
        """Where the index page is."""
        return self.folder / "index.html"
