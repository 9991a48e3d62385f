"""Performance-target values (绩效指标值): what a 指标值 or 上年完成值 cell says, read as data.

A cell of a 绩效目标表 holds one of four things, told apart by :class:`TargetKind`:

* a quantity (定量), optionally with a comparator and a unit: ``≥95%``, ``=1 项``, ``53人``;
* wording (定性): ``有效提升``, ``基本保证``;
* a deadline (时限): ``2024年12月31日前``, ``12月``;
* something that cannot be read without guessing (无法识别): ``无``, ``≥11.8 万人/10 元``.

:func:`parse_target` never raises on text and never guesses: what it cannot read is
``UNPARSED`` with the printed text kept in ``raw``.

>>> v = parse_target("> =95%")
>>> v.kind, v.comparator, v.number, v.unit, str(v)
(<TargetKind.QUANTITATIVE: 'quantitative'>, <Comparator.GE: '≥'>, Decimal('95'), '%', '≥95%')
>>> parse_target("有效 保证").text
'有效保证'
>>> str(parse_target("2024 年 5 月前").deadline)
'2024年5月前'
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.builders import builder_of_model
from cnbudget.decimals import MAX_WHOLE_DIGITS, size_problem
from cnbudget.errors import InvalidAmount, InvalidValue
from cnbudget.labelled import LabelledEnum, labelled
from cnbudget.text import normalize_width, squeeze_spaces

__all__ = [
    "Comparator",
    "Deadline",
    "DeadlineBound",
    "TargetKind",
    "TargetValue",
    "parse_target",
    "reads_no_figure",
]


class Comparator(LabelledEnum):
    """How a result is held against a target (比较符); the value is the normalised symbol.

    >>> Comparator.GE.zh
    '不低于'
    >>> Comparator.GE.holds(Decimal("96.5"), Decimal("95"))
    True
    >>> Comparator.LT.holds(Decimal("5"), Decimal("5"))
    False
    """

    GE = labelled("≥", "不低于")
    GT = labelled(">", "大于")
    EQ = labelled("=", "等于")
    LT = labelled("<", "小于")
    LE = labelled("≤", "不高于")

    def holds(self, actual: Decimal, target: Decimal) -> bool:
        """Whether ``actual`` meets ``target`` under this comparator.

        Both must be finite ``Decimal`` values: a float is a ``TypeError``, NaN or Infinity a
        ``ValueError``.

        >>> Comparator.EQ.holds(Decimal("100.0"), Decimal("100"))
        True
        >>> Comparator.LE.holds(Decimal("0.1"), 0.1)
        Traceback (most recent call last):
        ...
        TypeError: target must be a decimal.Decimal, not float 0.1
        """
        _check_finite_decimal("actual", actual)
        _check_finite_decimal("target", target)
        return _COMPARATOR_TEST[self](actual, target)


_COMPARATOR_TEST = {
    Comparator.GE: Decimal.__ge__,
    Comparator.GT: Decimal.__gt__,
    Comparator.EQ: Decimal.__eq__,
    Comparator.LT: Decimal.__lt__,
    Comparator.LE: Decimal.__le__,
}


class TargetKind(LabelledEnum):
    """What a target-value cell holds (指标值类型).

    >>> [k.zh for k in TargetKind]
    ['定量', '定性', '时限', '无法识别']
    """

    QUANTITATIVE = labelled("quantitative", "定量")
    QUALITATIVE = labelled("qualitative", "定性")
    DEADLINE = labelled("deadline", "时限")
    UNPARSED = labelled("unparsed", "无法识别")


class DeadlineBound(LabelledEnum):
    """Whether a deadline is a limit (前/之前/以前) or a plain date or month (时限界限).

    ``BEFORE`` is printed ``2024年12月31日前``; ``ON`` is ``2024年12月31日`` or ``12月``.
    Whether "5月前" includes May is left to the reader of the document, not decided here.

    >>> DeadlineBound.BEFORE.zh
    '前'
    """

    BEFORE = labelled("before", "前")
    ON = labelled("on", "当日（当月）")


def _check_int(name: str, value: object) -> int:
    # bool is an int subclass, but True is never a month.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__} {value!r}")
    return value


def _check_year(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not 1 <= _check_int("year", value) <= 9999:
        raise InvalidValue(f"year {value!r} is out of range (1..9999)")


def _check_month(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not 1 <= _check_int("month", value) <= 12:
        raise InvalidValue(f"month {value!r} is out of range (1..12)")


def _check_day(instance: Deadline, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    day = _check_int("day", value)
    # Without a year, 29 February must stay possible: take a leap year.
    year = 2000 if instance.year is None else instance.year
    last = calendar.monthrange(year, instance.month)[1]
    if not 1 <= day <= last:
        where = f"{instance.month}月" if instance.year is None else f"{year}年{instance.month}月"
        raise InvalidValue(f"day {day} does not exist in {where} (1..{last})")


@attrs.frozen(kw_only=True)
class Deadline:
    """A time limit printed as a target (时限): year and day are optional, the month is not.

    >>> d = Deadline(year=2025, month=11, day=30, bound=DeadlineBound.BEFORE)
    >>> str(d)
    '2025年11月30日前'
    >>> str(Deadline(month=12))
    '12月'
    >>> Deadline(year=2023, month=2, day=29)
    Traceback (most recent call last):
    ...
    cnbudget.errors.InvalidValue: day 29 does not exist in 2023年2月 (1..28)
    """

    year: int | None = attrs.field(default=None, validator=_check_year, metadata={"zh": "年"})
    month: int = attrs.field(validator=_check_month, metadata={"zh": "月"})
    day: int | None = attrs.field(default=None, validator=_check_day, metadata={"zh": "日"})
    bound: DeadlineBound = attrs.field(
        default=DeadlineBound.ON,
        validator=attrs.validators.instance_of(DeadlineBound),
        metadata={"zh": "时限界限"},
    )

    def __str__(self) -> str:
        year = "" if self.year is None else f"{self.year}年"
        day = "" if self.day is None else f"{self.day}日"
        bound = "前" if self.bound is DeadlineBound.BEFORE else ""
        return f"{year}{self.month}月{day}{bound}"


def _check_finite_decimal(name: str, value: object) -> None:
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be a decimal.Decimal, not {type(value).__name__} {value!r}")
    if not value.is_finite():
        raise InvalidAmount(f"{name} must be a finite number, not {value!r}")
    problem = size_problem(value)
    if problem is not None:
        raise InvalidAmount(f"{name}: {problem}")


def check_number(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """A target's number: none, or a finite decimal within the bounds of :mod:`cnbudget.decimals`
    (as every amount read from JSON is already)."""
    if value is not None:
        _check_finite_decimal("number", value)


def _check_words(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a str, not {type(value).__name__} {value!r}")
    if value.split() != [value]:  # empty, or holding white space
        raise InvalidValue(f"{attribute.name} must be non-empty without white space, not {value!r}")


# Which optional fields each kind may carry, and the one it must carry.
_ALLOWED_FIELDS = {
    TargetKind.QUANTITATIVE: ("comparator", "number", "unit"),
    TargetKind.QUALITATIVE: ("text",),
    TargetKind.DEADLINE: ("deadline",),
    TargetKind.UNPARSED: (),
}
_REQUIRED_FIELD = {
    TargetKind.QUANTITATIVE: "number",
    TargetKind.QUALITATIVE: "text",
    TargetKind.DEADLINE: "deadline",
}
_OPTIONAL_FIELDS = ("comparator", "number", "unit", "text", "deadline")
# For each kind, the optional fields it may not carry (in the order above, which is the order the
# check names them in) and the one it must carry: one lookup per value checked.
_COMBINATION = {
    kind: (tuple(name for name in _OPTIONAL_FIELDS if name not in _ALLOWED_FIELDS[kind]), _REQUIRED_FIELD.get(kind))
    for kind in _ALLOWED_FIELDS
}


@attrs.frozen(kw_only=True)
class TargetValue:
    """One target value or prior-year actual (指标值 / 上年完成值), as printed and as read.

    ``raw`` keeps the printed text exactly. Which other fields are set depends on ``kind``:
    ``comparator``, ``number`` and ``unit`` for a quantity (``number`` required; ``comparator``
    is ``None`` when the document printed a bare number), ``text`` for wording, ``deadline``
    for a time limit, nothing for ``UNPARSED``. ``str()`` gives the normalised form, which
    :func:`parse_target` reads back to the same value.

    >>> v = TargetValue(raw="=1 项", kind=TargetKind.QUANTITATIVE,
    ...                 comparator=Comparator.EQ, number=Decimal("1"), unit="项")
    >>> str(v), v.is_rate
    ('=1项', False)
    >>> TargetValue(raw="有效提升", kind=TargetKind.QUALITATIVE, text="有效提升", unit="%")
    Traceback (most recent call last):
    ...
    cnbudget.errors.InvalidValue: a qualitative (定性) target value cannot have a unit (got '%')
    """

    raw: str = attrs.field(validator=attrs.validators.instance_of(str), metadata={"zh": "原文"})
    kind: TargetKind = attrs.field(
        validator=attrs.validators.instance_of(TargetKind), metadata={"zh": "指标值类型"}
    )
    comparator: Comparator | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Comparator)),
        metadata={"zh": "比较符"},
    )
    number: Decimal | None = attrs.field(
        default=None, validator=check_number, metadata={"zh": "数值"}
    )
    unit: str | None = attrs.field(
        default=None, validator=_check_words, metadata={"zh": "计量单位"}
    )
    text: str | None = attrs.field(
        default=None, validator=_check_words, metadata={"zh": "定性描述"}
    )
    deadline: Deadline | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Deadline)),
        metadata={"zh": "时限"},
    )

    @kind.validator
    def _check_combination(self, attribute: attrs.Attribute[TargetKind], kind: TargetKind) -> None:
        # attrs runs validators after every field is set, so the whole value can be seen here.
        # The label is written only for a message: this runs for every target value read.
        forbidden, required = _COMBINATION[kind]
        for name in forbidden:
            value = getattr(self, name)
            if value is not None:
                label = f"{kind.value} ({kind.zh})"
                article = "an" if label[0] in "aeiou" else "a"
                raise InvalidValue(
                    f"{article} {label} target value cannot have a {name} (got {value!r})"
                )
        if required is not None and getattr(self, required) is None:
            raise InvalidValue(f"a {kind.value} ({kind.zh}) target value needs a {required}")

    @property
    def is_rate(self) -> bool:
        """Whether this is a percentage (比率): the unit is ``%``.

        >>> parse_target("≥95%").is_rate, parse_target("≥95人").is_rate
        (True, False)
        """
        return self.unit == "%"

    def __str__(self) -> str:
        if self.kind is TargetKind.QUANTITATIVE:
            comparator = "" if self.comparator is None else self.comparator.value
            # format "f": never an exponent, which would not read back.
            return f"{comparator}{self.number:f}{self.unit or ''}"
        if self.kind is TargetKind.QUALITATIVE:
            return str(self.text)
        if self.kind is TargetKind.DEADLINE:
            return str(self.deadline)
        return self.raw


_ValueBuilder = builder_of_model(TargetValue)


def _checked_value(
    raw: str,
    kind: TargetKind,
    *,
    comparator: Comparator | None = None,
    number: Decimal | None = None,
    unit: str | None = None,
    text: str | None = None,
) -> TargetValue:
    """The value ``TargetValue(...)`` makes of fields the readers below have already checked (a
    finite number within bounds, words without white space, the fields of its kind): without the
    validators' second look, for every value a document prints."""
    value = object.__new__(_ValueBuilder)
    value.raw, value.kind, value.comparator, value.number = raw, kind, comparator, number
    value.unit, value.text, value.deadline = unit, text, None
    value.__class__ = TargetValue
    return value  # type: ignore[no-any-return]


# --- reading -------------------------------------------------------------------------------

# Word comparators before the number. The pattern tries longer words first, so 不超过 is not
# read as 超过.
_PREFIX_WORDS = {
    "大于或等于": Comparator.GE,
    "大于等于": Comparator.GE,
    "不低于": Comparator.GE,
    "不少于": Comparator.GE,
    "不小于": Comparator.GE,
    "至少": Comparator.GE,
    "小于或等于": Comparator.LE,
    "小于等于": Comparator.LE,
    "不高于": Comparator.LE,
    "不超过": Comparator.LE,
    "不多于": Comparator.LE,
    "不大于": Comparator.LE,
    "至多": Comparator.LE,
    "最多": Comparator.LE,
    "大于": Comparator.GT,
    "高于": Comparator.GT,
    "超过": Comparator.GT,
    "多于": Comparator.GT,
    "小于": Comparator.LT,
    "低于": Comparator.LT,
    "少于": Comparator.LT,
    "等于": Comparator.EQ,
}
_PREFIX_SYMBOLS = {
    ">=": Comparator.GE,
    "≥": Comparator.GE,
    "≧": Comparator.GE,
    "⩾": Comparator.GE,
    "<=": Comparator.LE,
    "≤": Comparator.LE,
    "≦": Comparator.LE,
    "⩽": Comparator.LE,
    "==": Comparator.EQ,
    "=": Comparator.EQ,
    ">": Comparator.GT,
    "<": Comparator.LT,
}
# Words after the number and unit: 以上 and 以下 include the number itself in Chinese usage.
_SUFFIX_WORDS = {
    "及以上": Comparator.GE,
    "以上": Comparator.GE,
    "及以下": Comparator.LE,
    "以下": Comparator.LE,
    "以内": Comparator.LE,
    "之内": Comparator.LE,
    "内": Comparator.LE,
}
# Approximations (100多人, 10余次, 95%左右) are not comparators; such text is not read.
_APPROXIMATE_STARTS = ("余", "多", "来", "几")
_APPROXIMATE_ENDS = ("左右", "上下")

# Characters that mark an attempt at a comparison: wording containing them is not 定性.
_COMPARISON_CHARS = frozenset("≥≤<>=≧≦⩾⩽")

# Cells that say "nothing here". 无 is among them: it can mean "none" or "not applicable".
_PLACEHOLDERS = frozenset({"无", "暂无", "空", "不适用", "无数据"})
_PLACEHOLDER_PARTS = ("无上年", "上年无")


def _spaced(word: str) -> str:
    # PDF wrapping can put white space anywhere inside a word.
    return r"\s*".join(re.escape(ch) for ch in word)


_PREFIXES = {**_PREFIX_WORDS, **_PREFIX_SYMBOLS}
_SUFFIXES = tuple(_SUFFIX_WORDS)  # the words after a number, as str.endswith takes them
_PREFIX = "|".join(
    [_spaced(w) for w in sorted(_PREFIX_WORDS, key=len, reverse=True)]
    + [r"[<>=]\s*=", r"[≥≧⩾≤≦⩽=<>]"]
)
# A single white-space character between digits is a wrap or a separator ("4500 0", "45 000"):
# a cell holds one number, so the groups are joined. Two or more, or white space beside a comma
# or a decimal point, is not joined, and the text is left unread.
_DIGITS = r"[0-9]+(?:\s[0-9]+)*"
_QUANTITY = re.compile(
    rf"(?P<prefix>{_PREFIX})?\s*"
    rf"(?P<number>[-+]?{_DIGITS}(?:,{_DIGITS})*(?:\.{_DIGITS})?)"
    r"(?P<rest>.*)",
    re.DOTALL,
)
_PLAIN_NUMBER = re.compile(r"[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_UNIT_PART = r"(?:[^\W\d_]|[°·])+"
_UNIT = re.compile(rf"%|‰|{_UNIT_PART}(?:/{_UNIT_PART})*")

_DEADLINE = re.compile(
    r"(?:(?P<year>[0-9]{4})\s*年\s*)?(?P<month>[0-9]{1,2})\s*月\s*"
    r"(?:(?P<day>[0-9]{1,2})\s*日\s*)?(?P<bound>之\s*前|以\s*前|前)?"
)

_LATEX_WRAPPER = re.compile(r"\\(?:text|mathrm|mbox)\{([^{}]*)\}")
_LATEX_COMMAND = re.compile(r"\\(geqslant|geq|ge|leqslant|leq|le|gt|lt)(?![A-Za-z])")
_LATEX_SYMBOLS = {
    "geqslant": "≥",
    "geq": "≥",
    "ge": "≥",
    "leqslant": "≤",
    "leq": "≤",
    "le": "≤",
    "gt": ">",
    "lt": "<",
}
_LATEX_ESCAPE = re.compile(r"\\([%,;:! ])")


def _clean(text: str) -> str | None:
    """Width-normalised, stripped text with LaTeX math undone; ``None`` if LaTeX is left over."""
    cleaned = normalize_width(text)
    if "$" in cleaned or "\\" in cleaned:
        # Some PDF extractors write ≥98% as $\geq 98\%$.
        cleaned = cleaned.replace("$", "")
        cleaned = _LATEX_WRAPPER.sub(r"\1", cleaned)
        cleaned = _LATEX_COMMAND.sub(lambda m: _LATEX_SYMBOLS[m.group(1)], cleaned)
        cleaned = _LATEX_ESCAPE.sub(lambda m: "%" if m.group(1) == "%" else " ", cleaned)
        if "\\" in cleaned:
            return None
    return cleaned.strip()


def _is_stable(text: str) -> bool:
    # The normalised form must read back as itself (str() then parse_target round trip).
    return squeeze_spaces(normalize_width(text)) == text


def _read_deadline(raw: str, cleaned: str) -> TargetValue | None:
    if "月" not in cleaned:  # every date the pattern reads names its month (most targets are no date)
        return None
    match = _DEADLINE.fullmatch(cleaned)
    if match is None:
        return None
    year, day = match["year"], match["day"]
    try:
        deadline = Deadline(
            year=None if year is None else int(year),
            month=int(match["month"]),
            day=None if day is None else int(day),
            bound=DeadlineBound.ON if match["bound"] is None else DeadlineBound.BEFORE,
        )
    except ValueError:
        # 2024年2月30日, 13月: shaped like a date, but no date; not a quantity either.
        return _unparsed(raw)
    return TargetValue(raw=raw, kind=TargetKind.DEADLINE, deadline=deadline)


def _split_suffix(rest: str) -> tuple[str, Comparator | None]:
    if not rest.endswith(_SUFFIXES):  # no word after the number (most units): one test, not one per word
        return rest, None
    for word, comparator in _SUFFIX_WORDS.items():
        if rest.endswith(word):
            return rest[: -len(word)], comparator
    return rest, None


@functools.lru_cache(maxsize=1024)  # a pure function of the text: a few units (%, 个, 人次) recur in every document
def _is_unit(unit: str) -> bool:
    return (
        _UNIT.fullmatch(unit) is not None
        and _is_stable(unit)
        and not unit.startswith(_APPROXIMATE_STARTS)
        and not unit.endswith(_APPROXIMATE_ENDS)
        and not unit.endswith(_SUFFIXES)
    )


def _looks_like_a_date(number: Decimal, unit: str | None) -> bool:
    # Without a comparator in front, "2024年" is a year and "12月底前" a date, not quantities
    # of 2024 years or 12 months; the deadline reader has taken the dates it can read.
    if unit is None:
        return False
    year = number.as_tuple().exponent == 0 and 1000 <= number <= 9999
    return unit.startswith("月") or (unit.startswith("年") and year)


def _read_quantity(raw: str, cleaned: str) -> TargetValue | None:
    match = _QUANTITY.fullmatch(cleaned)
    if match is None:
        return None
    number_text = squeeze_spaces(match["number"])
    if _PLAIN_NUMBER.fullmatch(number_text) is None:
        return None
    # No printed figure has so many digits: not a quantity (and the long text is not converted).
    if len(number_text) > 2 * MAX_WHOLE_DIGITS + 10:
        return None
    number = Decimal(number_text.replace(",", ""))
    if size_problem(number) is not None:
        return None
    prefix = match["prefix"]
    before = None if prefix is None else _PREFIXES[squeeze_spaces(prefix)]
    unit_text, after = _split_suffix(squeeze_spaces(match["rest"]))
    if unit_text and not _is_unit(unit_text):
        return None
    if before is not None and after is not None and before is not after:
        return None  # "大于90%以上" contradicts itself
    unit = unit_text or None
    if before is None and _looks_like_a_date(number, unit):
        return None
    return _checked_value(raw, TargetKind.QUANTITATIVE, comparator=before or after, number=number, unit=unit)


def _is_cjk(ch: str) -> bool:
    return "CJK UNIFIED IDEOGRAPH" in unicodedata.name(ch, "")


# The block of CJK unified ideographs every document writes in: each is a letter (Lo), none a
# comparison, and width folding leaves each as it is (tests/test_targets.py checks every one). Text
# of these alone is wording as far as its characters go: no test of each character by name.
_COMMON_IDEOGRAPHS = "\u4e00-\u9fff"
_IDEOGRAPHS_ONLY = re.compile(f"[{_COMMON_IDEOGRAPHS}]+")
_AN_IDEOGRAPH = re.compile(f"[{_COMMON_IDEOGRAPHS}]")


def _read_wording(raw: str, cleaned: str) -> TargetValue | None:
    text = squeeze_spaces(cleaned)
    if not text or text in _PLACEHOLDERS or any(part in text for part in _PLACEHOLDER_PARTS):
        return None
    # Common ideographs alone (most wording) pass every test of the characters below, unasked.
    if _IDEOGRAPHS_ONLY.fullmatch(text) is None and (
        (_AN_IDEOGRAPH.search(text) is None and not any(_is_cjk(ch) for ch in text))
        # Letters, punctuation and symbols only: no digits, marks, controls or separators.
        or any(unicodedata.category(ch)[0] not in "LPS" for ch in text)
        or any(ch in _COMPARISON_CHARS for ch in text)
        or not _is_stable(text)
    ):
        return None
    return _checked_value(raw, TargetKind.QUALITATIVE, text=text)


def _unparsed(raw: str) -> TargetValue:
    return TargetValue(raw=raw, kind=TargetKind.UNPARSED)


# Characters none of which width folding (NFKC) makes a digit: ASCII but its digits, general and CJK
# punctuation, the common ideographs, and the full-width forms but their digits (tests/test_targets.py
# checks every one). NFKC folds a text character by character as far as digits go.
_NO_DIGIT_TEXT = re.compile("[\x00-/:-\x7f\u2010-\u2027\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff5e]*")


def reads_no_figure(text: str) -> bool:
    """Whether ``text`` holds no character that width folding makes a digit, so that
    :func:`parse_target` reads in it neither a quantity nor a deadline (``False`` tells nothing: a
    quick test, for text that is mostly wording).

    >>> reads_no_figure("培训覆盖率（%）"), reads_no_figure("≥９５%"), reads_no_figure("12月底前")
    (True, False, False)
    """
    return _NO_DIGIT_TEXT.fullmatch(text) is not None


def parse_target(text: str) -> TargetValue:
    """Read a printed target value or prior-year actual (解析指标值); never guesses, never raises.

    Accepted forms (after full-width folding and removal of wrap spaces):

    * comparators ``≥ >= > = ＞＝ ≧ = ＝ ≤ <= < = ≦ > <``, LaTeX ``$\\geq 98\\%$``, and words
      before the number (不低于 不少于 大于等于 至少 / 不高于 不超过 不多于 小于等于 / 大于 高于
      超过 / 小于 低于 / 等于) or after it (以上 及以上 / 以下 以内 内);
    * a number with thousands separators or one wrap space between digits, then a unit;
      a bare number keeps ``comparator=None``: the document did not say which comparison;
    * a date with month (``2024年12月31日前``, ``2024 年 5 月前``, ``12月``) as a deadline;
    * Chinese wording without digits as qualitative text, wrap spaces removed.

    Anything else, placeholders (``无``, ``当年指标, 无上年完成值``) and the empty string
    included, is ``UNPARSED`` with ``raw`` kept. Only a non-``str`` argument raises
    (``TypeError``).

    >>> str(parse_target("1.2万人以上")), str(parse_target("=100.47 万人"))
    ('≥1.2万人', '=100.47万人')
    >>> parse_target("53人").comparator is None
    True
    >>> parse_target("≥11.8 万人/10 元").kind
    <TargetKind.UNPARSED: 'unparsed'>
    """
    if not isinstance(text, str):
        raise TypeError(f"a target value must be read from str, not {type(text).__name__}")
    cleaned = _clean(text)
    if cleaned is None:
        return _unparsed(text)
    return (
        _read_deadline(text, cleaned)
        or _read_quantity(text, cleaned)
        or _read_wording(text, cleaned)
        or _unparsed(text)
    )
