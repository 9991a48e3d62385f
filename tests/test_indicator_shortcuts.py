"""Indicator rows take their cells by the columns read, kept once per table: the values are what
taking every column of the heading in turn gives, whatever roles the heading names (twice, or none).
A row's placement, made on its builder with each cell's filling asked in place, is the one the
plain way (its constructor, each cell asked of _filled) makes."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.numbering import CHAPTER_NUMBER, PART_HEADING
from cnbudget.readers.performance.indicator_tree import (
    IndicatorColumns,
    _Carry,
    _clean,
    _filled,
    _looks_like_value,
    _place,
    _Placement,
    _repeats_heading,
    _Vocabulary,
    is_section_heading,
)
from cnbudget.readers.performance.labels import is_indicator_header_text, label_key, repeats_labels
from cnbudget.readers.text.grid import is_amount
from cnbudget.readers.text.source import SourceLine
from cnbudget.targets import TargetKind, parse_target

_ROLES = st.sampled_from([None, "level1", "level2", "name", "target", "weight", "basis", "prior_actual"])
_CELLS = st.sampled_from(["", " ", "产出指标", "数量指标", "次数", ">=3次", "10", "=100%", "无"])


@settings(max_examples=400)
@given(st.lists(_ROLES, min_size=1, max_size=8), st.lists(_CELLS, max_size=10), st.booleans())
def test_a_row_takes_its_cells_as_every_column_in_turn_gives_them(
    roles: list[str | None], cells: list[str], numeric: bool,
) -> None:
    header = SourceLine.of(1, "\t".join(role or "" for role in roles) + "\tx")
    columns = IndicatorColumns(header=header.with_cells(tuple(role or "" for role in roles)), roles=tuple(roles))
    vocabulary = _Vocabulary(numeric_weights=numeric, level2_words=False)
    placement = _place(cells, columns, vocabulary, _Carry())
    expected = {role: cells[i] for i, role in enumerate(roles) if role is not None and i < len(cells)}
    assert placement.values == expected
    assert list(placement.values.items()) == list(expected.items())


_LABELS = st.sampled_from(["一级指标", "一级 指标", "二级指标", "三级指标", "指标值", "分值权重", "", "产出指标", "10"])


@settings(max_examples=400)
@given(st.lists(_LABELS, max_size=5), st.lists(_LABELS, max_size=5))
def test_a_repeated_heading_is_told_as_comparing_every_label_tells(heading: list[str], cells: list[str]) -> None:
    keys = [label_key(cell) for cell in heading]
    line = SourceLine.of(2, "x").with_cells(tuple(cells))
    assert _repeats_heading(line, keys) is ([label_key(cell) for cell in cells] == keys and len(cells) == len(keys))


def _place_plainly(cells: list[str], columns: IndicatorColumns, vocabulary: _Vocabulary, carry: _Carry) -> _Placement:
    """_place as first written: each cell's filling asked of _filled, the placement made by its constructor."""
    faults: list[str] = []
    doubts: list[str] = []
    if any(_filled(cell) for cell in cells[columns.width:]):
        faults.append("more cells than columns")
    values = {role: cells[i] for i, role in columns.read_columns if i < len(cells)}
    printed1 = _clean(values.get("level1", ""))
    printed2 = _clean(values.get("level2", ""))
    new_group = bool(printed1) or carry.level1 is None
    level1 = printed1 or carry.level1 or ""
    if not level1:
        faults.append("no 一级指标 to carry down")
    level2: str | None = None
    if columns.index("level2") is not None:
        if printed2:
            level2 = printed2
            if vocabulary.level2_words and not printed2.endswith("指标"):
                doubts.append(f"二级指标 {printed2!r} does not end in 指标 as the others do")
        elif new_group:
            faults.append("a new 一级指标 without 二级指标")
        else:
            level2 = carry.level2
    name = _clean(values.get("name", ""))
    if not name:
        faults.append("no 三级指标")
    elif _looks_like_value(name):
        faults.append(f"三级指标 {name!r} is a target value")
    if not _filled(values.get("target", "")):
        doubts.append("no 指标值")
    weight = values.get("weight", "")
    if vocabulary.numeric_weights and _filled(weight) and not is_amount(weight) and weight.strip() not in {
            "-", "—", "－", "--"}:
        faults.append(f"分值权重 {weight.strip()!r} is not a number")
    return _Placement(values=values, level1=level1, level2=level2, name=name, faults=tuple(faults),
                      doubts=tuple(doubts))


_MORE_CELLS = st.sampled_from(["", " ", "产出指标", "效益", "数量指标", "满意度", "次数", ">=3次", "10", "十", "-",
                               "=100%", "2024年12月", "无", " 覆盖 率 "])


@settings(max_examples=600)
@given(st.lists(_ROLES, min_size=1, max_size=8), st.lists(_MORE_CELLS, max_size=10), st.booleans(), st.booleans(),
       st.sampled_from([None, "产出指标"]), st.sampled_from([None, "数量指标"]))
def test_a_row_is_placed_as_the_plain_way_places_it(
    roles: list[str | None], cells: list[str], numeric: bool, words: bool, level1: str | None, level2: str | None,
) -> None:
    columns = IndicatorColumns(header=SourceLine.of(1, "x").with_cells(tuple(role or "" for role in roles)),
                               roles=tuple(roles))
    vocabulary = _Vocabulary(numeric_weights=numeric, level2_words=words)
    placement = _place(cells, columns, vocabulary, _Carry(level1, level2))
    plain = _place_plainly(cells, columns, vocabulary, _Carry(level1, level2))
    assert type(placement) is _Placement
    assert (placement.values, placement.level1, placement.level2, placement.name, placement.faults,
            placement.doubts) == (plain.values, plain.level1, plain.level2, plain.name, plain.faults, plain.doubts)
    assert placement == plain and hash(placement.key) == hash(plain.key)


_HEADINGS = st.sampled_from(["", " ", "一级指标", "一 级 指标", "一级指标:", "1.一级指标", "（一）一级指标", "二级指标",
                             "三级指标", "指标值", "其中：一级指标", "一级指标（分）", "<b>一级指标</b>", "㆒级指标",
                             "⼀级指标", "绩效指标"])


@settings(max_examples=800)
@given(st.lists(_HEADINGS, min_size=1, max_size=6))
def test_a_heading_row_is_found_where_reading_every_label_finds_it(cells: list[str]) -> None:
    line = SourceLine.of(1, "\t".join(cells) + "\tx")
    keys = [label_key(cell) for cell in line.cells]
    assert (IndicatorColumns.of(line) is not None) is is_indicator_header_text(keys)


def _looks_like_value_the_plain_way(text: str) -> bool:
    # The rule as documented: a target value's reading, asked of every 三级指标.
    value = parse_target(text)
    if value.kind is TargetKind.DEADLINE:
        return value.deadline is not None and value.deadline.year is not None
    return value.kind is TargetKind.QUANTITATIVE and (value.comparator is not None or value.unit in {"%", None})


_NAME_PIECES = st.sampled_from(["覆盖率", "群众满意度", "（%）", "100%", "≥95%", "2024年12月底前", "12月", "１０",
                                "次", "①", "㎡", " ", "人数", "≥", "以上", "—"])


@settings(max_examples=500)
@given(st.lists(_NAME_PIECES, max_size=4))
def test_a_name_looks_like_a_value_as_the_plain_way_finds(pieces: list[str]) -> None:
    name = "".join(pieces)
    assert _looks_like_value(name) is _looks_like_value_the_plain_way(name)


def test_names_that_are_values_by_hand() -> None:
    assert _looks_like_value("≥95%") and _looks_like_value("2024年12月前") and _looks_like_value("１００%")
    assert not _looks_like_value("群众满意度") and not _looks_like_value("覆盖率（%）")


@settings(max_examples=400)
@given(st.lists(st.lists(_LABELS, max_size=4), max_size=3), st.lists(_LABELS, max_size=4))
def test_a_row_repeats_one_of_several_heading_rows_as_comparing_every_label_tells(
        heading: list[list[str]], cells: list[str]) -> None:
    # The summary of targets (项目绩效目标汇总表) asks it of every row, against each of its heading rows.
    keys = [[label_key(cell) for cell in row] for row in heading]
    assert any(repeats_labels(cells, row) for row in keys) is ([label_key(cell) for cell in cells] in keys)


def _is_section_heading_the_plain_way(line: SourceLine) -> bool:
    text = line.text.lstrip()
    return "\t" not in line.raw and any(heading.match(text) for heading in (CHAPTER_NUMBER, PART_HEADING))


_LINE_PIECES = st.sampled_from([
    "（五）", "(三)", "五、", "二．", "第一部分", "第十部分", "第", "部分", "十", "零", "〇", "（", "(", "）", "2024",
    "年", "其他需说明的事项", " ", "\u3000", "\t", "产出指标", "、", "1、",
])


@settings(max_examples=1500)
@given(st.one_of(st.lists(_LINE_PIECES, max_size=5).map("".join), st.text(max_size=8)))
@example("（五）其他需说明的事项")
@example("  第二部分 部门预算表")
@example("（2024 年）")
def test_a_section_heading_is_told_as_both_patterns_tell(text: str) -> None:
    line = SourceLine.of(1, text)
    assert is_section_heading(line) is _is_section_heading_the_plain_way(line)


def test_section_headings_by_hand() -> None:
    headings = ["（五）其他需说明的事项", "三、部门预算情况说明", " 第二部分 部门预算表", "(二)其他"]
    others = ["（2024 年）", "产出指标\t数量指标", "1、宣传次数", "其他"]
    assert [is_section_heading(SourceLine.of(1, text)) for text in headings + others] == [True] * 4 + [False] * 4
