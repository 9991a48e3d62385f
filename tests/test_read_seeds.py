"""Reading the published documents: the reader never invents a figure.

Every non-zero amount, share, count or target number in the model read from a published document
must be printed somewhere in that document (thousands separators and a single wrap space between
digit groups aside; figures of two decimals that flat text ran together count one by one). A zero
may stand for a blank cell, so zeros are not looked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pytest

import cnbudget
from tests.seeds import seed_path

# A printed number: digit groups joined by thousands separators or by one wrap space.
_PRINTED = re.compile(r"[0-9]+(?:[,， ][0-9]+)*(?:\.[0-9]+)?")


def _numbers(obj: object) -> Iterator[tuple[str, Decimal]]:
    def walk(value: object, path: str) -> Iterator[tuple[str, Decimal]]:
        if isinstance(value, Decimal):
            yield path, value
        elif attrs.has(cls := type(value)):
            for field in attrs.fields(cls):
                yield from walk(getattr(value, field.name), f"{path}.{field.name}")
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                yield from walk(item, f"{path}[{index}]")

    return walk(obj, "$")


# Figures of two decimals a flat text printed run together (0.920.92, 1801.00214.352015.35).
_RUN = re.compile(r"[0-9]+\.[0-9]{2}(?:[0-9]+\.[0-9]{2})+")
_RUN_FIGURE = re.compile(r"(?:0|[1-9][0-9]*)\.[0-9]{2}")


def _printed_numbers(text: str) -> set[Decimal]:
    joined = {Decimal(re.sub(r"[,， ]", "", match)) for match in _PRINTED.findall(text)}
    runs = {Decimal(figure) for run in _RUN.findall(text) for figure in _RUN_FIGURE.findall(run)}
    return joined | runs | {Decimal(match) for match in re.findall(r"[0-9]+(?:\.[0-9]+)?", text)}


def _invented(doc: object, text: str) -> list[str]:
    printed = _printed_numbers(text)
    return [f"{path} = {value}" for path, value in _numbers(doc) if value and abs(value) not in printed]


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_every_figure_read_is_printed_in_the_document(prefix: str) -> None:
    path = seed_path(prefix)
    result = cnbudget.read_file(path)
    assert _invented(result.disclosure, path.read_text(encoding="utf-8")) == []


def test_an_invented_figure_is_noticed() -> None:
    path = seed_path("001")
    doc = cnbudget.read_file(path).disclosure
    assert doc.tables.three_public is not None
    altered = attrs.evolve(doc, tables=attrs.evolve(doc.tables, three_public=attrs.evolve(
        doc.tables.three_public, total=attrs.evolve(doc.tables.three_public.total, total=Decimal("0.51")))))
    assert _invented(altered, path.read_text(encoding="utf-8")) == ["$.tables.three_public.total.total = 0.51"]
