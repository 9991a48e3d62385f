"""Classification codes in flat text, printed left to right or read back from right to left (科目编码识别).

A code printed in the 类 | 款 | 项 columns comes out of flat text as its parts spaced
(``208 05 05``), or, on a page that ``pdftotext`` read from right to left, as the parts in reverse
order run together (``0505208``: 项 05, 款 05, 类 208). A code printed whole in one column
(``2080505``) keeps its digits in either direction. Which reading holds is told by the code's
length and its classification (a 支出功能分类 code starts with 2, an economic one with 3), and, where
both readings make a code, by the catalogue: the code must exist in the budget year, and the name
printed beside it must be its name (or a known variant). Where that leaves no single code, the
row is reported.

>>> from cnbudget.codes import FunctionCode
>>> from cnbudget.classification import catalog
>>> str(read_code(("0505208",), FunctionCode, reversed_line=True, name="机关事业单位基本养老保险缴费支出",
...               catalogue=catalog(2024)))
'2080505'
>>> str(read_code(("208", "05", "05"), FunctionCode, reversed_line=False, name="", catalogue=catalog(2024)))
'2080505'
"""

from __future__ import annotations

from collections.abc import Sequence

from cnbudget.classification import Catalog
from cnbudget.codes import ClassificationCode
from cnbudget.errors import InvalidCode, UnknownCode

__all__ = ["UncertainCode", "code_lengths", "read_code"]


class UncertainCode(ValueError):
    """Digits that are no code, or more than one, with certainty."""


def code_lengths(family: type[ClassificationCode]) -> tuple[int, ...]:
    """The digit counts of the family's codes at each level (3, 5, 7 for 支出功能分类)."""
    lengths, total = [], 0
    for part in family.PART_LENGTHS:
        total += part
        lengths.append(total)
    return tuple(lengths)


def _parse(digits: str, family: type[ClassificationCode]) -> ClassificationCode | None:
    try:
        return family(digits)
    except InvalidCode:
        return None


def _reversed_parts(digits: str, family: type[ClassificationCode]) -> str | None:
    """The code whose parts, printed from right to left and run together, make ``digits``."""
    lengths = code_lengths(family)
    if len(digits) not in lengths:
        return None
    level = lengths.index(len(digits)) + 1
    parts, position = [], 0
    for length in reversed(family.PART_LENGTHS[:level]):
        parts.append(digits[position:position + length])
        position += length
    return "".join(reversed(parts))


def _known(code: ClassificationCode, catalogue: Catalog | None) -> bool:
    if catalogue is None:
        return True
    try:
        return catalogue.get(code) is not None
    except (UnknownCode, KeyError, ValueError):
        return False


def _named(code: ClassificationCode, name: str, catalogue: Catalog | None) -> bool:
    if catalogue is None or not name:
        return False
    try:
        return catalogue.match_name(code, name).ok
    except (UnknownCode, KeyError, ValueError):
        return False


def read_code(
    numbers: Sequence[str],
    family: type[ClassificationCode],
    *,
    reversed_line: bool,
    name: str,
    catalogue: Catalog | None,
) -> ClassificationCode:
    """The code the numbers of a line print (in printed order), or :class:`UncertainCode`."""
    if reversed_line:
        numbers = list(reversed(numbers))
    readings: list[ClassificationCode] = []
    if len(numbers) == 1:
        whole = _parse(numbers[0], family)
        if whole is not None:
            readings.append(whole)
        if reversed_line:
            turned = _reversed_parts(numbers[0], family)
            code = _parse(turned, family) if turned is not None else None
            if code is not None and code not in readings:
                readings.append(code)
    else:
        try:
            readings.append(family.from_parts(*numbers))
        except InvalidCode as error:
            raise UncertainCode(str(error)) from error
    if not readings:
        raise UncertainCode(f"{' '.join(numbers)!r} is no {family.FAMILY} code")
    if len(readings) > 1:
        known = [code for code in readings if _known(code, catalogue)]
        readings = known or readings
    if len(readings) > 1:
        named = [code for code in readings if _named(code, name, catalogue)]
        if len(named) != 1:
            shown = " or ".join(str(code) for code in readings)
            raise UncertainCode(f"{' '.join(numbers)!r} may be the code {shown}")
        readings = named
    return readings[0]
