"""Actual results from CSV (实际完成值): one row per indicator, its name and the result as printed.

The first column is the indicator's name (三级指标), the second the actual value as text
(``96%``, ``=7 次``, ``基本达到预期``, ``2024年11月20日``); further columns are ignored. A first
row naming the columns (``三级指标,实际完成值`` or ``indicator,actual``) is skipped.

>>> read_actuals("三级指标,实际完成值\\n宣传次数,6 次\\n满意度,85.5%\\n")
{'宣传次数': '6 次', '满意度': '85.5%'}
>>> read_actuals("宣传次数,6 次\\n宣传次数,7 次\\n")
Traceback (most recent call last):
...
cnbudget.errors.DataError: 1 problem in the data:
  line 2: indicator '宣传次数' is given twice (first on line 1)
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cnbudget.errors import DataError, ReadError
from cnbudget.text import normalize_width, squeeze_spaces

__all__ = ["load_actuals", "read_actuals"]

_NAME_HEADINGS = frozenset({"三级指标", "指标名称", "指标", "绩效指标", "indicator", "name"})
_VALUE_HEADINGS = frozenset({"实际完成值", "完成值", "实际值", "实际完成情况", "actual", "value"})


def _is_heading(row: list[str]) -> bool:
    cells = [squeeze_spaces(normalize_width(cell)).lower() for cell in row[:2]]
    return cells[0] in _NAME_HEADINGS or (len(cells) > 1 and cells[1] in _VALUE_HEADINGS)


def read_actuals(text: str) -> dict[str, str]:
    """Actual results from CSV text: indicator name → printed result, in file order."""
    found: dict[str, str] = {}
    first_line: dict[str, int] = {}
    problems: list[tuple[str, str]] = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not any(cell.strip() for cell in row):
            continue
        if not found and not problems and _is_heading(row):
            continue
        name = row[0].strip()
        if len(row) < 2:
            problems.append((f"line {number}", f"one cell only ({row[0]!r}): give the indicator and its actual value"))
        elif not name:
            problems.append((f"line {number}", f"no indicator name before the value {row[1]!r}"))
        elif name in first_line:
            problems.append((f"line {number}", f"indicator {name!r} is given twice (first on line {first_line[name]})"))
        else:
            first_line[name] = number
            found[name] = row[1].strip()
    if problems:
        raise DataError(problems)
    return found


def load_actuals(path: str | Path) -> dict[str, str]:
    """Actual results from a CSV file (UTF-8, with or without a byte-order mark)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ReadError(f"cannot read {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise ReadError(f"{path} is not UTF-8 text (byte {error.start}): convert it to UTF-8 first") from error
    return read_actuals(text)
