"""``read_file`` and ``read_files``: a disclosure from its file (读取文件) — the one place that tells
what kind of file a document is.

:func:`kind_of` tells a file's kind (:class:`FileKind`) from its first bytes, then its name: a PDF
starts with ``%PDF-``; model JSON starts with ``{`` (published text never does); failing both, the
name decides (``.pdf``, ``.json``: a file so named that is not what it says is refused by its reader,
saying why); anything else is published text, in any encoding
(:func:`~cnbudget.readers.text.decoding.decode`) and any form
(:mod:`~cnbudget.readers.text.forms`: TAB-separated, Markdown, layout, flat).

Model JSON is told apart here but not read here: it is a disclosure already read, in the library's
own form, loaded with :func:`cnbudget.from_json` (serialisation, a layer the readers do not import);
what can be wrong in it is a :class:`~cnbudget.errors.DataError` naming a path in the data, not a
problem of reading a published document. :func:`read_file` refuses it naming ``from_json``; the
command line asks :func:`kind_of_file` and loads JSON itself.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePath

import attrs

from cnbudget.decimals import in_own_context, shown
from cnbudget.errors import ReadError, WrongArgumentType
from cnbudget.labelled import LabelledEnum, labelled
from cnbudget.readers.pdf import pdf_lines, read_pdf
from cnbudget.readers.pdf.read import PDF_MAGIC
from cnbudget.readers.read import read_lines
from cnbudget.readers.result import Problem, ReadResult
from cnbudget.readers.text.decoding import decode
from cnbudget.readers.text.forms import text_lines
from cnbudget.readers.text.source import SourceLine

__all__ = ["FileKind", "file_bytes", "kind_of", "kind_of_file", "load_text", "read_bytes", "read_file",
           "read_files"]

#: The largest text file read: a disclosure is far smaller.
MAX_TEXT_BYTES = 50_000_000

#: How much of a file's beginning tells its kind.
_HEAD_BYTES = 1024


class FileKind(LabelledEnum):
    """What a file holds (文件种类): published text in any encoding and form, the published PDF, or
    model JSON (a disclosure already read, as ``to_json`` writes it)."""

    TEXT = labelled("text", "文本")
    PDF = labelled("pdf", "PDF 原件")
    MODEL_JSON = labelled("model_json", "模型 JSON")


def kind_of(head: bytes, name: str = "") -> FileKind:
    """The kind of the file whose first bytes (or all of them) are ``head`` and whose name is ``name``.

    >>> kind_of(b"%PDF-1.7\\n", "download.bin"), kind_of(b'\\n {"department": ', "")
    (<FileKind.PDF: 'pdf'>, <FileKind.MODEL_JSON: 'model_json'>)
    >>> kind_of("部门预算".encode(), "部门预算.txt"), kind_of(b"", "a.PDF")
    (<FileKind.TEXT: 'text'>, <FileKind.PDF: 'pdf'>)
    """
    head = head[:_HEAD_BYTES]
    if head.startswith(PDF_MAGIC):
        return FileKind.PDF
    if head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"{":
        return FileKind.MODEL_JSON
    suffix = PurePath(name).suffix.lower()
    return {".pdf": FileKind.PDF, ".json": FileKind.MODEL_JSON}.get(suffix, FileKind.TEXT)


def _as_path(path: object, function: str) -> Path:
    if isinstance(path, (bytes, bytearray, memoryview)):
        raise WrongArgumentType(f"{function} takes a path (str or os.PathLike), not {type(path).__name__}; "
                                "read_text reads text, decoded")
    if not isinstance(path, (str, os.PathLike)):
        raise WrongArgumentType(f"{function} takes a path (str or os.PathLike), not {type(path).__name__}")
    return Path(path)


def _cannot_read(path: Path, error: OSError | ValueError) -> ReadError:
    if isinstance(error, ValueError):  # a NUL or a lone surrogate: no file can have that name
        return ReadError(f"cannot read {shown(str(path))}: not a possible file name ({error})")
    if path.is_dir():
        return ReadError(f"cannot read {path}: it is a folder, not a file")
    hint = "; read_text reads the text itself" if "\n" in str(path) else ""
    return ReadError(f"cannot read {path}: {error.strerror or error}{hint}")


def kind_of_file(path: str | os.PathLike[str]) -> FileKind:
    """The kind of the file at ``path`` (see :func:`kind_of`); a :class:`~cnbudget.errors.ReadError`
    naming it where it cannot be read (missing, a folder, no permission)."""
    path = _as_path(path, "kind_of_file")
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES)
    except (OSError, ValueError) as error:
        raise _cannot_read(path, error) from error
    return kind_of(head, path.name)


def file_bytes(path: str | os.PathLike[str], *, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of the file at ``path``, at most ``limit`` of them; a ReadError naming it otherwise."""
    path = _as_path(path, "file_bytes")
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)
    except (OSError, ValueError) as error:
        raise _cannot_read(path, error) from error
    if len(data) > limit:
        raise ReadError(f"{path} is more than {limit} bytes; a disclosure is far smaller")
    return data


def load_text(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """The text of the file at ``path``, its encoding detected unless given (see
    :func:`~cnbudget.readers.text.decoding.decode`)."""
    return decode(file_bytes(path), encoding=encoding, name=str(path))


def _refuse_json(name: str) -> ReadError:
    return ReadError(f"{name} is model JSON, a disclosure already read: load it with cnbudget.from_json")


@in_own_context
def read_file(path: str | os.PathLike[str], *, encoding: str | None = None) -> ReadResult:
    """Read a published disclosure from its file: published text in any encoding and form (a text
    file's encoding is detected — UTF-8, GB18030/GBK, UTF-16 — unless ``encoding`` names it), or the
    published PDF, told by its first bytes whatever its name (read as
    :func:`~cnbudget.readers.pdf.read_pdf` reads it; needs the ``pdf`` extra). Model JSON is loaded
    with :func:`cnbudget.from_json`, not read here (see the module text).

    A file that cannot be read — missing, a folder, binary, in no encoding a Chinese document is
    saved in — raises :class:`~cnbudget.errors.ReadError` naming it.

    >>> try:
    ...     read_file("不存在.txt")
    ... except ReadError as error:
    ...     print(error)
    cannot read 不存在.txt: No such file or directory
    """
    lines, problems = _file_lines(_as_path(path, "read_file"), encoding)
    result = read_lines(lines)
    return attrs.evolve(result, problems=(*problems, *result.problems)) if problems else result


@in_own_context
def read_bytes(data: bytes, *, name: str, encoding: str | None = None) -> ReadResult:
    """Read a published disclosure from the bytes of a file that is not on disk (standard input),
    called ``name`` in messages; its kind and encoding are told as :func:`read_file` tells them."""
    kind = kind_of(data, name)
    if kind is FileKind.MODEL_JSON:
        raise _refuse_json(name)
    if kind is FileKind.PDF:  # the PDF reader reads files: the bytes go through one
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "stdin.pdf"
            copy.write_bytes(data)
            return read_pdf(copy)
    if len(data) > MAX_TEXT_BYTES:
        raise ReadError(f"{name} is {len(data)} bytes; a disclosure is far smaller")
    return read_lines(text_lines(decode(data, encoding=encoding, name=name)))


@in_own_context
def read_files(paths: Sequence[str | os.PathLike[str]], *, encoding: str | None = None) -> ReadResult:
    """Read several files as the one disclosure they publish together (the text, and the tables
    published as a file of their own: 公开表附后), each text or PDF. Each problem names its file and
    line in it.

    >>> from cnbudget.errors import FinalAccountsNotRead, ReadError
    >>> try:
    ...     read_files([])
    ... except ReadError as error:
    ...     print(error)
    read_files needs at least one file
    """
    if isinstance(paths, (str, os.PathLike)):
        raise WrongArgumentType("read_files takes a list of paths; read_file reads one")
    if not paths:
        raise ReadError("read_files needs at least one file")
    lines: list[SourceLine] = []
    starts: list[tuple[int, str]] = []
    file_problems: list[Problem] = []
    for path in paths:
        offset = len(lines)
        starts.append((offset, str(path)))
        own, problems = _file_lines(path, encoding)
        lines.extend(attrs.evolve(line, number=offset + line.number) for line in own)
        file_problems.extend(attrs.evolve(problem, source=str(path)) for problem in problems)
        lines.append(SourceLine.of(len(lines) + 1, ""))  # a file ends a page
    result = read_lines(lines)
    return attrs.evolve(result, problems=(*file_problems, *(_in_file(problem, starts) for problem in result.problems)))


def _file_lines(path: str | os.PathLike[str], encoding: str | None) -> tuple[list[SourceLine], list[Problem]]:
    """The numbered lines of one file, text or PDF, and the problems met turning it into lines."""
    kind = kind_of_file(path)
    if kind is FileKind.PDF:
        return pdf_lines(path)
    if kind is FileKind.MODEL_JSON:
        raise _refuse_json(str(path))
    return text_lines(load_text(path, encoding=encoding)), []


def _in_file(problem: Problem, starts: Sequence[tuple[int, str]]) -> Problem:
    """The problem with its line counted in the file it stands in, and that file named."""
    if problem.line is None:
        return problem
    offset, path = max((start for start in starts if start[0] < problem.line), default=starts[0])
    return attrs.evolve(problem, line=problem.line - offset, source=path)
