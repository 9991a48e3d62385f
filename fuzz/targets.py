"""What a fuzzing run feeds the library and what it requires of the answer (模糊测试).

Inputs are published documents and bundled examples with hostile edits: figures made enormous,
tiny or written in other digits, lines dropped, doubled or cut, cells added, characters of any
kind inserted, JSON values replaced by values of any type. Whatever the input, the library must
answer with a result or one of its own errors (:class:`~cnbudget.errors.CnbudgetError`), in bounded
time; a document it reads must validate without raising and survive a JSON round trip.

Used by ``tests/test_fuzz.py`` (Hypothesis, briefly, in the suite) and ``fuzz/run.py`` (long runs,
with atheris where it is installed); see ``docs/robustness.md`` (模糊测试 · Fuzzing).
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cnbudget
from cnbudget import CnbudgetError, ReadResult

__all__ = ["HOSTILE_FIGURES", "HOSTILE_VALUES", "check_file", "check_json", "check_text", "encode_hostile",
           "mutate_json", "mutate_text"]

#: Figures a hostile or broken document may print in place of an amount or a count.
HOSTILE_FIGURES = (
    "9" * 250, "1." + "1" * 200, "9" * 5000, "1E+999999999", "1E-999999999", "0E+30", "-0", "٣٤", "²³", "①", "𝟗𝟗",
    "1、234", "12。5", "1,2,3", "1..2", "NaN", "Infinity", "-", "——", "1e5", "0.0000001", "1" * 29 + ".5",
)
#: Values a hostile JSON document may hold in place of any other.
HOSTILE_VALUES: tuple[Any, ...] = (
    *HOSTILE_FIGURES, None, True, 0, -1, 10**30, 1.5, float("nan"), "", [], {}, [None], {"": None}, "x" * 10_000,
)
_CHARACTERS = "\t\n\x00\ud800\u3000\xa0，．０９－—%元万亿表合计项目一级指标（）()" + "".join(map(chr, range(32, 127)))


def mutate_text(text: str, rng: random.Random, edits: int = 3) -> str:
    """``text`` with up to ``edits`` hostile edits, chosen by ``rng``."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, edits)):
        if not lines:
            lines = [""]
        i = rng.randrange(len(lines))
        kind = rng.randrange(7)
        line = lines[i]
        if kind == 0 and any(c.isdigit() for c in line):  # a figure replaced
            digits = [j for j, c in enumerate(line) if c.isdigit()]
            start = rng.choice(digits)
            end = start
            while end < len(line) and (line[end].isdigit() or line[end] in ",."):
                end += 1
            lines[i] = line[:start] + rng.choice(HOSTILE_FIGURES) + line[end:]
        elif kind == 1:
            del lines[i]
        elif kind == 2:
            lines.insert(i, line)
        elif kind == 3:
            lines[i] = line[: rng.randrange(len(line) + 1)]
        elif kind == 4:
            cut = rng.randrange(len(line) + 1)
            lines[i] = line[:cut] + "\t" * rng.randint(1, 12) + line[cut:]
        elif kind == 5:
            cut = rng.randrange(len(line) + 1)
            lines[i] = line[:cut] + "".join(rng.choice(_CHARACTERS) for _ in range(rng.randint(1, 8))) + line[cut:]
        else:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


#: What a file may hold in place of its first bytes: the PDF magic, a byte-order mark, a JSON brace, junk.
_HEADS = (b"%PDF-", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"{", b"\x00",
          b"\x80\xff")
_ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be")


def encode_hostile(text: str, rng: random.Random) -> bytes:
    """``text`` saved in an encoding chosen by ``rng``, and sometimes broken as files are: cut at any
    byte, another kind's first bytes in front, a byte replaced."""
    data = text.encode(rng.choice(_ENCODINGS), errors="replace")
    edit = rng.randrange(4)
    if edit == 0 and data:
        data = data[: rng.randrange(len(data))]
    elif edit == 1:
        data = rng.choice(_HEADS) + data
    elif edit == 2 and data:
        at = rng.randrange(len(data))
        data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
    return data


def mutate_json(data: Any, rng: random.Random, edits: int = 2) -> Any:
    """A copy of plain ``data`` with up to ``edits`` values (at any depth) replaced by hostile ones."""
    data = json.loads(json.dumps(data))
    for _ in range(rng.randint(1, edits)):
        parent: Any = None
        key: Any = None
        node = data
        while isinstance(node, (dict, list)) and node and (parent is None or rng.random() < 0.8):
            key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
            parent, node = node, node[key]
        if parent is not None:
            parent[key] = copy.deepcopy(rng.choice(HOSTILE_VALUES))  # never the shared constant itself
    return data


def _round_trip(doc: cnbudget.BudgetDisclosure) -> None:
    again = cnbudget.from_json(cnbudget.to_json(doc))
    if again.facts() != doc.facts():
        raise AssertionError("the JSON round trip changed the facts")


def _checked(doc: cnbudget.BudgetDisclosure, validate: bool) -> None:
    if validate:
        report = cnbudget.validate(doc)
        report.to_json()
        report.to_text()
    _round_trip(doc)


def check_text(text: str, *, validate: bool = True) -> str:
    """Read ``text``; what was read validates and round-trips. Returns what happened: ``read`` or the
    name of the library error; anything else propagates (a defect)."""
    return _outcome(lambda: cnbudget.read_text(text), validate)


def check_file(data: bytes, folder: Path, *, name: str = "document", validate: bool = True) -> str:
    """Save ``data`` as the file ``name`` in ``folder`` and read it with ``read_file``; what was read
    validates and round-trips (see :func:`check_text`)."""
    path = folder / name
    path.write_bytes(data)
    return _outcome(lambda: cnbudget.read_file(path), validate)


def _outcome(read: Callable[[], ReadResult], validate: bool) -> str:
    """``read`` or the name of the library error it raised; what was read validates and round-trips."""
    try:
        result = read()
    except CnbudgetError as error:
        return type(error).__name__
    _checked(result.disclosure, validate)
    return "read"


def check_json(text: str, *, validate: bool = True) -> str:
    """Load JSON ``text`` as a disclosure; what loads validates and round-trips (see :func:`check_text`)."""
    try:
        doc = cnbudget.from_json(text)
    except CnbudgetError as error:
        return type(error).__name__
    _checked(doc, validate)
    return "loaded"


CHECKS: dict[str, Callable[..., str]] = {"text": check_text, "json": check_json}
