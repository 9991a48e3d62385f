"""Bundled example disclosures (内置示例), shipped as JSON inside the package.

They are real published documents turned into the model, figure for figure, and serve as the
default input of the command line and the documentation (see ``docs/examples.md``).

>>> example_names()
('aketao-2023', 'jiangsu-procuratorate-2019', 'luntai-2024', 'putuo-commerce-2025', 'urumqi-2024', 'yanjin-2024')
>>> doc = example("urumqi-2024")
>>> doc.department, doc.fiscal_year, doc.amount_unit.value
('乌鲁木齐市医疗保障局', 2024, '万元')
>>> [str(line.amounts.total) for line in doc.tables.expenditure.lines if str(line.code) == "2101501"]
['1089.27']
>>> example("no-such-example")
Traceback (most recent call last):
...
cnbudget.errors.UnknownName: no bundled example 'no-such-example'; available: ...
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from cnbudget.errors import UnknownName
from cnbudget.model import BudgetDisclosure
from cnbudget.serialize import from_json

__all__ = ["example", "example_names"]

_SUFFIX = ".json"


def example_names() -> tuple[str, ...]:
    """The names of the bundled examples, sorted."""
    files = resources.files(__name__)
    return tuple(sorted(f.name[: -len(_SUFFIX)] for f in files.iterdir() if f.name.endswith(_SUFFIX)))


@cache
def example(name: str) -> BudgetDisclosure:
    """The bundled example ``name`` (see :func:`example_names`); :class:`~cnbudget.errors.UnknownName`
    (a ``KeyError``) lists the choices."""
    if name not in example_names():
        raise UnknownName(f"no bundled example {name!r}; available: {', '.join(example_names())}")
    return from_json(resources.files(__name__).joinpath(name + _SUFFIX).read_text(encoding="utf-8"))
