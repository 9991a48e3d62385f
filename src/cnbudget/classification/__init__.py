"""The 政府收支分类 catalogue (政府收支分类科目): subjects by year, names, correspondence.

The bundled data covers the editions of 2017 to 2026, each with the names valid that year: every
类 of 支出功能分类, the 款 and 项 of the 类 budget documents use most, the 部门 and 政府
economic classifications, the correspondence between them, and the vocabulary of funding
sources. Each subject records whether our list of its children is complete, and each edition
whether our lists were checked against it, so a missing code is reported either as "no such
subject" or as "not in our data". Your own CSV list can be loaded with :func:`load_catalog_csv`.

>>> import cnbudget.classification as c  # the function is also cnbudget.catalog
>>> cat = c.catalog(2024)
>>> cat["2101501"].name
'行政运行'
>>> [s.name for s in cat["2101501"].path]
['卫生健康支出', '医疗保障管理事务', '行政运行']
>>> cat.economic("30101").name, cat.gov_economic("50101").name
('基本工资', '工资奖金津补贴')
>>> c.catalog(2017)["210"].name, c.catalog(2017).economic("310").name
('医疗卫生与计划生育支出', '其他资本性支出')
"""

from __future__ import annotations

from cnbudget.classification.catalog import COVERED_YEARS, Catalog, catalog, load_catalog_csv
from cnbudget.classification.correspondence import Correspondence
from cnbudget.classification.funding import FundingSourceEntry, FundingVocabulary
from cnbudget.classification.names import MatchKind, NameMatch, normalise_name
from cnbudget.classification.subject import Family, FormerName, Subject

__all__ = [
    "COVERED_YEARS",
    "Catalog",
    "Correspondence",
    "Family",
    "FormerName",
    "FundingSourceEntry",
    "FundingVocabulary",
    "MatchKind",
    "NameMatch",
    "Subject",
    "catalog",
    "load_catalog_csv",
    "normalise_name",
]

