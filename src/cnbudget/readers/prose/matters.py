"""Other important matters (其他重要事项的情况说明): 机关运行经费, 政府采购, 国有资产.

The sections of 其他重要事项 are found by their headings (:func:`~cnbudget.readers.prose.paragraphs.matter_kind`):

* 机关运行经费 (also 单位运行经费, 机构运转经费): the stated amount with its change, rate and reason,
  read as a :class:`~cnbudget.model.Statement` like the rest of the narrative;
* 政府采购: 政府采购预算 (政府采购支出预算总额) and its 货物 / 工程 / 服务 parts (拟采购货物支出 …), the
  amounts reserved for 中小企业 and 小微企业 (面向中小企业预留 …, 预留给小型和微型企业的 …);
  ``未安排政府采购预算`` is a stated zero;
* 国有资产占用使用情况: the date (截至/截止 2023 年底), 房屋 (平方米, 价值), 车辆 (辆, 价值, and by kind after
  其中：一般公务用车 …, also in brackets: 车辆7辆（一般公务用车3辆，…）), 办公家具价值, 其他资产价值 and the
  count of large equipment (单位价值 50 万元以上 / 100 万元（含）以上设备（不含车辆）… 台), held or to be bought
  (安排购置 …); vehicles to be bought have no place in the model and are reported;
* 其他需说明的事项: its paragraphs, kept as notes.

A figure of these sections that the model has no place for (a change of the procurement budget, a
share, an equipment threshold other than 50 and 100 万元) is reported, never dropped silently.

>>> from cnbudget.readers.text.source import split_lines
>>> text = '''第三部分 2024 年部门预算情况说明
... 十二、其他重要事项的情况说明
... （一）机关运行经费情况
... 某局 2024 年的机关运行经费财政拨款预算 163.69 万元，比上年预算增加 9.18 万元，增长 5.94%。
... （二）政府采购情况
... 2024 年，某局政府采购预算 1,111.12 万元，其中：政府采购货物预算 21.68 万元，政府采购工程预算 0.00 万元，
... 政府采购服务预算 1,089.44 万元。
... （三）国有资产占用使用情况
... 截至 2023 年底，某局共有车辆 1 辆，价值 19.30 万元；其中：其他车辆 1 辆，价值 19.30 万元。
... '''
>>> matters, problems = read_other_matters(split_lines(text), department="某局", fiscal_year=2024)
>>> matters.operating_costs.subject, matters.operating_costs.amount, matters.operating_costs.change_rate
('机关运行经费财政拨款预算', Decimal('163.69'), Decimal('5.94'))
>>> matters.procurement.services, matters.assets.as_of, matters.assets.vehicles[0].kind, problems
(Decimal('1089.44'), '2023年底', '其他车辆', [])
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.model import Assets, OtherMatters, Procurement, Statement, VehicleGroup
from cnbudget.money import AmountUnit, parse_amount
from cnbudget.numbering import COUNT
from cnbudget.readers.prose.cuts import DocumentCuts
from cnbudget.readers.prose.figures import (
    NUMBER,
    change_of,
    clean_subject,
    find_amounts,
    not_arranged,
    rate_of,
    share_of,
    split_clauses,
    split_sentences,
)
from cnbudget.readers.prose.narrative import NarrativeContext, statements_in
from cnbudget.readers.prose.paragraphs import MatterKind, Section
from cnbudget.readers.result import Problem
from cnbudget.readers.text.source import SourceLine

__all__ = ["read_other_matters"]

_OPERATING_SUBJECT = re.compile(r"(?:机关|机构|单位|行政(?:（事业）|\(事业\))?单位机构)?(?:运行|运转)经费.*$")

_PROCUREMENT_FIELDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("small_micro_reserved", re.compile(r"小微企业|小型和微型企业")),
    ("sme_reserved", re.compile(r"中小企业")),
    ("goods", re.compile(r"货物")),
    ("works", re.compile(r"工程")),
    ("services", re.compile(r"服务")),
    ("total", re.compile(r"政府采购|采购预算")),
)
_NO_PROCUREMENT = re.compile(r"(?:无|没有|未安排)政府采购")

_UNIT = r"(?P<unit>亿元|万元|元)"
_VALUE = rf"(?:[，,]\s*(?:价值|账面价值|原值)(?:为|共计)?\s*(?P<value>{NUMBER})\s*{_UNIT})?"
_AS_OF = (
    re.compile(r"截[至止]\s*(?P<date>\d{4}\s*年\s*(?:年底|年末|底|末|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?))"),
    re.compile(r"(?P<date>\d{4}\s*年\s*(?:期末|年末|年底|底|末))"),
)
_BUILDING = re.compile(
    rf"(?:房屋|办公用房|房产)(?:建筑)?(?:面积)?(?:共|为|共计)?\s*(?P<area>{NUMBER})\s*平方米{_VALUE}"
)
_VEHICLES = re.compile(rf"(?P<count>{COUNT})\s*辆{_VALUE}")
_VEHICLE_KIND = re.compile(r"(?:车辆|用车|汽车)$")
_VEHICLE_TOTAL_KINDS = ("车辆", "汽车")
_KIND_LEAD = re.compile(r"^[（(]?(?:\d{1,2}\s*[、.．]\s*)?(?:其中[：:]?)?(?:共有|共计|拥有|共|有)?")
_FURNITURE = re.compile(rf"办公家具(?:价值|账面价值|原值)?(?:为|共计)?\s*(?P<value>{NUMBER})\s*{_UNIT}")
_OTHER = re.compile(rf"其他(?:国有)?资产(?:价值|账面价值|原值)?(?:为|共计)?\s*(?P<value>{NUMBER})\s*{_UNIT}")
_EQUIPMENT = re.compile(
    rf"(?P<threshold>{COUNT})\s*万元(?:[（(]含[)）])?以上[^，,；;。\d]*?设备\s*(?:[（(][^（）()\d]*[)）])?\s*(?:共|为)?\s*"
    rf"(?P<count>{COUNT})\s*(?:台|套)"
)
_PLANNED = re.compile(r"购置|拟购|计划购")
_EQUIPMENT_FIELDS = {50: "equipment_over_500k", 100: "equipment_over_1m"}
_FIGURE = re.compile(rf"(?P<number>{NUMBER})\s*(?:亿元|万元|元|辆|台|套|平方米)")


def _problem(problems: list[Problem], line: int | None, text: str, message: str) -> None:
    problems.append(Problem(line=line, text=text, message=message))


def _operating_costs(
    found: Sequence[Section], context: NarrativeContext, problems: list[Problem]
) -> Statement | None:
    """The statement of 机关运行经费; other statements of its section have no place and are reported."""
    statements, statement_problems = statements_in(found, context)
    problems.extend(statement_problems)
    chosen = next((s for s in statements if _OPERATING_SUBJECT.search(s.subject)), None)
    chosen = chosen or next((s for s in statements if s.amount is not None), None)
    for other in statements:
        if other is not chosen:
            _problem(problems, None, other.text or other.subject,
                     f"a further figure of 机关运行经费 ({other.subject}); the model keeps one statement, not read")
    if chosen is None:
        return None
    subject = _OPERATING_SUBJECT.search(chosen.subject)
    return attrs.evolve(chosen, subject=subject.group(0)) if subject else chosen


def _sentences(found: Sequence[Section]) -> Iterator[tuple[int, str]]:
    for section in found:
        for paragraph in section.body:
            for sentence in split_sentences(paragraph.text):
                yield paragraph.line, sentence


class _Fields:
    """Figures by field, keeping the first and reporting a different second one."""

    def __init__(self, what: str, problems: list[Problem]) -> None:
        self.what = what
        self.values: dict[str, Any] = {}
        self.problems = problems

    def set(self, field: str, value: Any, line: int, text: str) -> None:
        if field in self.values and self.values[field] != value:
            _problem(self.problems, line, text, f"{self.what}: a second figure for {field} ({value}) differs from "
                                                f"the first ({self.values[field]}); the first is kept")
            return
        self.values.setdefault(field, value)


def _procurement(found: Sequence[Section], unit: AmountUnit, problems: list[Problem]) -> Procurement | None:
    fields = _Fields("政府采购", problems)
    for line, sentence in _sentences(found):
        if _NO_PROCUREMENT.search(sentence):
            fields.set("total", Decimal(0), line, sentence)
        for clause in split_clauses(sentence):
            if share_of(clause) is not None or rate_of(clause) is not None:
                _problem(problems, line, clause, "a share or rate of the procurement budget; the model keeps none, "
                                                 "not read")
                continue
            nothing = not_arranged(clause)
            if nothing is not None:
                field = _procurement_field(nothing)
                if field is not None:
                    fields.set(field, Decimal(0), line, clause)
                continue
            start = 0
            for found_amount in find_amounts(clause):
                before, start = clause[start : found_amount.start], found_amount.end
                if change_of(before) is not None:
                    _problem(problems, line, clause, "a change of the procurement budget; the model keeps none, "
                                                     "not read")
                    continue
                field = _procurement_field(before)
                if field is None:
                    _problem(problems, line, clause, f"an amount ({found_amount.text}) that names no part of the "
                                                     "procurement budget; not read")
                    continue
                try:
                    fields.set(field, parse_amount(found_amount.text, unit=unit), line, clause)
                except InvalidAmount as error:  # digits past any printed amount
                    _problem(problems, line, clause, f"{error}; not read")
    return Procurement(**fields.values) if fields.values else None


def _procurement_field(subject: str) -> str | None:
    return next((field for field, pattern in _PROCUREMENT_FIELDS if pattern.search(subject)), None)


class _AssetReader:
    def __init__(self, context: NarrativeContext, problems: list[Problem]) -> None:
        self.context = context
        self.fields = _Fields("国有资产", problems)
        self.vehicles: list[VehicleGroup] = []
        self.problems = problems
        self.used: list[tuple[int, int]] = []

    def amount(self, match: re.Match[str], line: int) -> Decimal | None:
        if match["value"] is None:
            return None
        try:
            return parse_amount(f"{match['value']}{match['unit']}", unit=self.context.unit)
        except InvalidAmount as error:  # digits past any printed amount
            _problem(self.problems, line, match.group(0), f"{error}; not read")
            return None

    def read(self, line: int, sentence: str) -> None:
        self.used = []
        for pattern in _AS_OF:
            match = pattern.search(sentence)
            if match is not None and "as_of" not in self.fields.values:
                self.fields.set("as_of", "".join(match["date"].split()), line, sentence)
                break
        for match in _BUILDING.finditer(sentence):
            self.fields.set("building_area", Decimal(match["area"].replace(",", "")), line, sentence)
            if match["value"] is not None:
                self.fields.set("building_value", self.amount(match, line), line, sentence)
            self.used.append(match.span())
        self.read_vehicles(line, sentence)
        for pattern, field in ((_FURNITURE, "furniture_value"), (_OTHER, "other_value")):
            for match in pattern.finditer(sentence):
                self.fields.set(field, self.amount(match, line), line, sentence)
                self.used.append(match.span())
        for match in _EQUIPMENT.finditer(sentence):
            self.read_equipment(match, line, sentence)
        self.leftovers(line, sentence)

    def read_vehicles(self, line: int, sentence: str) -> None:
        matches = list(_VEHICLES.finditer(sentence))
        if matches and _PLANNED.search(sentence[: matches[0].start()]):
            # 2025年部门预算安排购置车辆0辆，其中：…: vehicles to be bought, which the model does not hold.
            _problem(self.problems, line, sentence,
                     "vehicles to be bought (安排购置车辆): the model keeps the vehicles held only; not read")
            self.used += [(0, len(sentence))]
            return
        breakdown = sentence.find("其中")
        start = 0
        for match in matches:
            before = sentence[start : match.start()]
            start = match.end()
            kind = re.split(r"[，,；;：:。、]", before)[-1]
            kind = _KIND_LEAD.sub("", clean_subject(kind, department=self.context.department,
                                                    year=self.context.fiscal_year))
            if not _VEHICLE_KIND.search(kind):
                continue  # left as a figure not placed
            count, value = int(match["count"]), self.amount(match, line)
            self.used.append((match.start() - len(before), match.end()))
            if (breakdown < 0 or match.start() < breakdown) and kind.endswith(_VEHICLE_TOTAL_KINDS) \
                    and not self.vehicles and "vehicle_count" not in self.fields.values:
                self.fields.set("vehicle_count", count, line, sentence)
                if value is not None:
                    self.fields.set("vehicle_value", value, line, sentence)
            else:
                self.vehicles.append(VehicleGroup(kind=kind, count=count, value=value))

    def read_equipment(self, match: re.Match[str], line: int, sentence: str) -> None:
        field = _EQUIPMENT_FIELDS.get(int(match["threshold"]))
        self.used.append(match.span())
        if field is None:
            _problem(self.problems, line, match.group(0),
                     f"equipment above {match['threshold']} 万元: the model counts equipment above 50 and 100 万元 "
                     "only; not read")
            return
        if _PLANNED.search(sentence[: match.start()]):
            field = "planned_" + field
        self.fields.set(field, int(match["count"]), line, sentence)

    def leftovers(self, line: int, sentence: str) -> None:
        for match in _FIGURE.finditer(sentence):
            inside = any(start <= match.start() and match.end() <= end for start, end in self.used)
            if not inside and not re.match(r"\s*(?:以上|以下)", sentence[match.end() :]):
                _problem(self.problems, line, sentence, f"a figure of the 国有资产 text ({match.group(0)}) that has no "
                                                        "place in the model; not read")

    def assets(self) -> Assets | None:
        if not self.fields.values and not self.vehicles:
            return None
        return Assets(vehicles=tuple(self.vehicles), **self.fields.values)


def read_other_matters(
    lines: Sequence[SourceLine],
    *,
    department: str | None = None,
    fiscal_year: int | None = None,
    unit: AmountUnit | None = None,
    cuts: DocumentCuts | None = None,
) -> tuple[OtherMatters | None, list[Problem]]:
    """其他重要事项 of the narrative part: ``None`` when the document has none of its sections.

    The department, budget year and unit are read from the document unless given (as for
    :func:`~cnbudget.readers.prose.narrative.read_statements`).
    """
    context = NarrativeContext.of(lines, department=department, fiscal_year=fiscal_year, unit=unit)
    by_kind: dict[MatterKind, list[Section]] = {kind: [] for kind in MatterKind}
    for section, kind in (cuts or DocumentCuts(lines)).narrative_sections:
        if kind is not None:
            by_kind[kind].append(section)
    if not any(by_kind.values()):
        return None, []
    problems: list[Problem] = []
    operating = _operating_costs(by_kind[MatterKind.OPERATING_COSTS], context, problems)
    procurement = _procurement(by_kind[MatterKind.PROCUREMENT], context.unit, problems)
    reader = _AssetReader(context, problems)
    for line, sentence in _sentences(by_kind[MatterKind.ASSETS]):
        reader.read(line, sentence)
    notes = tuple(paragraph.text for section in by_kind[MatterKind.NOTES] for paragraph in section.body)
    return OtherMatters(operating_costs=operating, procurement=procurement, assets=reader.assets(),
                        notes=notes), problems
