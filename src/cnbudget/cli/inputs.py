"""The inputs of the commands that take a disclosure (输入): a JSON file, published text, the
published PDF, or a bundled example.

A file is JSON when its name ends in ``.json`` or its text starts with ``{``; a PDF when its name
ends in ``.pdf`` or its bytes start with ``%PDF-`` (read with :func:`cnbudget.readers.read_pdf`);
anything else is read as published text with :func:`cnbudget.readers.read_text`. The problems of
reading travel with the disclosure so that each command can report them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import attrs

from cnbudget.errors import ReadError
from cnbudget.examples import example, example_names
from cnbudget.model import BudgetDisclosure
from cnbudget.readers import Problem, read_files, read_pdf, read_text
from cnbudget.readers.pdf.read import PDF_MAGIC
from cnbudget.readers.text.decoding import decode
from cnbudget.serialize import from_json

__all__ = ["Loaded", "add_input_arguments", "load", "load_all", "load_together"]


@attrs.frozen(kw_only=True)
class Loaded:
    """A disclosure and where it came from, with the problems met reading it."""

    source: str
    disclosure: BudgetDisclosure
    problems: tuple[Problem, ...] = ()


def add_input_arguments(parser: argparse.ArgumentParser, *, many: bool) -> None:
    """Add ``FILE`` (one, or several with ``many``), ``--example NAME`` and ``--together``."""
    parser.add_argument(
        "files", nargs="*", metavar="FILE",
        help="model JSON (.json), published text (.txt) or the published PDF (.pdf) of a disclosure"
        + ("" if many else "; several files only with --together"),
    )
    parser.add_argument(
        "--example", metavar="NAME", action="append" if many else "store",
        help=f"a bundled example instead of a file ({', '.join(example_names()) or 'none bundled'})",
    )
    parser.add_argument(
        "--encoding", metavar="NAME",
        help="the encoding of text files (utf-8, gb18030, utf-16 …); detected when not given",
    )
    parser.add_argument(
        "--together", action="store_true",
        help="read the text or PDF files as one disclosure: the text and its tables published as a file "
        "of their own (公开表附后)",
    )


def _load_file(path: Path, encoding: str | None) -> Loaded:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"cannot read {path}: {error.strerror or error}") from error
    if path.suffix.lower() == ".json" or data.lstrip()[:1] == b"{":
        return Loaded(source=str(path), disclosure=from_json(data))
    if path.suffix.lower() == ".pdf" or data.startswith(PDF_MAGIC):
        result = read_pdf(path)
        return Loaded(source=str(path), disclosure=result.disclosure, problems=result.problems)
    result = read_text(decode(data, encoding=encoding, name=str(path)))
    return Loaded(source=str(path), disclosure=result.disclosure, problems=result.problems)


def load(source: str, *, is_example: bool = False, encoding: str | None = None) -> Loaded:
    """Load one input: a path, or the name of a bundled example."""
    if is_example:
        try:
            return Loaded(source=f"example:{source}", disclosure=example(source))
        except KeyError as error:
            raise ReadError(str(error.args[0])) from None
    return _load_file(Path(source), encoding)


def load_together(paths: list[str], *, encoding: str | None = None) -> Loaded:
    """Several text or PDF files read as the one disclosure they publish together (see
    :func:`cnbudget.readers.read_files`)."""
    if any(Path(path).suffix.lower() == ".json" for path in paths):
        raise ReadError("--together reads published text; model JSON is one document already")
    result = read_files(paths, encoding=encoding)
    return Loaded(source=" + ".join(paths), disclosure=result.disclosure, problems=result.problems)


def load_all(args: Any) -> list[Loaded]:
    """Every input named by the parsed arguments, in order; at least one is required."""
    files = args.files if isinstance(args.files, list) else [args.files] if args.files else []
    examples = args.example if isinstance(args.example, list) else [args.example] if args.example else []
    if getattr(args, "together", False):
        if examples or len(files) < 2:
            raise ReadError("--together reads two or more files, text or PDF (the text and its tables), "
                            "as one disclosure")
        return [load_together(files, encoding=getattr(args, "encoding", None))]
    encoding = getattr(args, "encoding", None)
    loaded = [load(name, is_example=True) for name in examples] + [load(name, encoding=encoding) for name in files]
    if not loaded:
        raise ReadError("no input: give a FILE or --example NAME")
    return loaded
