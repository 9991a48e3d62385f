"""The 政府收支分类 catalogue: look-ups, names, unknown codes, years, user CSV files, data."""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import cnbudget.classification as c
from cnbudget.classification.names import is_truncation, normalise_name
from cnbudget.classification.subject import Family
from cnbudget.codes import EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.errors import DataError, InvalidCode, UnknownCode
from cnbudget.vocab import AgencyKind, FundingSource

CAT = c.catalog(2024)


# -- look-ups ---------------------------------------------------------------------------------


def test_function_subject_by_code_text_or_code() -> None:
    assert CAT["2101501"].name == "行政运行"
    assert CAT[FunctionCode("210 15 01")] is CAT["2101501"]
    assert CAT["2101501"].code == FunctionCode("2101501")


def test_path_runs_from_the_category_down() -> None:
    assert [s.name for s in CAT["2101501"].path] == ["卫生健康支出", "医疗保障管理事务", "行政运行"]
    assert [s.level for s in CAT["2101501"].path] == [1, 2, 3]
    assert CAT["210"].parent is None
    assert CAT["2101501"].parent is CAT["21015"]


def test_economic_families() -> None:
    assert CAT.economic("30101").name == "基本工资"
    assert CAT.economic("302 13").name == "维修（护）费"
    assert CAT.gov_economic("50101").name == "工资奖金津补贴"
    assert CAT.economic("30239").name == "其他交通费用"
    assert CAT.economic("30309").name == "奖励金"
    assert CAT.economic("31302").parent is CAT.economic("313")
    assert CAT.economic("313").name == "对社会保障基金补助"
    assert CAT.get(EconomicCode("30101")) is CAT.economic("30101")
    assert CAT.subject("50501", "gov_economic").name == "工资福利支出"


def test_contains_and_get() -> None:
    assert "2101501" in CAT
    assert FunctionCode("2101501") in CAT
    assert EconomicCode("30101") in CAT
    assert "2101507" not in CAT
    assert "not a code" not in CAT
    assert 2101501 not in CAT
    assert CAT.get("2101507") is None
    assert CAT.get("30199", "economic") is CAT.economic("30199")


def test_malformed_code_is_invalid_not_unknown() -> None:
    with pytest.raises(InvalidCode):
        CAT["30101"]  # an economic code is not a function code
    with pytest.raises(InvalidCode):
        CAT.economic("50101")


def test_children_and_their_completeness() -> None:
    assert [str(s.code) for s in CAT.children("21015")] == [
        "2101501", "2101502", "2101503", "2101504", "2101505", "2101506", "2101550", "2101599",
    ]
    assert CAT.children_complete("21015") is True
    assert CAT.children_complete("21099") is False
    assert CAT.children_complete(None) is True
    assert CAT.children_complete(None, family="economic") is True
    assert [str(s.code) for s in CAT.children(None, family="economic")] == [
        "301", "302", "303", "307", "309", "310", "311", "312", "313", "399",
    ]
    assert CAT.children("2101501") == ()
    assert CAT.children(CAT["221"]) == CAT.children("221")


def test_iteration_is_in_code_order_with_parents_first() -> None:
    codes = [s.code for s in CAT]
    assert codes == sorted(codes)
    seen: set[object] = set()
    for subject in CAT:
        assert subject.parent is None or subject.parent.code in seen
        seen.add(subject.code)
    assert len(CAT) == len(codes)


def test_the_categories_of_the_2024_edition() -> None:
    names = {str(s.code): s.name for s in CAT.children()}
    assert len(names) == 30
    assert names["207"] == "文化旅游体育与传媒支出"
    assert names["215"] == "资源勘探工业信息等支出"
    assert names["234"] == "抗疫特别国债安排的支出"
    assert not {"218", "225", "226", "228"} & set(names)


# -- correspondence ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("economic", "kind", "gov"),
    [
        ("30101", AgencyKind.ADMINISTRATIVE, "50101"),
        ("30101", AgencyKind.CIVIL_SERVICE_MANAGED, "50101"),
        ("30101", AgencyKind.INSTITUTION, "50501"),
        ("30108", AgencyKind.ADMINISTRATIVE, "50102"),
        ("30113", AgencyKind.ADMINISTRATIVE, "50103"),
        ("30199", AgencyKind.CIVIL_SERVICE_MANAGED, "50199"),
        ("30107", AgencyKind.INSTITUTION, "50501"),
        ("30201", AgencyKind.ADMINISTRATIVE, "50201"),
        ("30201", AgencyKind.INSTITUTION, "50502"),
        ("30213", AgencyKind.ADMINISTRATIVE, "50209"),
        ("30227", AgencyKind.ADMINISTRATIVE, "50205"),
        ("30302", AgencyKind.ADMINISTRATIVE, "50905"),
        ("30302", AgencyKind.INSTITUTION, "50905"),
        ("30307", AgencyKind.CIVIL_SERVICE_MANAGED, "50901"),
        ("31302", AgencyKind.INSTITUTION, "51002"),
    ],
)
def test_correspondence_by_kind_of_agency(economic: str, kind: AgencyKind, gov: str) -> None:
    found = CAT.gov_economic_for(economic, kind)
    assert found is not None
    assert found.code == GovEconomicCode(gov)


def test_correspondence_accepts_chinese_kinds_and_codes() -> None:
    found = CAT.gov_economic_for(EconomicCode("30102"), "参照公务员法管理事业单位")
    assert found is not None and str(found.code) == "50101"


def test_missing_correspondence_is_none_and_unknown_code_an_error() -> None:
    # 绩效工资 of an administrative agency: not in our correspondence table.
    assert CAT.gov_economic_for("30107", AgencyKind.ADMINISTRATIVE) is None
    with pytest.raises(UnknownCode):
        CAT.gov_economic_for("30115", AgencyKind.ADMINISTRATIVE)


def test_correspondence_by_kind_table() -> None:
    kinds = CAT.correspondence.kinds_for(EconomicCode("30101"))
    assert kinds[AgencyKind.INSTITUTION] == (GovEconomicCode("50501"),)
    assert kinds[AgencyKind.ADMINISTRATIVE] == (GovEconomicCode("50101"),)


# -- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "printed", "kind"),
    [
        ("2101501", "行政运行", c.MatchKind.EXACT),
        ("2101704", "中医(民族医)药专项", c.MatchKind.NORMALISED),
        ("2101704", "中医（民族医） 药专项", c.MatchKind.NORMALISED),
        ("2101550", "事业单位运行", c.MatchKind.VARIANT),
        ("234", "抗疫特别国债还本支出", c.MatchKind.VARIANT),
        ("205", "教育", c.MatchKind.VARIANT),
        ("210", "医疗卫生与计划生育支出", c.MatchKind.FORMER),
        ("212", "城乡社区事务", c.MatchKind.FORMER),
        ("2101599", "其他医疗保障管理事务支", c.MatchKind.TRUNCATED),
        ("2101506", "医疗保障经办", c.MatchKind.TRUNCATED),
        ("2101501", "事业运行", c.MatchKind.MISMATCH),
        ("2101599", "其他", c.MatchKind.MISMATCH),
        ("2101599", "其他医疗保障管理事务支出费", c.MatchKind.MISMATCH),
    ],
)
def test_match_kinds(code: str, printed: str, kind: c.MatchKind) -> None:
    match = CAT.match_name(code, printed)
    assert match.kind is kind
    assert match.ok is (kind is not c.MatchKind.MISMATCH)
    assert match.official == CAT[code].name


def test_economic_names_match_in_their_family() -> None:
    assert CAT.match_name("30213", "维修(护)费", "economic").kind is c.MatchKind.NORMALISED
    assert CAT.match_name(GovEconomicCode("50209"), "维修(护)费").kind is c.MatchKind.NORMALISED
    assert CAT.match_name(EconomicCode("303"), "对个人和家庭的补贴").kind is c.MatchKind.VARIANT
    assert CAT.match_name(EconomicCode("302"), "商品服务支出").kind is c.MatchKind.VARIANT


def test_former_name_carries_its_years() -> None:
    match = CAT.match_name("210", "医疗卫生与计划生育支出")
    assert match.obsolete
    assert match.former is not None and match.former.until == 2018
    assert "former name of 210 (until 2018)" in match.describe()
    assert "卫生健康支出" in match.describe()
    dated = CAT.match_name("215", "资源勘探信息等支出")
    assert dated.former is not None and dated.former.years == "until 2019"
    undated = CAT.match_name("212", "城乡社区事务")
    assert undated.former is not None and undated.former.years == "years not recorded"


def test_mismatch_names_the_code_the_name_belongs_to() -> None:
    match = CAT.match_name("2101501", "医疗保障经办事务")
    assert match.kind is c.MatchKind.MISMATCH
    assert match.belongs_to == (FunctionCode("2101506"),)
    assert "it names 2101506" in match.describe()
    assert CAT.match_name("2101501", "完全无关").belongs_to == ()


def test_truncation_needs_a_unique_prefix() -> None:
    # "其他医疗" would start no other name under 21015, but "医疗保障" starts two.
    assert CAT.match_name("2101505", "医疗保障").kind is c.MatchKind.MISMATCH
    assert not is_truncation("医疗保障", "医疗保障政策管理", ["医疗保障经办事务"])
    assert is_truncation("医疗保障政", "医疗保障政策管理", ["医疗保障经办事务"])


def test_match_name_of_unknown_code_raises() -> None:
    with pytest.raises(UnknownCode):
        CAT.match_name("2101507", "行政运行")


def test_find_by_every_kind_of_name() -> None:
    assert CAT.find("医疗保障管理事务") == [CAT["21015"]]
    assert CAT.find("维修(护)费", family="economic") == [CAT.economic("30213")]
    assert CAT.find("医疗卫生与计划生育支出") == [CAT["210"]]
    assert CAT.find("事业单位运行") == [CAT["2101550"]]
    assert CAT.find("其他医疗保障管理事务支") == [CAT["2101599"]]
    assert CAT.find("") == []
    assert CAT.find("不存在的科目名称") == []


def test_find_under_a_parent_and_ranking() -> None:
    everywhere = CAT.find("行政运行")
    assert len(everywhere) >= 4
    assert CAT.find("行政运行", under="21015") == [CAT["2101501"]]
    assert CAT.find("行政运行", under=CAT["210"]) == [CAT["2100101"], CAT["2101501"]]
    assert CAT.find("其他支出", under="229") == [CAT["22999"], CAT["2299999"]]
    # An exact name ranks before a truncated one.
    assert CAT.find("工资福利支出", family="gov_economic")[0] is CAT.gov_economic("50501")
    assert CAT.find("住房公积金", family="economic") == [CAT.economic("30113")]


def test_normalise_name() -> None:
    assert normalise_name("（一）\u3000维修 （护）费") == "(一)维修(护)费"


# -- unknown codes ----------------------------------------------------------------------------


def _message(code: str, cat: c.Catalog = CAT, family: str = "function") -> str:
    with pytest.raises(UnknownCode) as caught:
        cat.subject(code, family)
    assert isinstance(caught.value, KeyError)
    return str(caught.value)


def test_unknown_code_where_our_list_is_complete() -> None:
    assert _message("2101507") == (
        "2101507 is not in the 2024 catalogue: the list of 项 under 21015 医疗保障管理事务 "
        "is complete, so no such subject exists"
    )
    assert "list of 类 is complete" in _message("218")
    assert "neither is 218" in _message("2180101")
    assert "under 301 工资福利支出 is complete" in _message("30115", family="economic")
    assert "部门预算支出经济分类" in _message("30115", family="economic")


def test_unknown_code_where_our_list_is_not_complete() -> None:
    message = _message("2109901")
    assert message == (
        "2109901 is not in the 2024 catalogue: our list of 项 under 21099 其他卫生健康支出 "
        "is not complete: the code may exist but is not in our data"
    )
    assert "may exist" in _message("2100801")
    assert "neither is 21008" in _message("2100801")
    assert "may exist" in _message("50999", family="gov_economic")


def test_unknown_code_valid_in_other_years() -> None:
    assert _message("21010").endswith("21010 食品和药品监督管理事务 was abolished after 2018")
    assert "abolished after 2018" in _message("2101001")
    assert _message("20138", c.catalog(2018)).endswith("was introduced in 2019")


def test_the_2025_list_of_categories_is_not_claimed_complete() -> None:
    assert c.catalog(2025).covered
    assert not c.catalog(2025).children_complete(None)
    assert "our list of 类 is not complete" in _message("218", c.catalog(2025))


# -- years ------------------------------------------------------------------------------------


def test_covered_years_and_cache() -> None:
    editions = tuple(range(2017, 2027))
    assert editions == c.COVERED_YEARS
    assert c.catalog(2024) is c.catalog(2024)
    assert c.catalog(2023).year == 2023


def test_names_by_year() -> None:
    assert c.catalog(2023)["210"].name == "卫生健康支出"
    old = c.catalog(2018)
    assert old["210"].name == "医疗卫生与计划生育支出"
    assert old["207"].name == "文化体育与传媒支出"
    assert "21010" in old and "20138" not in old
    assert old.match_name("210", "卫生健康支出").kind is c.MatchKind.MISMATCH


def test_uncovered_years_claim_nothing_complete() -> None:
    old = c.catalog(2016)
    assert not old.covered
    assert not old["21011"].children_complete
    assert not old.children_complete(None)
    assert "not an edition our data covers" in _message("2101107", old)


@pytest.mark.parametrize("year", [2006, 1999, 2101])
def test_years_without_a_classification(year: int) -> None:
    with pytest.raises(ValueError, match="2007"):
        c.catalog(year)


@pytest.mark.parametrize("year", ["2024", 2024.0, True])
def test_year_must_be_an_int(year: object) -> None:
    with pytest.raises(TypeError):
        c.catalog(year)  # type: ignore[arg-type]  # a wrong type on purpose


# -- funding sources --------------------------------------------------------------------------


def test_funding_vocabulary_agrees_with_the_enum() -> None:
    sources = CAT.funding_sources
    assert [e.source for e in sources] == list(FundingSource)
    for entry in sources:
        assert entry.name == entry.source.zh
        assert entry.parent is entry.source.parent


@pytest.mark.parametrize(
    ("printed", "source"),
    [
        ("一般公共预算拨款", FundingSource.GENERAL_BUDGET),
        ("一般财力", FundingSource.GENERAL_OWN),
        ("上级一般公共预算安排转移支付", FundingSource.GENERAL_TRANSFER),
        ("上级一般公共预算安排的转移支付", FundingSource.GENERAL_TRANSFER),
        ("基金预算拨款", FundingSource.GOV_FUND),
        ("财政专户核拨", FundingSource.SPECIAL_ACCOUNT),
        ("财政专户(教育收费)", FundingSource.SPECIAL_ACCOUNT),
        ("事业单位经营收入", FundingSource.OPERATING_INCOME),
        ("财政拨款结转", FundingSource.FISCAL_CARRYOVER),
        ("非财政拨款结转结余", FundingSource.NON_FISCAL_CARRYOVER),
    ],
)
def test_funding_lookup(printed: str, source: FundingSource) -> None:
    assert CAT.funding_sources.lookup(printed) is source


def test_funding_lookup_of_unknown_name() -> None:
    assert CAT.funding_sources.lookup("天上掉下来的钱") is None


# -- user CSV files ---------------------------------------------------------------------------

OFFICIAL = """科目编码,科目名称
210,卫生健康支出
21015,医疗保障管理事务
2101501,行政运行
2101502,一般行政管理事务
2101550,事业运行
301,工资福利支出
30101,基本工资
"""


def test_load_the_official_two_column_form(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(OFFICIAL, encoding="utf-8")
    cat = c.load_catalog_csv(path, year=2026, complete=True)
    assert cat.year == 2026 and cat.covered
    assert cat["2101502"].name == "一般行政管理事务"
    assert cat.economic("30101").name == "基本工资"
    assert "no such subject exists" in _message("2101503", cat)
    assert cat.source.endswith("list.csv")
    # Known printed variants come along unless refused.
    assert cat.match_name("2101550", "事业单位运行").kind is c.MatchKind.VARIANT
    bare = c.load_catalog_csv(path, year=2026, known_names=False)
    assert bare.match_name("2101550", "事业单位运行").kind is c.MatchKind.MISMATCH
    assert "may exist" in _message("2101503", bare)


def test_load_the_bundled_form_with_years_and_a_bom(tmp_path: Path) -> None:
    text = (
        "\ufeffcode,name,since,until,children_complete,note\n"
        "210,医疗卫生与计划生育支出,,2018,false,\n"
        "210,卫生健康支出,2019,,true,\n"
        "21015,医疗保障管理事务,2019,,false,\n"
    )
    path = tmp_path / "bundled-form.csv"
    path.write_bytes(text.encode("utf-8"))
    new = c.load_catalog_csv(path, year=2020)
    assert new["210"].name == "卫生健康支出"
    assert new["210"].former_names[0].until == 2018
    assert new.children_complete("210")
    old = c.load_catalog_csv(path, year=2017)
    assert old["210"].name == "医疗卫生与计划生育支出"
    assert "was introduced in 2019" in _message("21015", old)


def test_load_from_text_and_binary_files() -> None:
    assert "2101501" in c.load_catalog_csv(io.StringIO(OFFICIAL), year=2024)
    assert "2101501" in c.load_catalog_csv(io.BytesIO(OFFICIAL.encode("utf-8")), year=2024)


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("科目编码,科目名称\n210,卫生健康支出\n21x,坏\n", ":3", "must consist of digits"),
        ("科目编码,科目名称\n210,卫生健康支出\n21015,\n", ":3", "name is blank"),
        ("科目编码,科目名称\n210,卫生健康支出\n,无编码\n", ":3", "code is blank"),
        ("科目编码,科目名称\n2101501,行政运行\n", ":2", "parent 21015"),
        ("科目编码,科目名称\n210,卫生健康支出\n210,又一个\n", ":3", "overlapping years"),
        ("科目编码,科目名称\n410,不是科目\n", ":2", "must start with 2"),
        ("code,name,since,until\n210,卫生健康支出,2020,2019\n", ":2", "after until"),
        ("code,name,since\n210,卫生健康支出,二〇二〇\n", ":2", "must be a year"),
        ("code,name,since\n210,卫生健康支出,1990\n", ":2", "outside"),
        ("code,name,children_complete\n210,卫生健康支出,maybe\n", ":2", "true or false"),
        ("code,name\n210,卫生健康支出,extra\n", ":2", "3 cells"),
        ("编号,标题\n210,卫生健康支出\n", ":1", "header must name"),
        ("", "", "empty"),
    ],
)
def test_bad_user_files_name_the_line(text: str, where: str, reason: str) -> None:
    source = io.StringIO(text)
    source.name = "user.csv"
    with pytest.raises(DataError) as caught:
        c.load_catalog_csv(source, year=2024)
    assert any(
        path == f"user.csv{where}" and reason in message for path, message in caught.value.problems
    ), caught.value.problems


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = "科目编码,科目名称\n21x,坏\n3y,坏\n210,\n"
    with pytest.raises(DataError) as caught:
        c.load_catalog_csv(io.StringIO(text), year=2024)
    assert len(caught.value.problems) == 3


def test_unreadable_files(tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("科目编码,科目名称\n210,卫生健康支出\n".encode("gb18030"))
    with pytest.raises(DataError, match="UTF-8"):
        c.load_catalog_csv(latin, year=2024)
    with pytest.raises(DataError, match="cannot read"):
        c.load_catalog_csv(tmp_path / "missing.csv", year=2024)


# -- integrity of the bundled data ------------------------------------------------------------


def _bundled(name: str) -> list[dict[str, str]]:
    text = resources.files("cnbudget.classification").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


FAMILY_FILES = {
    "function.csv": FunctionCode,
    "economic.csv": EconomicCode,
    "gov_economic.csv": GovEconomicCode,
}


@pytest.mark.parametrize(("name", "code_type"), FAMILY_FILES.items())
def test_bundled_codes_are_valid_and_named_cleanly(name: str, code_type: type) -> None:
    rows = _bundled(name)
    assert rows
    for row in rows:
        code_type(row["code"])
        assert row["code"] == row["code"].strip() and row["code"].isdigit()
        assert row["name"], row
        assert row["name"] == "".join(row["name"].split()), row
        assert row["children_complete"] in ("true", "false")
        for key in ("since", "until"):
            assert row[key] == "" or 2007 <= int(row[key]) <= 2100


@pytest.mark.parametrize("name", FAMILY_FILES)
def test_bundled_codes_do_not_overlap_in_years(name: str) -> None:
    spans: dict[str, list[tuple[int, int]]] = {}
    for row in _bundled(name):
        span = (int(row["since"] or 0), int(row["until"] or 9999))
        for other in spans.get(row["code"], []):
            assert span[1] < other[0] or other[1] < span[0], row
        spans.setdefault(row["code"], []).append(span)


@pytest.mark.parametrize("year", [2016, 2018, 2019, *c.COVERED_YEARS])
def test_every_subject_has_its_parent(year: int) -> None:
    cat = c.catalog(year)
    for family in c.Family:
        for subject in cat.subjects(family):
            parent = subject.code.parent
            if parent is not None:
                assert subject.parent is cat.get(parent), subject


def test_bundled_variants_and_former_names_are_meaningful() -> None:
    for row in _bundled("names.csv"):
        assert row["kind"] in ("variant", "former")
        assert row["note"], row
        used = [
            subject
            for year in c.COVERED_YEARS
            if (subject := c.catalog(year).get(row["code"], c.Family.of(row["code"]))) is not None
            and row["name"] in (*subject.variants, *(f.name for f in subject.former_names))
        ]
        # Each name counts in some covered year, and never as the official name itself.
        assert used, row
        assert all(normalise_name(row["name"]) != normalise_name(s.name) for s in used), row


def test_bundled_correspondence_points_at_known_codes() -> None:
    rows = _bundled("correspondence.csv")
    assert rows
    for row in rows:
        assert CAT.economic(row["economic_code"]).level == 2
        assert CAT.gov_economic(row["gov_economic_code"]).level == 2
        for part in filter(None, row["agency_kind"].split("|")):
            AgencyKind.from_zh(part)


def test_bundled_correspondence_has_one_answer_per_kind() -> None:
    for subject in CAT.subjects("economic"):
        if subject.level == 2:
            for kind in AgencyKind:
                found = CAT.correspondence.lookup(EconomicCode(subject.code.digits), kind)
                assert len(found) <= 1


def test_funding_names_are_unambiguous() -> None:
    seen: dict[str, FundingSource] = {}
    for entry in CAT.funding_sources:
        for name in entry.names:
            key = normalise_name(name)
            assert seen.setdefault(key, entry.source) is entry.source, name


def test_every_category_has_a_complete_flag_and_known_name_history() -> None:
    for subject in CAT.children():
        assert subject.level == 1
    assert [f.name for f in CAT["210"].former_names] == ["医疗卫生与计划生育支出", "医疗卫生与计划生育"]
    assert {f.until for f in CAT["210"].former_names} == {2018}
    assert {f.name for f in CAT["212"].former_names} == {"城乡社区事务", "城乡社区事务支出"}


# -- properties -------------------------------------------------------------------------------

ALL_SUBJECTS = [s for family in c.Family for s in CAT.subjects(family)]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ALL_SUBJECTS))
def test_find_by_the_name_of_any_subject_finds_it(subject: c.Subject) -> None:
    assert subject in CAT.find(subject.name, family=subject.family)
    for variant in subject.variants:
        assert subject in CAT.find(variant, family=subject.family)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(ALL_SUBJECTS), st.data())
def test_any_unique_cut_of_an_official_name_still_matches(
    subject: c.Subject, data: st.DataObject
) -> None:
    assume(len(subject.name) > 4)
    cut = data.draw(st.integers(min_value=4, max_value=len(subject.name) - 1))
    prefix = subject.name[:cut]
    other_names = {*subject.variants, *(f.name for f in subject.former_names)}
    assume(normalise_name(prefix) not in {normalise_name(n) for n in other_names})
    siblings = CAT.children(subject.parent, family=subject.family)
    assume(not any(s.name.startswith(prefix) for s in siblings if s is not subject))
    assert CAT.match_name(subject.code, prefix).kind is c.MatchKind.TRUNCATED
    assert subject in CAT.find(prefix, under=subject.parent, family=subject.family)


def test_family_of_a_code_type() -> None:
    from cnbudget.classification import Family
    from cnbudget.codes import EconomicCode, FunctionCode, GovEconomicCode

    assert Family.of_type(FunctionCode) is Family.FUNCTION
    assert Family.of_type(EconomicCode) is Family.ECONOMIC
    assert Family.of_type(GovEconomicCode) is Family.GOV_ECONOMIC
    assert Family.of_type(type(EconomicCode("30101"))) is Family.of(EconomicCode("30101"))



@pytest.mark.parametrize("year", c.COVERED_YEARS)
def test_subjects_of_a_family_are_every_subject_of_its_codes_in_code_order(year: int) -> None:
    # subjects() tells the family by the code's class and orders by digits: held to the plain way,
    # every subject the catalogue holds whose family is the one asked, sorted by code.
    found = c.catalog(year)
    held = list(found._subjects.values())
    for family in Family:
        plain = sorted((s for s in held if s.family is family), key=lambda s: s.code)
        assert list(found.subjects(family)) == plain
    assert sum(len(found.subjects(family)) for family in Family) == len(held)
    assert found.subjects(Family.FUNCTION)[0].code == FunctionCode("201")
