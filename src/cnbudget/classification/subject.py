"""One subject (科目) of the 政府收支分类 catalogue, and the code family it belongs to.

A :class:`Subject` is a code with its official name in one fiscal year, the names it had before
(:class:`FormerName`), the ways documents are known to print it (variants), and whether our data
lists all of its children (``children_complete``), so that "no such code" can be told apart from
"not in our data".

>>> import cnbudget.classification as c
>>> item = c.catalog(2024)["2101501"]
>>> item.name, item.level_zh, item.family
('行政运行', '项', <Family.FUNCTION: 'function'>)
>>> [s.name for s in item.path]
['卫生健康支出', '医疗保障管理事务', '行政运行']
"""

from __future__ import annotations

import enum

import attrs

from cnbudget.codes import ClassificationCode, EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.errors import InvalidValue

__all__ = ["AnyCode", "Family", "FormerName", "Subject"]

AnyCode = FunctionCode | EconomicCode | GovEconomicCode


class Family(enum.Enum):
    """The three code families of the catalogue (科目体系).

    >>> Family.of("30101"), Family.ECONOMIC.zh
    (<Family.ECONOMIC: 'economic'>, '部门预算支出经济分类')
    >>> Family.FUNCTION.parse("210 15 01")
    FunctionCode('2101501')
    """

    FUNCTION = "function"
    ECONOMIC = "economic"
    GOV_ECONOMIC = "gov_economic"

    @property
    def code_type(self) -> type[AnyCode]:
        """The code class of the family."""
        return _CODE_TYPES[self]

    @property
    def zh(self) -> str:
        """The Chinese name of the classification, e.g. 支出功能分类."""
        return self.code_type.FAMILY

    def parse(self, text: str | ClassificationCode) -> AnyCode:
        """A code of this family from text or a code (``InvalidCode`` if it cannot be one)."""
        if type(text) is self.code_type:
            return text  # codes are immutable: the code itself, not a copy made from its digits
        if isinstance(text, ClassificationCode):
            text = text.digits if isinstance(text, self.code_type) else str(text)
        return self.code_type(text)

    @classmethod
    def of(cls, code: str | ClassificationCode) -> Family:
        """The family of a code, or of printed digits by their first digit (2, 3 or 5).

        Text whose first digit names no family is taken as a function code, so that parsing
        it reports the problem.
        """
        if isinstance(code, ClassificationCode):
            for family, code_type in _CODE_TYPES.items():
                if isinstance(code, code_type):
                    return family
            raise TypeError(f"not a code of the catalogue: {code!r}")
        stripped = code.strip()[:1]
        for family in cls:
            if stripped == family.code_type.FIRST_DIGIT:
                return family
        return cls.FUNCTION

    @classmethod
    def coerce(cls, value: Family | str) -> Family:
        """A family from itself or its value (``"function"``, ``"economic"``, ``"gov_economic"``)."""
        if isinstance(value, Family):
            return value
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(repr(f.value) for f in cls)
            raise InvalidValue(f"not a code family: {value!r} (expected one of {names})") from None

    @classmethod
    def of_type(cls, code_type: type[ClassificationCode]) -> Family:
        """The family whose codes are of ``code_type`` (one look-up, for rules asking per row)."""
        return FAMILIES_BY_CODE_TYPE[code_type]


_CODE_TYPES: dict[Family, type[AnyCode]] = {
    Family.FUNCTION: FunctionCode,
    Family.ECONOMIC: EconomicCode,
    Family.GOV_ECONOMIC: GovEconomicCode,
}
#: Each code class of the catalogue (exactly that class) with its family.
FAMILIES_BY_CODE_TYPE: dict[type, Family] = {t: f for f, t in _CODE_TYPES.items()}


def _describe_years(since: int | None, until: int | None) -> str:
    if since is None and until is None:
        return "years not recorded"
    if since is None:
        return f"until {until}"
    if until is None:
        return f"since {since}"
    return f"{since}-{until}"


@attrs.frozen(kw_only=True)
class FormerName:
    """A name a subject had in earlier editions (曾用名), with the years when known.

    >>> FormerName(name="医疗卫生与计划生育支出", until=2018).years
    'until 2018'
    """

    name: str = attrs.field(metadata={"zh": "曾用名"})
    since: int | None = attrs.field(default=None, metadata={"zh": "起始年度"})
    until: int | None = attrs.field(default=None, metadata={"zh": "截止年度"})
    note: str = attrs.field(default="", metadata={"zh": "备注"})

    @property
    def years(self) -> str:
        """The years the name was in use, as text ("until 2018", "years not recorded")."""
        return _describe_years(self.since, self.until)


@attrs.frozen(kw_only=True, repr=False)
class Subject:
    """A subject (科目) of one catalogue year: code, official name and what we know around it.

    ``parent`` is the subject one level up (``None`` for a 类); ``children_complete`` says
    whether the catalogue lists every child of this subject for its year.

    >>> import cnbudget.classification as c
    >>> s = c.catalog(2024)["210"]
    >>> s
    Subject(code='210', name='卫生健康支出')
    >>> s.former_names[0].name, s.former_names[0].until
    ('医疗卫生与计划生育支出', 2018)
    """

    code: AnyCode = attrs.field(metadata={"zh": "科目编码"})
    name: str = attrs.field(metadata={"zh": "科目名称"})
    former_names: tuple[FormerName, ...] = attrs.field(default=(), metadata={"zh": "曾用名"})
    variants: tuple[str, ...] = attrs.field(default=(), metadata={"zh": "常见写法"})
    children_complete: bool = attrs.field(default=False, metadata={"zh": "下级科目完整"})
    # The parent follows from the code; comparing it again would only cost time.
    parent: Subject | None = attrs.field(default=None, eq=False, metadata={"zh": "上级科目"})
    since: int | None = attrs.field(default=None, metadata={"zh": "起始年度"})
    until: int | None = attrs.field(default=None, metadata={"zh": "截止年度"})
    note: str = attrs.field(default="", metadata={"zh": "备注"})

    @property
    def family(self) -> Family:
        """The code family (支出功能分类, 部门 or 政府 经济分类)."""
        return Family.of(self.code)

    @property
    def level(self) -> int:
        """1 for a 类, 2 for a 款, 3 for a 项."""
        return self.code.level

    @property
    def level_zh(self) -> str:
        """类, 款 or 项."""
        return self.code.level_zh

    @property
    def path(self) -> tuple[Subject, ...]:
        """The subjects from the 类 down to this one."""
        chain: list[Subject] = []
        node: Subject | None = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return tuple(reversed(chain))

    @property
    def label(self) -> str:
        """Code and name as one text, e.g. ``"21015 医疗保障管理事务"``."""
        return f"{self.code} {self.name}"

    def __repr__(self) -> str:
        return f"Subject(code={str(self.code)!r}, name={self.name!r})"
