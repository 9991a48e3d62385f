"""The JSON forms of the library's value types (JSON 值格式), shared by the converter and the schema.

An amount is a JSON string holding a finite decimal exactly as :class:`decimal.Decimal` prints it,
exponent included (``"1089.27"``, ``"12.50"``, ``"1E+3"``), so that no digit is ever lost to a
binary float. Codes are strings of digits in their compact form.

>>> bool(AMOUNT.fullmatch("-1089.270")), bool(AMOUNT.fullmatch("1e3")), bool(AMOUNT.fullmatch("1_000"))
(True, False, False)
"""

from __future__ import annotations

import re

from cnbudget.codes import ClassificationCode, EconomicCode, FunctionCode, GovEconomicCode

__all__ = ["AMOUNT", "AMOUNT_PATTERN", "CODE_PATTERNS"]

#: A decimal as ``str(Decimal)`` writes it: optional minus, digits, optional fraction, optional
#: upper-case exponent with its sign.
AMOUNT_PATTERN = r"^-?[0-9]+(\.[0-9]+)?(E[+-][0-9]+)?$"
AMOUNT = re.compile(AMOUNT_PATTERN.strip("^$"))


def _code_pattern(kind: type[ClassificationCode]) -> str:
    first, *rest = kind.PART_LENGTHS
    tail = "".join(f"([0-9]{{{n}}}" for n in rest) + ")?" * len(rest)
    return f"^{kind.FIRST_DIGIT}[0-9]{{{first - 1}}}{tail}$"


#: The JSON Schema pattern of each code family (its digits by level; the constructor checks more).
CODE_PATTERNS: dict[type[ClassificationCode], str] = {
    kind: _code_pattern(kind) for kind in (FunctionCode, EconomicCode, GovEconomicCode)
}
