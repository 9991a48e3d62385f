"""How a printed name matches a code of the catalogue (名称比对), kept per catalogue.

The documents of one fiscal year print the same subjects under the same few names (the official
name, a known variant, a name cut short): a batch of them, or one document checked again, asks the
catalogue the same questions. The answer is a pure function of the catalogue, the code and the
name, so it is kept with the catalogue (:func:`~cnbudget.classification.catalog.per_catalogue`:
bounded, and gone with the catalogue), and no result changes.

>>> from cnbudget.classification import catalog
>>> from cnbudget.codes import FunctionCode
>>> name_match(catalog(2024), FunctionCode("2101501"), "行政运行").ok
True
"""

from __future__ import annotations

from cnbudget.classification import Catalog, Family, NameMatch
from cnbudget.classification.catalog import per_catalogue
from cnbudget.codes import ClassificationCode

__all__ = ["name_match"]


@per_catalogue
def name_match(catalog: Catalog, code: ClassificationCode, name: str) -> NameMatch:
    """How the printed ``name`` matches ``code`` (a code ``catalog`` holds), in the code's family."""
    return catalog.match_name(code, name, Family.of_type(type(code)))
