"""The documents a command is given (输入的文件): files, folders searched through, ``-`` for standard
input, bundled examples, and files read together as one document.

A folder stands for every file under it, at any depth, of a kind the reader reads
(:data:`READABLE_SUFFIXES`: text, TAB-separated text, Markdown, model JSON, PDF), in path order;
hidden files and folders are passed over, and the files of other kinds are counted so that a run can
say what it did not look at. A file named on the command line is read whatever its name; a file found
in a folder that turns out to hold no disclosure at all (a README, a note) is passed over and said so,
not an error. A path that does not exist stays a source: reading it fails with an error naming it, as
for any file that cannot be read.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("b/二.txt", "a/一.pdf", "a/说明.docx", ".hidden/三.txt", "c/四.TSV"):
...     (folder / name).parent.mkdir(parents=True, exist_ok=True)
...     _ = (folder / name).write_text("…", encoding="utf-8")
>>> found = find_sources([str(folder)])
>>> [pathlib.Path(source.name).relative_to(folder).as_posix() for source in found.documents]
['a/一.pdf', 'b/二.txt', 'c/四.TSV']
>>> [pathlib.Path(name).name for name in found.skipped]
['说明.docx']
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import attrs

from cnbudget.errors import ReadError

__all__ = ["EXAMPLE_PREFIX", "READABLE_SUFFIXES", "STDIN", "Source", "Sources", "find_sources"]

#: The kinds of file a folder is searched for (name endings, lower case): ``.tsv`` is how a table
#: extraction's TAB-separated text is often saved.
READABLE_SUFFIXES = (".txt", ".text", ".tsv", ".md", ".markdown", ".json", ".pdf")

#: How standard input is named in reports.
STDIN = "<stdin>"

#: How a bundled example is named in reports: ``example:NAME``.
EXAMPLE_PREFIX = "example:"


@attrs.frozen(kw_only=True)
class Source:
    """One document to read: a path, the bytes of standard input, a bundled example, or several files
    read together (the text and its tables published apart)."""

    name: str  # as reports name it: the path, <stdin>, example:NAME, or the parts joined by " + "
    data: bytes | None = attrs.field(default=None, repr=False)  # standard input, read once
    example: str | None = None  # the name of a bundled example
    parts: tuple[str, ...] = ()  # files read together as one document
    in_folder: bool = False  # found by searching a folder, rather than named


@attrs.frozen(kw_only=True)
class Sources:
    """The documents found, in order, and the files in folders that are of no kind the reader reads."""

    documents: tuple[Source, ...]
    skipped: tuple[str, ...] = ()


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path) -> Iterator[tuple[Path, bool]]:
    """Every file under ``folder`` in path order, with whether it is of a kind the reader reads."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not _hidden(name))
        for name in sorted(files):
            if not _hidden(name):
                path = Path(root) / name
                yield path, path.suffix.lower() in READABLE_SUFFIXES


def find_sources(names: Sequence[str], *, examples: Sequence[str] = (), stdin: BinaryIO | None = None) -> Sources:
    """The documents ``names`` stand for (files, folders, ``-``), after the bundled ``examples``.

    ``-`` reads standard input (``stdin``, or the process's) once; naming it twice is an error."""
    documents = [Source(name=f"{EXAMPLE_PREFIX}{name}", example=name) for name in examples]
    skipped: list[str] = []
    read_stdin = False
    for name in names:
        if name == "-":
            if read_stdin:
                raise ReadError("standard input (-) can be read only once")
            read_stdin = True
            documents.append(Source(name=STDIN, data=_read_all(stdin)))
        elif Path(name).is_dir():
            for path, readable in _walk(Path(name)):
                if readable:
                    documents.append(Source(name=str(path), in_folder=True))
                else:
                    skipped.append(str(path))
        else:
            documents.append(Source(name=name))
    return Sources(documents=tuple(documents), skipped=tuple(skipped))


def _read_all(stdin: BinaryIO | None) -> bytes:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        return stream.read()
    except OSError as error:
        raise ReadError(f"cannot read standard input: {error.strerror or error}") from error
