"""Every code the real documents in ../shared/corpus print is in the catalogue of their year.

The corpus holds published budgets of 2017-2019 (Jiangsu) and 2023-2025 (Shanghai), each with a
table-aware extraction ``tsv.txt`` (one table row a line, cells joined by TAB) and its fiscal year in
``source.md``. Codes are printed whole ("2040401") or split over 类|款|项 columns ("208 05 05"),
some tables twice a row; the summary tables name the 类 by ordinal ("九、卫生健康支出"). Each code
must be in ``catalog(year)`` under the name printed (an official name, a known variant or a
name cut short), except the document errors listed below. Without the corpus the tests skip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import cnbudget.classification as c
from tests.seeds import CORPUS, missing

_AMOUNT = re.compile(r"-?[\d,]+(\.\d+)?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CODE = re.compile(r"[235]\d{2}(?:\d{2}){0,2}")
_ORDINAL = re.compile(r"(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)(\S+(?:支出|预备费))")
# Ordinal rows of the summary tables that are not 类.
_NOT_CATEGORIES = {"基本支出", "项目支出"}

# Rows whose printed name or code is not the catalogue's, each checked to be reported as such.
# (document, code, printed name): why it is the document, not the catalogue, that is wrong.
DOCUMENT_ERRORS = {
    ("js-procuratorate-2018", "2040405", "公诉、审判、侦查、执行等检察监督支出"):
        "a description of several 项 printed as the name of 2040405 公诉和审判监督",
    ("sh-putuo-welfarehome-2024-unit-budget", "30108", "机关事业单位基本养老保险费"):
        "缴费 printed as 费",
    **{
        ("sh-putuo-welfarehome-2024-unit-budget", code, name): "the 款 of 302 numbered 01, 02, … "
        "in print order instead of by their codes"
        for code, name in [
            ("30202", "咨询费"), ("30203", "水费"), ("30204", "电费"), ("30205", "邮电费"),
            ("30206", "办公设备购置费"), ("30207", "工会经费"), ("30208", "福利费"),
            ("30210", "车辆运行费"), ("30211", "事业单位离退休人员福利费"),
            ("30212", "机关事业单位退休人员活动费"), ("30213", "其他商品和服务支出"),
        ]
    },
    ("sh-putuo-welfarehome-2024-unit-budget", "303", "离退休人员经费"):
        "a heading of the unit's own printed as the name of 303",
    ("sh-putuo-welfarehome-2024-unit-budget", "30301", "退休费"):
        "retirement pay (30302) printed under 30301 离休费",
}
# 类 named by ordinal with a name the year no longer uses (an old template).
OBSOLETE_CATEGORY_NAMES = {
    ("js-cppcc-2019-tables", "文化体育与传媒支出"),
    ("js-cppcc-2019-tables", "医疗卫生与计划生育支出"),
    ("js-cppcc-2019-tables", "国土海洋气象等支出"),
    ("sh-putuo-welfarehome-2024-unit-budget", "医疗卫生与计划生育支出"),
}


@attrs.frozen
class Printed:
    """A code and the name printed beside it, with its line in ``tsv.txt``."""

    code: str
    name: str
    line: int

    @property
    def family(self) -> c.Family:
        return c.Family.of(self.code)


@attrs.frozen
class Document:
    """One corpus document: its folder name, fiscal year and what its tables print."""

    name: str
    year: int
    codes: tuple[Printed, ...]
    categories: tuple[Printed, ...]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")]


def _is_name(cell: str) -> bool:
    return bool(_HAN.search(cell)) and not _AMOUNT.fullmatch(cell)


def printed_codes(lines: list[str]) -> Iterator[Printed]:
    """Coded rows: a whole code or a 类 followed by its 款 and 项 cells, then the name; a row
    may hold two such groups (the 决算 tables print two columns of economic codes)."""
    for number, line in enumerate(lines, 1):
        if "\t" not in line:
            continue
        cells = _cells(line)
        index = 0
        while index < len(cells):
            first = cells[index]
            if not _CODE.fullmatch(first):
                index += 1
                continue
            parts, after = [first], index + 1
            levels = 3 if first.startswith("2") else 2
            if len(first) == 3:
                while after < len(cells) and len(parts) < levels and re.fullmatch(r"\d{2}", cells[after]):
                    parts.append(cells[after])
                    after += 1
            while after < len(cells) and not cells[after]:
                after += 1
            if after < len(cells) and _is_name(cells[after]):
                yield Printed("".join(parts), "".join(cells[after].split()), number)
                index = after + 1
            else:
                index += 1


def printed_categories(lines: list[str]) -> Iterator[Printed]:
    """The 类 the summary tables name by ordinal ("九、卫生健康支出"), without a code."""
    for number, line in enumerate(lines, 1):
        for cell in _cells(line) if "\t" in line else ():
            found = _ORDINAL.fullmatch(cell)
            if found and found.group(1) not in _NOT_CATEGORIES:
                yield Printed("", found.group(1), number)


def _year(folder: Path) -> int:
    found = re.search(r"fiscal year:\s*(20\d{2})", (folder / "source.md").read_text(encoding="utf-8"))
    assert found, f"no fiscal year in {folder}/source.md"
    return int(found.group(1))


def _folders() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if (p / "tsv.txt").is_file() and (p / "source.md").is_file())


def _read(folder: Path) -> Document:
    lines = (folder / "tsv.txt").read_text(encoding="utf-8").splitlines()
    return Document(folder.name, _year(folder), tuple(printed_codes(lines)), tuple(printed_categories(lines)))


@pytest.fixture(params=_folders() or (None,), ids=lambda p: p.name if p else "absent")
def document(request: pytest.FixtureRequest) -> Document:
    if request.param is None:
        missing(f"the corpus of published documents is not available at {CORPUS}")
    folder: Path = request.param
    return _read(folder)


def _known(doc: Document, printed: Printed) -> bool:
    return (doc.name, printed.code, printed.name) in DOCUMENT_ERRORS


def test_every_printed_code_is_in_the_catalogue_of_its_year(document: Document) -> None:
    cat = c.catalog(document.year)
    missing = [
        f"line {p.line}: {cat.explain_unknown(p.code, p.family)}"
        for p in document.codes
        if cat.get(p.code, p.family) is None and not _known(document, p)
    ]
    assert not missing, "\n".join(missing)


def test_every_printed_name_is_a_name_of_its_year(document: Document) -> None:
    cat = c.catalog(document.year)
    wrong = []
    for p in document.codes:
        if cat.get(p.code, p.family) is None or _known(document, p):
            continue
        match = cat.match_name(p.code, p.name, p.family)
        # A former name would be an old template: the year's own names must be found.
        if not match.ok or match.obsolete:
            wrong.append(f"line {p.line}: {match.describe()}")
    assert not wrong, "\n".join(wrong)


def test_every_category_named_by_ordinal_is_a_category_of_its_year(document: Document) -> None:
    cat = c.catalog(document.year)
    wrong = []
    for p in document.categories:
        found = [s for s in cat.find(p.name) if s.level == 1]
        if not found:
            wrong.append(f"line {p.line}: no 类 named {p.name} in {document.year}")
            continue
        obsolete = cat.match_name(found[0].code, p.name).obsolete
        if obsolete != ((document.name, p.name) in OBSOLETE_CATEGORY_NAMES):
            wrong.append(f"line {p.line}: {cat.match_name(found[0].code, p.name).describe()}")
    assert not wrong, "\n".join(wrong)


def test_the_listed_document_errors_are_reported() -> None:
    folders = {p.name: p for p in _folders()}
    if not folders:
        missing(f"the corpus of published documents is not available at {CORPUS}")
    for (name, code, printed), why in DOCUMENT_ERRORS.items():
        doc = _read(folders[name])
        assert (code, printed) in {(p.code, p.name) for p in doc.codes}, (name, code, printed)
        cat = c.catalog(doc.year)
        family = c.Family.of(code)
        subject = cat.get(code, family)
        assert subject is None or not cat.match_name(code, printed, family).ok, why
    for name, printed in OBSOLETE_CATEGORY_NAMES:
        doc = _read(folders[name])
        assert printed in {p.name for p in doc.categories}
        assert any(cat_match.obsolete for cat_match in (
            c.catalog(doc.year).match_name(s.code, printed) for s in c.catalog(doc.year).find(printed)
        ))


# What the readers must find, so that a reader that silently stops reading fails here.
EXPECTED = {
    "js-procuratorate-2017": [
        ("2040404", "查办和预防职务犯罪"), ("2080504", "未归口管理的行政单位离退休"),
        ("30104", "其他社会保障缴费"), ("30307", "医疗费"), ("30311", "住房公积金"),
        ("30312", "提租补贴"), ("310", "其他资本性支出"), ("31002", "办公设备购置"),
    ],
    "js-procuratorate-2019": [("2040410", "检察监督"), ("20805", "行政事业单位离退休")],
    "js-party-office-2018-tables": [("20131", "党委办公厅（室）及相关机构事务")],
    "js-cppcc-2019-tables": [("2010204", "政协会议"), ("2210202", "提租补贴")],
    "sh-putuo-wanli-2023-dept-budget": [("20805", "行政事业单位养老支出"), ("2210203", "购房补贴")],
    "sh-putuo-commerce-2025-dept-budget": [("215", "资源勘探工业信息等支出"), ("31002", "办公设备购置")],
    "final-sh-putuo-finance-2024": [("30311", "代缴社会保险费"), ("31022", "无形资产购置")],
}


# Full documents whose tables are images in the PDF and are published again as "-tables".
TEXT_ONLY = {"js-party-office-2018", "js-cppcc-2019"}


def test_the_readers_find_what_each_document_prints(document: Document) -> None:
    found = {(p.code, p.name) for p in document.codes}
    for expected in EXPECTED.get(document.name, []):
        assert expected in found
    if document.name in TEXT_ONLY:
        assert not document.codes
    else:
        assert len(document.codes) >= 20
        assert document.categories
