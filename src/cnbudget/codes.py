"""Classification codes as small immutable value types (科目编码).

Three code families classify every amount in a budget disclosure:

* :class:`FunctionCode` — 支出功能分类 (what the money is for): 类 3 digits, 款 +2, 项 +2,
  e.g. ``210`` 卫生健康支出 → ``21015`` 医疗保障管理事务 → ``2101501`` 行政运行.
* :class:`EconomicCode` — 部门预算支出经济分类 (what the money buys, departmental set):
  类 ``3xx``, 款 ``3xxxx``, e.g. ``30101`` 基本工资.
* :class:`GovEconomicCode` — 政府预算支出经济分类 (government set): 类 ``5xx``, 款 ``5xxxx``,
  e.g. ``50101`` 工资奖金津补贴.

A code is parsed from what documents print — ``"2101501"``, ``"210 15 01"``, ``"210-15-01"``,
full-width digits — or from the three table columns with :meth:`ClassificationCode.from_parts`.
``str()`` gives the compact form. Codes are hashable and ordered so that a parent sorts before
its children (document order of a coded table).

>>> code = FunctionCode("210 15 01")
>>> str(code), code.level, code.level_zh
('2101501', 3, '项')
>>> [str(c) for c in code.ancestors]
['210', '21015']
>>> FunctionCode("210") in [c for c in code.ancestors]
True
>>> FunctionCode.from_parts("210", "15", "") == FunctionCode("21015")
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, ClassVar, Self, TypeVar

from cnbudget.errors import InvalidCode
from cnbudget.text import normalize_width

__all__ = [
    "ClassificationCode",
    "EconomicCode",
    "FunctionCode",
    "GovEconomicCode",
]

# Separators that documents put between the 类, 款 and 项 parts.
_SEPARATORS = re.compile(r"[\s\-_./·]+")


def _compact(text: object, family: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{family} code must be given as text, not {type(text).__name__}: {text!r}")
    compact = _SEPARATORS.sub("", normalize_width(text))
    if not compact.isascii() or not compact.isdigit():
        raise InvalidCode(f"{family} code {text!r} must consist of digits")
    return compact


class ClassificationCode:
    """Base class of the code families: a string of digits with a 类/款/项 hierarchy.

    Subclasses set ``FAMILY`` (the Chinese name of the classification), ``PART_LENGTHS`` (digits
    of each level) and ``FIRST_DIGIT`` (the digit every code of the family starts with).
    Codes of different families never compare equal.
    """

    FAMILY: ClassVar[str] = ""
    FAMILY_EN: ClassVar[str] = ""
    PART_LENGTHS: ClassVar[tuple[int, ...]] = ()
    FIRST_DIGIT: ClassVar[str] = ""
    LEVEL_NAMES: ClassVar[tuple[str, ...]] = ("类", "款", "项")

    # ``digits`` is the slot itself, not a property over it: codes' digits are read thousands of
    # times a validation (keys of the code indexes, catalogue look-ups).
    __slots__ = {"_hash": None, "digits": "The compact code, digits only (科目编码)."}
    _hash: int  # codes key the run caches' dicts: hashed once, not per look-up

    # The digits at which each level ends ((3, 5, 7) for function codes), set once per class.
    _LEVEL_ENDS: ClassVar[tuple[int, ...]] = ()
    _LEVEL_OF_LENGTH: ClassVar[dict[int, int]] = {}

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        total = 0
        ends = []
        for part in cls.PART_LENGTHS:
            total += part
            ends.append(total)
        cls._LEVEL_ENDS = tuple(ends)
        cls._LEVEL_OF_LENGTH = {end: level for level, end in enumerate(ends, start=1)}

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            _compact(text, self.FAMILY)  # raises the TypeError
        # mypy takes the instances' __hash__ for the class's own: a class is hashable.
        object.__setattr__(self, "digits", _parsed(type(self), text))  # type: ignore[arg-type]
        object.__setattr__(self, "_hash", hash(self._key()))

    @classmethod
    def _of_digits(cls, digits: str) -> Self:
        """A code from digits known to be valid (the prefix of a valid code), without checking."""
        code = object.__new__(cls)
        object.__setattr__(code, "digits", digits)
        object.__setattr__(code, "_hash", hash(code._key()))
        return code

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __reduce__(self) -> tuple[type[Self], tuple[str]]:
        return (type(self), (self.digits,))

    if TYPE_CHECKING:  # the slot, read-only to the type checker as it is at run time
        @property
        def digits(self) -> str:
            """The compact code, digits only (科目编码)."""

    @classmethod
    def _lengths(cls) -> tuple[int, ...]:
        return cls._LEVEL_ENDS

    @classmethod
    def _check(cls, text: str, digits: str) -> None:
        lengths = cls._lengths()
        if len(digits) not in lengths:
            levels = "/".join(cls.LEVEL_NAMES[: len(lengths)])
            allowed = ", ".join(str(n) for n in lengths[:-1]) + f" or {lengths[-1]}"
            raise InvalidCode(
                f"{cls.FAMILY} code {text!r} has {len(digits)} digits; "
                f"a {levels} code has {allowed}"
            )
        if not digits.startswith(cls.FIRST_DIGIT):
            raise InvalidCode(
                f"{cls.FAMILY} code {text!r} must start with {cls.FIRST_DIGIT} "
                f"({cls.FAMILY_EN} codes are {cls.FIRST_DIGIT}xx)"
            )
        for start, end in pairwise((0, *lengths)):
            if end <= len(digits) and set(digits[start:end]) == {"0"}:
                raise InvalidCode(
                    f"{cls.FAMILY} code {text!r}: the {cls.LEVEL_NAMES[lengths.index(end)]} "
                    f"part {digits[start:end]!r} cannot be all zeros"
                )

    @classmethod
    def parse(cls, text: str) -> Self:
        """Parse a code from text (same as calling the class).

        >>> EconomicCode.parse("302 17")
        EconomicCode('30217')
        """
        return cls(text)

    @classmethod
    def is_valid(cls, text: str) -> bool:
        """Whether ``text`` is a well-formed code of this family.

        >>> FunctionCode.is_valid("2101501"), FunctionCode.is_valid("30101")
        (True, False)
        """
        try:
            cls(text)
        except (InvalidCode, TypeError):
            return False
        return True

    @classmethod
    def from_parts(cls, *parts: str | None) -> Self:
        """Build a code from the separate 类/款/项 columns of a table.

        Blank trailing parts are allowed (a 类 or 款 subtotal row); a blank part followed by a
        filled one is not.

        >>> str(FunctionCode.from_parts("210", "15", "01"))
        '2101501'
        >>> str(EconomicCode.from_parts("301", "01"))
        '30101'
        >>> FunctionCode.from_parts("210", "", "01")
        Traceback (most recent call last):
        ...
        cnbudget.errors.InvalidCode: 支出功能分类 code parts ('210', '', '01'): a blank 款 \
cannot be followed by a filled part
        """
        if len(parts) > len(cls.PART_LENGTHS):
            raise InvalidCode(
                f"{cls.FAMILY} code parts {parts!r}: at most {len(cls.PART_LENGTHS)} parts"
            )
        cleaned = [_SEPARATORS.sub("", normalize_width(p or "")) for p in parts]
        digits = ""
        blank_at: int | None = None
        for index, (part, length) in enumerate(zip(cleaned, cls.PART_LENGTHS, strict=False)):
            if not part:
                if blank_at is None:
                    blank_at = index
                continue
            if blank_at is not None:
                raise InvalidCode(
                    f"{cls.FAMILY} code parts {tuple(parts)!r}: a blank "
                    f"{cls.LEVEL_NAMES[blank_at]} cannot be followed by a filled part"
                )
            if len(part) != length:
                raise InvalidCode(
                    f"{cls.FAMILY} code parts {tuple(parts)!r}: the {cls.LEVEL_NAMES[index]} "
                    f"part {part!r} must have {length} digits"
                )
            digits += part
        if not digits:
            raise InvalidCode(f"{cls.FAMILY} code parts {tuple(parts)!r} are all blank")
        return cls(digits)

    @property
    def level(self) -> int:
        """1 for a 类, 2 for a 款, 3 for a 项."""
        return self._LEVEL_OF_LENGTH[len(self.digits)]

    @property
    def level_zh(self) -> str:
        """The Chinese name of the level: 类, 款 or 项."""
        return self.LEVEL_NAMES[self.level - 1]

    @property
    def parts(self) -> tuple[str, ...]:
        """The 类/款/项 parts as printed in separate table columns.

        >>> FunctionCode("2101501").parts
        ('210', '15', '01')
        """
        bounds = (0, *self._lengths())
        return tuple(self.digits[a:b] for a, b in pairwise(bounds) if b <= len(self.digits))

    @property
    def parent(self) -> Self | None:
        """The code one level up, or ``None`` for a 类.

        >>> FunctionCode("2101501").parent
        FunctionCode('21015')
        >>> FunctionCode("210").parent is None
        True
        """
        if self.level == 1:
            return None
        return self._of_digits(self.digits[: self._LEVEL_ENDS[self.level - 2]])

    @property
    def ancestors(self) -> tuple[Self, ...]:
        """All codes above this one, from the 类 down (not including the code itself)."""
        return _ancestors(type(self), self.digits)  # type: ignore[arg-type]

    @property
    def path(self) -> tuple[Self, ...]:
        """The ancestors followed by the code itself.

        >>> [str(c) for c in FunctionCode("2101501").path]
        ['210', '21015', '2101501']
        """
        return (*self.ancestors, self)

    @property
    def category(self) -> Self:
        """The 类 this code belongs to (itself for a 类)."""
        return self._of_digits(self.digits[: self.PART_LENGTHS[0]])

    def is_ancestor_of(self, other: ClassificationCode) -> bool:
        """Whether ``other`` lies strictly below this code in the same family.

        >>> FunctionCode("210").is_ancestor_of(FunctionCode("2101501"))
        True
        >>> FunctionCode("210").is_ancestor_of(FunctionCode("210"))
        False
        """
        return (
            type(other) is type(self)
            and len(other.digits) > len(self.digits)
            and other.digits.startswith(self.digits)
        )

    def contains(self, other: ClassificationCode) -> bool:
        """Whether ``other`` is this code or lies below it (containment, 包含).

        >>> FunctionCode("21015").contains(FunctionCode("2101501"))
        True
        """
        return other == self or self.is_ancestor_of(other)

    def _key(self) -> tuple[str, str]:
        return (type(self).__name__, self.digits)

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):  # the common case, without building keys
            return self.digits == other.digits
        if not isinstance(other, ClassificationCode):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return self._hash

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ClassificationCode):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, ClassificationCode):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, ClassificationCode):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, ClassificationCode):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        return self.digits

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.digits!r})"


_Code = TypeVar("_Code", bound=ClassificationCode)


# Pure functions of a code class and text, cached: documents print the same few thousand codes
# again and again (an invalid code raises, and is not cached).
@lru_cache(maxsize=1 << 14)
def _parsed(cls: type[ClassificationCode], text: str) -> str:
    """The digits of a valid code of ``cls`` printed as ``text``."""
    digits = _compact(text, cls.FAMILY)
    cls._check(text, digits)
    return digits


@lru_cache(maxsize=1 << 14)
def _ancestors(cls: type[_Code], digits: str) -> tuple[_Code, ...]:
    return tuple(cls._of_digits(digits[:end]) for end in cls._LEVEL_ENDS[: cls._LEVEL_OF_LENGTH[len(digits)] - 1])


class FunctionCode(ClassificationCode):
    """A 支出功能分类 code (expenditure by function): 类 ``2xx``, 款 ``2xxxx``, 项 ``2xxxxxx``.

    >>> FunctionCode("２１０１５０１")
    FunctionCode('2101501')
    >>> FunctionCode("30101")
    Traceback (most recent call last):
    ...
    cnbudget.errors.InvalidCode: 支出功能分类 code '30101' must start with 2 (expenditure \
function codes are 2xx)
    """

    __slots__ = ()

    FAMILY: ClassVar[str] = "支出功能分类"
    FAMILY_EN: ClassVar[str] = "expenditure function"
    PART_LENGTHS: ClassVar[tuple[int, ...]] = (3, 2, 2)
    FIRST_DIGIT: ClassVar[str] = "2"


class EconomicCode(ClassificationCode):
    """A 部门预算支出经济分类 code (departmental economic classification): ``3xx`` / ``3xxxx``.

    >>> EconomicCode("302-17").parent
    EconomicCode('302')
    """

    __slots__ = ()

    FAMILY: ClassVar[str] = "部门预算支出经济分类"
    FAMILY_EN: ClassVar[str] = "departmental economic"
    PART_LENGTHS: ClassVar[tuple[int, ...]] = (3, 2)
    FIRST_DIGIT: ClassVar[str] = "3"


class GovEconomicCode(ClassificationCode):
    """A 政府预算支出经济分类 code (government economic classification): ``5xx`` / ``5xxxx``.

    >>> GovEconomicCode("50101").level_zh
    '款'
    """

    __slots__ = ()

    FAMILY: ClassVar[str] = "政府预算支出经济分类"
    FAMILY_EN: ClassVar[str] = "government economic"
    PART_LENGTHS: ClassVar[tuple[int, ...]] = (3, 2)
    FIRST_DIGIT: ClassVar[str] = "5"
