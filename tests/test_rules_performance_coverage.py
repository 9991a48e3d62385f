"""What the performance targets cover and what their quantities say (PERF-015 … PERF-018, and the
swapped digits PERF-012 and NARR-006 name): for each rule a passing, a failing, a rounding-boundary
(where the rule compares figures) and an absent-input fixture, and the published documents."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs
import pytest

from cnbudget.codes import FunctionCode
from cnbudget.examples import example
from cnbudget.model import (
    DepartmentTarget,
    EconomicCategoryAmounts,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    Passage,
    ProjectExpenditureLine,
    ProjectExpenditureTable,
    ProjectLine,
    ProjectTable,
    ProjectType,
    SourceAmounts,
    Statement,
    Tables,
    Task,
)
from cnbudget.validation import Severity, validate
from tests.test_rules_performance import _department, _doc, _found, _ind, _project, _skipped, _summary

D = Decimal
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


# --- PERF-015: the department-wide target against the spending ----------------------------------------


def _spending(total: str, basic: str = "0", project: str | None = None) -> Tables:
    project = project if project is not None else str(D(total) - D(basic))
    line = FunctionLine(name="合计", amounts=ExpenditureAmounts(total=total, basic=basic, project=project))
    return Tables(expenditure=ExpenditureTable(lines=[line]))


def _severities_015(target_total: str, spending: str) -> list[Severity]:
    doc = _doc(department=_department(total=target_total), tables=_spending(spending))
    return [f.severity for f in _found(doc, "PERF-015")]


def test_a_target_covering_the_spending_passes() -> None:
    assert _severities_015("2081.55", "2081.55") == []
    sources = _department(superior="96.86", own="1984.69", other="0")  # seed 004's form: 2,081.55
    assert _found(_doc(department=sources, tables=_spending("2081.55", "274.69")), "PERF-015") == []


def test_two_digits_swapped_are_an_error() -> None:
    (found,) = _found(_doc(department=_department(total="2018.55"), tables=_spending("2081.55")), "PERF-015")
    assert (found.severity, found.expected, found.actual) == (ERROR, D("2081.55"), D("2018.55"))
    assert "两位数字颠倒" in found.message and found.locations[0].table == "department_target"


def test_another_difference_is_a_warning() -> None:
    assert _severities_015("2000.00", "2081.55") == [WARNING]


def test_the_rounding_boundary() -> None:
    # 2,081.5 stands for [2,081.45, 2,081.55]: it reaches 2,081.55 (a note); 2,081.4 does not.
    assert _severities_015("2081.5", "2081.55") == [INFO]
    assert _severities_015("2081.6", "2081.55") == [INFO]
    assert _severities_015("2081.4", "2081.55") == [WARNING]


def test_without_tables_the_texts_spending_is_the_budget() -> None:
    said = [Statement(section="三、关于某局2024年支出预算情况说明", subject="支出预算", amount="2081.55"),
            Statement(section="三、关于某局2024年支出预算情况说明", subject="基本支出", amount="274.69"),
            Statement(section="三、关于某局2024年支出预算情况说明", subject="项目支出", amount="1806.86")]
    doc = attrs.evolve(_doc(department=_department(total="2018.55")), statements=said)
    (found,) = _found(doc, "PERF-015")
    assert found.severity is ERROR and found.expected == D("2081.55")


def test_where_the_summary_is_read_perf_012_speaks() -> None:
    doc = _doc(department=_department(total="2018.55"), tables=_summary("2081.55"))
    assert _found(doc, "PERF-015") == []
    (found,) = _found(doc, "PERF-012")  # PERF-012 names the swapped digits too
    assert found.severity is ERROR and "两位数字颠倒" in found.message


def test_nothing_to_hold_the_target_against_gives_nothing() -> None:
    assert _found(_doc(department=_department(total="2018.55")), "PERF-015") == []  # no spending stated
    assert _found(_doc(_project(), tables=_spending("10.00")), "PERF-015") == []  # no department target
    assert _skipped(_doc(performance=False, tables=_spending("10.00")), "PERF-015")


# --- PERF-016: every project of the project tables has a target ----------------------------------------


def _projects(*rows: tuple[str, str], code: str = "2101502") -> Tables:
    lines = [ProjectExpenditureLine(agency="某局", code=FunctionCode(code), name="一般行政管理事务", project=name,
                                    amounts=EconomicCategoryAmounts(total=amount)) for name, amount in rows]
    return Tables(general_budget_projects=ProjectExpenditureTable(lines=lines))


def test_every_project_with_a_target_passes() -> None:
    tables = _projects(("2024年综合业务费", "10.00"), ("宣传经费", "10.00"))
    doc = _doc(_project(project="综合业务费"), _project(project="宣传经费"), tables=tables)
    assert _found(doc, "PERF-016") == []  # a year added to the name is the same project


def test_a_target_of_the_same_amount_and_a_name_alike_is_the_projects() -> None:
    # Seed 001: the table's 2024年综合业务费 (86.78) has the target 2024年综合运行费 (PERF-013 names the two).
    tables = _projects(("2024年综合业务费", "86.78"))
    assert _found(_doc(_project(project="2024年综合运行费", total="86.78", fiscal="86.78"), tables=tables),
                  "PERF-016") == []
    # Rounding: a form printing 86.8 stands for 86.78; 86.6 does not.
    assert _found(_doc(_project(project="2024年综合运行费", total="86.8", fiscal="86.8"), tables=tables),
                  "PERF-016") == []
    assert [f.severity for f in _found(_doc(_project(project="2024年综合运行费", total="86.6", fiscal="86.6"),
                                            tables=tables), "PERF-016")] == [WARNING]


def test_a_project_without_a_target_is_a_warning_and_a_carried_one_a_note() -> None:
    tables = _projects(("宣传经费", "10.00"), ("信息化运维项目", "17.03"), ("2023年结转信息化项目", "5.00"))
    found = _found(_doc(_project(project="宣传经费"), tables=tables), "PERF-016")
    assert [(f.severity, f.locations[0].project, f.actual) for f in found] == [
        (WARNING, "信息化运维项目", D("17.03")), (INFO, "2023年结转信息化项目", D("5.00"))]


def test_a_project_over_several_codes_is_one_project() -> None:
    lines = [ProjectExpenditureLine(agency="某局", code=FunctionCode(code), name="x", project="信息化运维项目",
                                    amounts=EconomicCategoryAmounts(total="5.00")) for code in ("2101502", "2101599")]
    tables = Tables(general_budget_projects=ProjectExpenditureTable(lines=lines))
    doc = _doc(_project(project="宣传经费"), tables=tables)
    (found,) = _found(doc, "PERF-016")
    assert found.actual == D("10.00")


def test_the_henan_project_table_is_held_too() -> None:
    row = ProjectLine(agency="延津县医疗保障局", name="城乡医疗救助", project_type=ProjectType.SPECIFIC,
                      amounts=SourceAmounts(total="405.64"))
    tables = Tables(projects=ProjectTable(lines=[row]))
    assert [f.locations[0].table for f in _found(_doc(_project(project="宣传经费"), tables=tables), "PERF-016")] == [
        "projects"]
    assert _found(_doc(_project(project="城乡医疗救助", agency="延津县医疗保障局"), tables=tables), "PERF-016") == []


def test_no_project_target_published_means_no_finding() -> None:
    tables = _projects(("信息化运维项目", "17.03"))
    assert _found(_doc(department=_department(total="17.03"), tables=tables), "PERF-016") == []
    assert _skipped(_doc(performance=False, tables=tables), "PERF-016")


# --- PERF-017: units the figure cannot have ------------------------------------------------------------


@pytest.mark.parametrize(("name", "target", "severity"), [
    ("接种人次", "≤5 万人", WARNING),  # seed 003: vaccinations counted in people
    ("虚报参保人数", "=0%", WARNING),  # seed 001: a count of people as a percentage
    ("参保率", "≥12 万人", WARNING),  # a rate counted in people
    ("参保人数", "≥204000 万人", ERROR),  # 20.4 亿 people: more than live in China
])
def test_a_unit_the_indicator_cannot_have(name: str, target: str, severity: Severity) -> None:
    (found,) = _found(_doc(_project(_ind(name, target))), "PERF-017")
    assert found.severity is severity and name in found.message


@pytest.mark.parametrize(("name", "target"), [
    ("参保人数", "≥13500 人"), ("参保人数", "≥9.54 万人"), ("接种人次", "≤5 万人次"), ("参保率", "≥95%"),
    ("参保人数(人)", "=5 万元"),  # a unit printed after the name is PERF-005's
    ("宣传次数", ">=3 次"), ("群众满意度", "有效提升"), ("参保率提高比例", "≥2 个百分点"),
    ("参保人数", "≤150000 万人"),  # the population boundary: 15 亿 people is not more than it
])
def test_units_that_fit_the_indicator_pass(name: str, target: str) -> None:
    assert _found(_doc(_project(_ind(name, target))), "PERF-017") == []


def test_just_above_the_population_is_an_error() -> None:
    assert [f.severity for f in _found(_doc(_project(_ind("参保人数", "≤150001 万人"))), "PERF-017")] == [ERROR]


def test_no_targets_means_no_unit_check() -> None:
    assert _skipped(_doc(performance=False), "PERF-017")


# --- PERF-018: targets against the text ----------------------------------------------------------------

NAME = "城乡居民基本医疗保险参保人数"


def _goal(target: str, goal: str) -> list[Severity]:
    doc = _doc(_project(_ind(NAME, target), goal=goal))
    return [f.severity for f in _found(doc, "PERF-018")]


@pytest.mark.parametrize(("target", "goal"), [
    ("≥9.54 万人", f"预计完成{NAME}9.54万人，减轻参保群众负担。"),
    ("≥9.54 万人", f"确保{NAME}12万人。"),  # above the floor
    ("=9.54 万人", f"确保{NAME}不少于9.54万人。"),
    ("=14 万人", f"{NAME}约12万人。"),  # said to be approximate
    ("≥9.54 万人", "保障参保群众看病就医。"),  # the text does not state the quantity
])
def test_a_target_the_text_agrees_with_passes(target: str, goal: str) -> None:
    assert _goal(target, goal) == []


@pytest.mark.parametrize(("target", "goal"), [
    ("≥9.54 人", f"确保{NAME}不少于9.54万人。"),  # the same number, in units of another scale
    ("=14 万人", f"用于保障{NAME}12万人。"),  # two exact figures
    ("≥9.54 万人", f"预计完成{NAME}9万人。"),  # below the floor
    ("=10 万人", f"确保{NAME}不少于12万人。"),  # a floor above the exact target
])
def test_a_target_the_text_contradicts_is_a_warning(target: str, goal: str) -> None:
    assert _goal(target, goal) == [WARNING]


def test_the_prose_is_read_where_only_one_target_names_the_quantity() -> None:
    prose = [Passage(text=f"资金分配情况：用于保障{NAME}12万人。", line_number=5)]
    doc = attrs.evolve(_doc(_project(_ind(NAME, "=14 万人"))), prose=prose)
    assert [f.severity for f in _found(doc, "PERF-018")] == [WARNING]
    two = _doc(_project(_ind(NAME, "=14 万人")), _project(_ind(NAME, "=12 万人"), project="参保经费"))
    doc = attrs.evolve(two, prose=prose)
    assert _found(doc, "PERF-018") == []  # the name stands for two quantities: the prose says which?


def test_the_department_targets_tasks_are_its_text() -> None:
    target = DepartmentTarget(department="某局", tasks=[Task(name="参保扩面", content=f"{NAME}达到9万人")],
                              indicators=[_ind(NAME, "≥9.54 万人")])
    assert [f.severity for f in _found(_doc(department=target), "PERF-018")] == [WARNING]


def test_no_targets_means_no_comparison_with_the_text() -> None:
    assert _skipped(_doc(performance=False), "PERF-018")


# --- the published documents ---------------------------------------------------------------------------


def test_urumqi_prints_a_project_without_a_target() -> None:
    # 一般公共预算项目支出情况表 lists 206 04 99 信息化运维项目 17.03; the ten target forms (and the
    # text's "（一）项目名称：信息化运维项目") publish no target for it. The department-wide target's
    # 237.97 + 2,022.69 + 905.62 = 3,166.28 is the 收支总表's total (PERF-012, and so not PERF-015).
    report = validate(example("urumqi-2024"), rules=["PERF-015", "PERF-016"])
    assert [(f.rule, f.severity, f.locations[0].project, f.actual) for f in report.findings] == [
        ("PERF-016", WARNING, "信息化运维项目", D("17.03"))]


@pytest.mark.parametrize(("name", "words"), [("urumqi-2024", "虚报参保人数"), ("yanjin-2024", "接种人次")])
def test_the_seeds_units_that_cannot_be_right(name: str, words: str) -> None:
    (found,) = validate(example(name), rules=["PERF-017", "PERF-018"]).findings
    assert (found.rule, found.severity) == ("PERF-017", WARNING) and words in found.message


@pytest.mark.parametrize("name", ["aketao-2023", "luntai-2024", "putuo-commerce-2025", "jiangsu-procuratorate-2019"])
def test_the_other_examples_targets_cover_and_agree(name: str) -> None:
    # aketao: every table project has a target (names differing only in years, or as PERF-013 pairs
    # them); luntai's forms were read incompletely (the rules do not run); the others print no targets.
    report = validate(example(name), rules=["PERF-015", "PERF-016", "PERF-017", "PERF-018"])
    assert report.findings == ()


def test_the_luntai_department_target_text_has_two_digits_swapped() -> None:
    (found,) = validate(example("luntai-2024"), rules=["NARR-006"]).findings
    assert (found.severity, found.expected, found.actual) == (ERROR, D("2081.55"), D("2018.55"))


def test_the_budget_figures_a_department_target_is_held_against_are_made_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Every statement of the department-wide target's money is held against the same figures: made
    # for each, they went through every statement again (quadratic in a long narrative).
    from cnbudget.validation.context import Context
    from cnbudget.validation.rules import narrative_totals
    from cnbudget.validation.rules.cross_table_figures import Figure
    from cnbudget.validation.rules.narrative_statements import Placed

    doc = example("luntai-2024")
    stated = [s for s in doc.statements if "整体" in s.subject and s.amount is not None]
    assert stated
    doc = attrs.evolve(doc, statements=(*doc.statements, *stated * 20))
    made: list[int] = []
    budget_figures = narrative_totals._budget_figures

    def counted(ctx: Context, items: Sequence[Placed]) -> list[Figure]:
        made.append(len(items))
        return budget_figures(ctx, items)

    monkeypatch.setattr(narrative_totals, "_budget_figures", counted)
    findings = validate(doc, rules=["NARR-006"]).findings
    assert len(made) == 1
    assert findings and all(f.severity is ERROR for f in findings)  # the swapped digits, each place
