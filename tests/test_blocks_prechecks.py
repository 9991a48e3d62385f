"""Finding the blocks asks whether a line is a table row by stopping at its second filled cell: the
answer is the count of its filled cells above one. A block's end and a title of another kind are
looked for with their patterns only where the line starts, ends or holds what every match needs:
the answer is the patterns' own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import kinds
from cnbudget.model.kinds import title_core, title_key
from cnbudget.numbering import is_table_number
from cnbudget.readers.text import blocks
from cnbudget.readers.text.blocks import _several_filled
from cnbudget.readers.text.source import SourceLine
from cnbudget.text import normalize_width


@settings(max_examples=800)
@given(st.lists(st.sampled_from(["", " ", "201", "合计", "5.00", "一般公共预算支出表"]), max_size=6).map("\t".join))
def test_a_line_has_several_filled_cells_where_more_than_one_is_filled(raw: str) -> None:
    line = SourceLine.of(1, raw)
    assert _several_filled(line) is (len([cell for cell in line.cells if cell]) > 1)


_PIECES = ["", " ", "\t", "第一部分", "第三部分", "名词解释", "附件", "附表", "说明", "情况说明", "注", "备注",
           "：", "。", "表", "表1", "公开", "预算", "支出", "政府购买服务", "部门", "2024年", "（", "）", "(", "“",
           "”", "三公", "经费", "ｘ", "１", "—"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join)


def _ends_block_plainly(line: SourceLine) -> bool:
    return blocks._END_OF_PART.match(line.squeezed) is not None or (
        not line.is_tabular and blocks._EXPLANATION.match(line.squeezed) is not None)


def _other_core_plainly(text: str) -> str | None:
    core = title_core(text)
    if (not blocks._OTHER_CORE.match(core) or not blocks._BUDGET_WORDS.search(core)
            or blocks._SET_OF_TABLES.search(core) or title_key(text) is not None):
        return None
    return core


@settings(max_examples=1500)
@given(_TEXTS)
def test_a_block_ends_where_the_patterns_say_it_does(raw: str) -> None:
    line = SourceLine.of(1, raw)
    assert blocks._ends_block(line) is _ends_block_plainly(line)


@settings(max_examples=1500)
@given(_TEXTS)
def test_a_title_of_another_kind_is_what_the_patterns_find(text: str) -> None:
    assert blocks._other_core(text) == _other_core_plainly(text)


def test_the_plain_ways_find_what_the_shortcuts_must_keep() -> None:
    # Each shortcut is held to a plain way that finds something: a part heading, an explanation, a title.
    assert _ends_block_plainly(SourceLine.of(1, "第三部分 名词解释"))
    assert _ends_block_plainly(SourceLine.of(1, "其他相关情况说明"))
    assert _other_core_plainly("2024年政府购买服务预算表") == "政府购买服务预算表"


# --- a line without 表 titles no table: title_key tells it without the patterns ------------------------


@settings(max_examples=60)
@given(st.data())
def test_every_title_of_every_kind_holds_the_title_word(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(kinds.TABLE_KINDS))
    core = data.draw(st.from_regex(kind._pattern, fullmatch=True))
    # A title's core is its line folded and cut (title_core): folding makes 表 of no other character.
    assert kinds.TITLE_WORD in core


_AROUND = st.lists(st.sampled_from([*_PIECES, "部门", "2024年", "某某局", "衰", "・", "\u2f00", "\uf900"]),
                   max_size=3).map("".join)


@st.composite
def _title_like(draw: st.DrawFn) -> str:
    """A kind's title among other words, or a line of the pieces alone; its 表 taken out or not."""
    kind = draw(st.sampled_from(kinds.TABLE_KINDS))
    title = draw(st.from_regex(kind._pattern, fullmatch=True) | _TEXTS)
    text = draw(_AROUND) + title + draw(_AROUND)
    return text.replace(kinds.TITLE_WORD, draw(st.sampled_from(["", "衰", " "]))) if draw(st.booleans()) else text


@settings(max_examples=1500)
@given(_title_like())
def test_title_key_is_the_patterns_answer(text: str) -> None:
    assert title_key(text) == kinds._title_key(text)


# --- a title wrapped onto short lines below is joined only where its pieces hold 表 --------------------


def _title_at_plainly(lines: list[SourceLine], index: int) -> tuple[str, int] | None:
    line = lines[index]
    if (key := title_key(line.text)) is not None:
        return key, 1
    if is_table_number(line.text):
        return None
    joined = None
    for extra in (1, 2):
        if index + extra >= len(lines):
            break
        tail = lines[index + extra]
        if tail.is_blank or tail.is_tabular or len(tail.squeezed) > 8:
            break
        joined = (normalize_width(line.squeezed) if joined is None else joined) + normalize_width(tail.squeezed)
        if (key := title_key(joined.replace('""', ""))) is not None:
            return key, extra + 1
    return None


@st.composite
def _wrapped_lines(draw: st.DrawFn) -> list[SourceLine]:
    """Lines of short pieces, table numbers, and titles of every kind cut into two or three lines."""
    raws: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(kinds.TABLE_KINDS))
        title = (draw(_AROUND) + draw(st.from_regex(kind._pattern, fullmatch=True))
                 + draw(st.sampled_from(["", "单位：万元", "（2024年）", "(续)", '""'])))
        cuts = sorted(draw(st.lists(st.integers(0, len(title)), max_size=2)))
        pieces = [title[start:end] for start, end in zip([0, *cuts], [*cuts, len(title)], strict=True)]
        raws += draw(st.sampled_from([pieces, [draw(_TEXTS)], ["公开01表", *pieces], ["表 1", draw(_TEXTS)],
                                      ["", *pieces], [draw(_TEXTS), "“", "”"], ["201\t合计\t5.00"]]))
    return [SourceLine.of(number, raw) for number, raw in enumerate(raws, start=1)]


@settings(max_examples=600)
@given(_wrapped_lines())
def test_a_title_is_found_where_the_plain_way_finds_it(lines: list[SourceLine]) -> None:
    for index, line in enumerate(lines):
        if not line.is_blank and not line.is_tabular:
            assert blocks._title_at(lines, index) == _title_at_plainly(lines, index)


# --- only lines at most two above a line holding 表 are asked whether they start a title ---------------


def _find_blocks_plainly(lines: list[SourceLine], skip: list[int]) -> list[blocks.Block]:
    # Every line asked, one after the other, as the module text says.
    announced = blocks._announced_others(lines, skip)
    starts: list[tuple[int, int, str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if index in skip or line.is_blank or _several_filled(line):
            index += 1
            continue
        found = blocks._title_at(lines, index)
        if found is None and blocks._other_title_at(lines, index, announced):
            found = blocks.OTHER_KIND, 1
        if found is None:
            index += 1
            continue
        starts.append((index, found[1], found[0]))
        index += found[1]
    made = []
    for position, (start, length, key) in enumerate(starts):
        end = blocks._number_line(lines, starts[position + 1][0]) if position + 1 < len(starts) else len(lines)
        end = next((stop for stop in range(start + length, end) if blocks._ends_block(lines[stop])), end)
        made.append(blocks.Block(key=key, title=lines[start], lines=tuple(lines[start + length: end]),
                                 number=blocks._number_before(lines, start)))
    return made


_OTHER_LINES = st.sampled_from(["", "政府采购预算表", "政府购买服务预算表", "单位：万元", "收入\t金额\t合计",
                                "本表为空表。", "第三部分 名词解释", "其他相关情况说明", "一、收支预算总表",
                                "部门预算公开表", "表"])


@settings(max_examples=500)
@given(_wrapped_lines(), st.lists(st.tuples(st.integers(0, 30), _OTHER_LINES), max_size=6),
       st.lists(st.integers(0, 30), max_size=3))
def test_blocks_are_found_where_asking_every_line_finds_them(
        lines: list[SourceLine], inserted: list[tuple[int, str]], skip: list[int]) -> None:
    raws = [line.raw for line in lines]
    for at, raw in inserted:
        raws.insert(min(at, len(raws)), raw)
    every = [SourceLine.of(number, raw) for number, raw in enumerate(raws, start=1)]
    skipped = sorted({index for index in skip if index < len(every)})
    assert blocks.find_blocks(every, skipped) == _find_blocks_plainly(every, skipped)
