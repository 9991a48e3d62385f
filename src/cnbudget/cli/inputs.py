"""The inputs of the commands that take a disclosure (输入): a JSON file, published text, the
published PDF, or a bundled example.

What kind a file is (model JSON, the PDF, published text) is told by
:func:`cnbudget.readers.kind_of_file`; model JSON is loaded with :func:`cnbudget.serialize.from_json`,
anything else read with :func:`cnbudget.readers.read_file` (standard input:
:func:`cnbudget.readers.read_bytes`). The problems of reading travel with the disclosure so that each
command can report them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import attrs

from cnbudget.cli.sources import Source, Sources, find_sources
from cnbudget.errors import ReadError
from cnbudget.examples import example, example_names
from cnbudget.model import BudgetDisclosure
from cnbudget.readers import FileKind, Problem, kind_of, kind_of_file, read_bytes, read_file, read_files
from cnbudget.readers.files import file_bytes
from cnbudget.serialize import from_json

__all__ = ["Loaded", "add_input_arguments", "load", "load_all", "load_source", "load_together", "sources_of"]


@attrs.frozen(kw_only=True)
class Loaded:
    """A disclosure and where it came from, with the problems met reading it."""

    source: str
    disclosure: BudgetDisclosure
    problems: tuple[Problem, ...] = ()


def add_input_arguments(parser: argparse.ArgumentParser, *, many: bool) -> None:
    """Add ``FILE`` (one, or several with ``many``), ``--example NAME`` and ``--together``."""
    parser.add_argument(
        "files", nargs="*", metavar="PATH",
        help="model JSON (.json), published text (.txt, .md) or the published PDF (.pdf) of a disclosure"
        + ("; a folder stands for every such file under it; - reads standard input" if many
           else "; several files only with --together"),
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
    if kind_of_file(path) is FileKind.MODEL_JSON:
        return Loaded(source=str(path), disclosure=from_json(file_bytes(path)))
    result = read_file(path, encoding=encoding)
    return Loaded(source=str(path), disclosure=result.disclosure, problems=result.problems)


def _load_bytes(name: str, data: bytes, encoding: str | None) -> Loaded:
    """A disclosure from the bytes of standard input, called ``name``."""
    if kind_of(data, name) is FileKind.MODEL_JSON:
        return Loaded(source=name, disclosure=from_json(data))
    result = read_bytes(data, name=name, encoding=encoding)
    return Loaded(source=name, disclosure=result.disclosure, problems=result.problems)


def load_source(source: Source, *, encoding: str | None = None) -> Loaded:
    """Load one :class:`~cnbudget.cli.sources.Source`: a file, standard input, an example, or files
    read together."""
    if source.parts:
        return load_together(list(source.parts), encoding=encoding)
    if source.data is not None:
        return _load_bytes(source.name, source.data, encoding)
    if source.example is not None:
        return load(source.example, is_example=True)
    return load(source.name, encoding=encoding)


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
    if any(kind_of_file(path) is FileKind.MODEL_JSON for path in paths):
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


def sources_of(args: Any) -> Sources:
    """The documents named by the parsed arguments (``files``, ``example``, ``together``), in order;
    at least one is required."""
    files: list[str] = args.files or []
    examples: list[str] = args.example or []
    if getattr(args, "together", False):
        if examples or len(files) < 2 or "-" in files:
            raise ReadError("--together reads two or more files, text or PDF (the text and its tables), "
                            "as one disclosure")
        return Sources(documents=(Source(name=" + ".join(files), parts=tuple(files)),))
    found = find_sources(files, examples=examples)
    if not found.documents:
        if found.skipped or files:
            raise ReadError(f"no document to read in {', '.join(files)}: a folder is searched for "
                            "text (.txt, .md), model JSON (.json) and PDF (.pdf) files")
        raise ReadError("no input: give a FILE or folder, - for standard input, or --example NAME")
    return found
