"""Every code and name printed in the published documents in ../shared/seeds is in the catalogue.

The documents are real budget disclosures; their tables print codes in several layouts (three
columns 类|款|项, one column "205 教育支出", ordinal rows "十、卫生健康", compact economic codes
beside government ones, and a PDF extraction that prints some rows back to front). Each reader
below handles one layout and keeps only what it can read with certainty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import cnbudget.classification as c
from cnbudget.codes import EconomicCode, GovEconomicCode
from cnbudget.text import normalize_width
from cnbudget.vocab import AgencyKind
from tests.seeds import SEEDS, missing


@attrs.frozen
class Printed:
    """A code and the name a document prints beside it (name may be empty)."""

    seed: str
    family: c.Family
    code: str
    name: str
    line: int


@attrs.frozen
class PrintedPair:
    """A 部门 economic code printed beside its 政府 economic code."""

    seed: str
    economic: str
    gov_economic: str
    line: int


# Document errors the catalogue must report, not accept: in one table of the 2024 延津 document
# the row for 类 209 carries 210's old name.
KNOWN_ERRORS = {("003", "209", "医疗卫生与计划生育支出")}

_TAGS = re.compile(r"<[^>]+>")
_AMOUNT = re.compile(r"^-?[\d,]+(\.\d+)?$")
# Tables grouped by agency print the agency's own code (304, 304001) in the code column.
_AGENCY_NAME = re.compile(r"(局|中心|委员会|办公室)$")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Rows of the summary tables that carry an ordinal but are totals, not 类.
_TOTAL_ROWS = {"本年支出", "年终结转结余", "本年收入", "上年结转"}


def _seed_files() -> list[Path]:
    if not SEEDS.is_dir():
        missing(f"the published documents are not available at {SEEDS}")
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        missing(f"no documents in {SEEDS}")
    return files


def _seed_id(path: Path) -> str:
    return path.name.split("_", 1)[0]


def _year(text: str) -> int:
    found = re.search(r"(20\d{2})\s*年", text)
    assert found, "no fiscal year in the document"
    return int(found.group(1))


def _numeral(text: str) -> int | None:
    """Chinese numerals up to 99 (一 … 三十四)."""
    if not text or any(ch not in _NUMERALS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _NUMERALS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    value = (_NUMERALS.get(tens, 0) if tens else 1) * 10
    return value + (_NUMERALS.get(units, 0) if units else 0)


def _cells(line: str) -> list[str]:
    return [_TAGS.sub("", cell).strip() for cell in line.split("\t")]


def _first_name(cells: list[str]) -> str:
    """The first cell that is text rather than an amount or a code."""
    for cell in cells:
        if cell and not _AMOUNT.match(cell) and not cell.isdigit():
            return cell
    return ""


def _tab_rows(seed: str, lines: list[str]) -> Iterator[Printed | PrintedPair]:
    """Tab-separated table rows: 类|款|项 columns, compact economic codes, ordinal rows."""
    for number, line in enumerate(lines, 1):
        if "\t" not in line:
            continue
        cells = _cells(line)
        first = cells[0]
        if re.fullmatch(r"[235]\d{2}", first):
            parts = [first]
            rest = cells[1:]
            limit = 3 if first[0] == "2" else 2
            while rest and len(parts) < limit and re.fullmatch(r"\d{2}", rest[0]):
                parts.append(rest.pop(0))
            # Blank 款/项 columns of a subtotal row.
            while rest and rest[0] == "" and len(parts) < limit:
                rest.pop(0)
            name = _first_name(rest)
            following = lines[number].split("\t", 1)[0] if number < len(lines) else ""
            if _AGENCY_NAME.search(name) or re.fullmatch(first + r"\d{3}", following):
                continue
            family = c.Family.of(first)
            yield Printed(seed, family, "".join(parts), name, number)
            # The 支出经济分类汇总表 prints the 政府 code right after the 部门 name.
            after = rest[rest.index(name) + 1 :] if name in rest else []
            if family is c.Family.ECONOMIC and len(after) >= 3 and re.fullmatch(r"5\d{2}", after[0]):
                gov = after[0] + (after[1] if re.fullmatch(r"\d{2}", after[1]) else "")
                gov_name = after[2] if len(gov) == 5 else after[1]
                yield Printed(seed, c.Family.GOV_ECONOMIC, gov, gov_name, number)
                yield PrintedPair(seed, "".join(parts), gov, number)
        elif re.fullmatch(r"3\d{4}", first) and len(cells) >= 4 and re.fullmatch(r"5\d{4}", cells[2]):
            yield Printed(seed, c.Family.ECONOMIC, first, cells[1], number)
            yield Printed(seed, c.Family.GOV_ECONOMIC, cells[2], cells[3], number)
            yield PrintedPair(seed, first, cells[2], number)
        for cell in cells:
            # One-column form of the summary tables: "205 教育支出".
            found = re.fullmatch(r"(2\d{2}) (\S+)", cell)
            if found:
                yield Printed(seed, c.Family.FUNCTION, found.group(1), found.group(2), number)
        if len(cells) >= 3:
            # Ordinal rows on the expenditure side (third column): "十、卫生健康", "（十）卫生健康支出".
            ordinal = re.fullmatch(r"(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）)(.+)", cells[2])
            if ordinal:
                value = _numeral(ordinal.group(1) or ordinal.group(2))
                name = ordinal.group(3).strip()
                if value is not None and name not in _TOTAL_ROWS:
                    yield Printed(seed, c.Family.FUNCTION, str(200 + value), name, number)


def _spaced_rows(seed: str, lines: list[str]) -> Iterator[Printed]:
    """Space-separated rows of a PDF extraction: "205 08 03 培训支出 0.92 …", a code line whose
    name wraps onto the next lines, one-column "205 教育支出", and rows printed back to front
    ("0.870.87行政单位离退休0105208", "61.2861.28基本工资01301")."""
    for index, raw in enumerate(lines):
        line = raw.strip()
        number = index + 1
        if "\t" in raw or not line:
            continue
        codes = re.fullmatch(r"(2\d{2})(?: (\d{2}))?(?: (\d{2}))?", line)
        if codes:
            # The name wraps: the following lines without digits, up to the amounts.
            pieces = []
            for follow in lines[index + 1 : index + 5]:
                follow = follow.strip()
                if not follow or re.search(r"\d", follow):
                    break
                pieces.append(follow)
            if pieces:
                yield Printed(seed, c.Family.FUNCTION, "".join(filter(None, codes.groups())),
                              "".join(pieces), number)
            continue
        row = re.match(r"(2\d{2})(?: (\d{2}))?(?: (\d{2}))? ([^\s\d]+) [\d,.]+", line)
        if row:
            yield Printed(seed, c.Family.FUNCTION, "".join(filter(None, row.groups()[:3])),
                          row.group(4), number)
        for found in re.finditer(r"(?<![\d,.])(2\d{2}) ([^\s\d]+支出|预备费)", line):
            yield Printed(seed, c.Family.FUNCTION, found.group(1), found.group(2), number)
        backwards = re.fullmatch(r"[\d.,]*?([^\d\s.,]+)(\d+)", line)
        if backwards:
            name, digits = backwards.groups()
            if len(digits) in (3, 5, 7) and digits[-3] in "23":
                # Columns 项 款 类 printed in reverse order.
                parts = [digits[-3:]] + [digits[i : i + 2] for i in range(len(digits) - 5, -1, -2)]
                family = c.Family.of(parts[0])
                if family is c.Family.FUNCTION or len(digits) <= 5:
                    yield Printed(seed, family, "".join(parts), name, number)


def _narrative(text: str) -> Iterator[tuple[str, str, str, int]]:
    """"卫生健康支出（类）医疗救助（款）其他医疗救助支出（项）" in the explanations; line breaks
    (a PDF extraction wraps inside names) are removed first. Yields the offset of each."""
    pattern = re.compile(r"([^\s,.:：()\d]+)\(类\)([^\s()]+?)\(款\)([^\s()]+?)\(项\)")
    joined = re.sub(r"[ \t]*\n\s*", "", normalize_width(text))
    for found in pattern.finditer(joined):
        category, section, item = found.groups()
        yield category, section, item, found.start()


def _printed(path: Path) -> tuple[int, list[Printed], list[PrintedPair]]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    seed = _seed_id(path)
    found = [*_tab_rows(seed, lines), *_spaced_rows(seed, lines)]
    return (
        _year(text),
        [p for p in found if isinstance(p, Printed)],
        [p for p in found if isinstance(p, PrintedPair)],
    )


def _documents() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.fixture(params=_documents() or (None,), ids=lambda p: p.name if p else "absent")
def document(request: pytest.FixtureRequest) -> Path:
    if request.param is None:
        missing(f"the published documents are not available at {SEEDS}")
    path: Path = request.param
    return path


def test_every_printed_code_is_in_the_catalogue(document: Path) -> None:
    year, printed, _ = _printed(document)
    cat = c.catalog(year)
    missing = [
        (p.line, p.code, p.name)
        for p in printed
        if cat.get(p.code, p.family) is None
    ]
    assert not missing, "\n".join(cat.explain_unknown(code) for _, code, _ in missing)


def test_every_printed_name_matches(document: Path) -> None:
    year, printed, _ = _printed(document)
    cat = c.catalog(year)
    wrong = []
    for p in printed:
        if not p.name:
            continue
        match = cat.match_name(p.code, p.name, p.family)
        expected_error = (p.seed, p.code, p.name) in KNOWN_ERRORS
        if match.ok == expected_error:
            wrong.append(f"line {p.line}: {match.describe()}")
    assert not wrong, "\n".join(wrong)


def test_known_document_errors_are_reported() -> None:
    cat = c.catalog(2024)
    for _, code, name in KNOWN_ERRORS:
        match = cat.match_name(code, name)
        assert match.kind is c.MatchKind.MISMATCH
        assert [str(x) for x in match.belongs_to] == ["210"]


def test_printed_economic_pairs_follow_the_correspondence(document: Path) -> None:
    year, _, pairs = _printed(document)
    cat = c.catalog(year)
    for pair in pairs:
        kinds = {
            kind
            for kind in AgencyKind
            if (found := cat.gov_economic_for(pair.economic, kind)) is not None
            and found.code == GovEconomicCode(pair.gov_economic)
        }
        assert kinds, f"line {pair.line}: {pair.economic} → {pair.gov_economic} is not published"


def test_narrative_paths_resolve(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    cat = c.catalog(_year(text))
    paths = list(_narrative(text))
    assert paths or _seed_id(document) == "003", "no (类)(款)(项) path read"
    for category, section, item, offset in paths:
        top = [s for s in cat.find(category) if s.level == 1]
        assert top, f"at {offset}: no 类 named {category}"
        middle = [s for s in cat.find(section, under=top[0]) if s.level == 2]
        assert middle, f"at {offset}: no 款 {section} under {top[0].label}"
        leaf = [s for s in cat.find(item, under=middle[0]) if s.level == 3]
        assert leaf, f"at {offset}: no 项 {item} under {middle[0].label}"


# What each document must yield, so that a reader that silently stops reading fails here.
EXPECTED = {
    "001": [("function", "2101599", "其他医疗保障管理事务支"), ("function", "2101704", "中医（民族医）药专项"),
            ("function", "234", "抗疫特别国债安排的支出"), ("economic", "30213", "维修（护）费")],
    "002": [("function", "2299999", "其他支出"), ("function", "234", "抗疫特别国债还本支出"),
            ("economic", "30231", "公务用车运行维护费")],
    "003": [("function", "2080109", "社会保险经办机构"), ("economic", "31302", "对社会保险基金补助"),
            ("gov_economic", "51002", "对社会保险基金补助"), ("function", "212", "城乡社区事务"),
            ("function", "209", "医疗卫生与计划生育支出"), ("economic", "30239", "其他交通费用")],
    "004": [("function", "2050803", "培训支出"), ("function", "2080506", "机关事业单位职业年金缴费支出"),
            ("economic", "303", "对个人和家庭的补贴"), ("economic", "30109", "职业年金缴费"),
            ("function", "2101399", "其他医疗救助支出")],
}
MINIMUM = {"001": 60, "002": 50, "003": 60, "004": 50}


def test_the_readers_find_what_each_document_prints(document: Path) -> None:
    _, printed, pairs = _printed(document)
    seed = _seed_id(document)
    found = {(p.family.value, p.code, p.name) for p in printed}
    for expected in EXPECTED.get(seed, []):
        assert expected in found
    assert len(printed) >= MINIMUM.get(seed, 1)
    if seed == "003":
        assert len(pairs) >= 30
        assert ("30107", "50501") in {(p.economic, p.gov_economic) for p in pairs}


def test_economic_codes_of_the_documents_are_well_formed(document: Path) -> None:
    _, printed, pairs = _printed(document)
    for pair in pairs:
        EconomicCode(pair.economic)
        GovEconomicCode(pair.gov_economic)
    assert all(p.code.isdigit() for p in printed)
