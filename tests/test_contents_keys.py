"""The kind a 目录 entry names by its words (:func:`loose_key`) is told the quick way as the plain way
tells it: an entry without 表 is passed over before its number and spaces are taken off, and the
kinds' words are compiled once."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.model.kinds import TABLE_KINDS, _squeezed, loose_key
from cnbudget.numbering import split_number
from cnbudget.text import normalize_width


def _plain_loose_key(entry: str) -> str | None:
    """loose_key as it was written: every entry's words worked out, each kind's pattern looked up."""
    words = _squeezed(split_number(entry)[1])
    words = re.sub(r"\([^)]*\)$", "", words)
    if not words.endswith("表"):
        return None
    return next((kind.key for kind in TABLE_KINDS if re.search(kind.keywords, words)), None)


_PIECES = st.sampled_from([
    "一、", "(八)", "（八）", "表3", "表 3 ", "③", "5 ", "第二部分", "附件：", " ", "\u3000", "2024年", "部门",
    "收支", "收入", "支出", "总体情况", "总", "预算", "财政拨款", "一般公共预算", "基本支出", "项目支出", "三公",
    "政府性基金", "国有资本经营", "上年结转结余", "经济分类汇总", "政府采购", "整体绩效目标", "项目绩效目标汇总",
    "机关运行经费", "情况", "说明", "表", "表", "(空表)", "（功能科目）", "(2024年)", "﹙空表﹚", "'", "”",
])
_TITLES = st.sampled_from([kind.title for kind in TABLE_KINDS])  # every kind's own words
_ENTRIES = st.one_of(st.lists(_PIECES, max_size=8).map("".join), st.text(max_size=12),
                     st.tuples(_PIECES, _TITLES, _PIECES).map("".join))


@given(_ENTRIES)
@example("一、部门收支总体情况表")
@example("(八)一般公共预算“三公”经费支出预算表")
@example("七、一般公共预算项目支出情况表（功能科目）")
@example("第二部分部门预算公开表")
@example("八、关于2024年政府性基金预算拨款情况说明")
@example("③ 收入预算表")
@example("表")
def test_an_entrys_kind_is_what_the_plain_way_finds(entry: str) -> None:
    assert loose_key(entry) == _plain_loose_key(entry)


def test_every_kinds_title_names_it_as_the_plain_way_finds() -> None:
    for kind in TABLE_KINDS:
        for entry in (f"一、{kind.title}", f"（三）{kind.title}(空表)", f"表5 2024年{kind.title}"):
            assert loose_key(entry) == _plain_loose_key(entry), entry


def test_only_biao_folds_to_biao() -> None:
    # What the quick way rests on: no other character width-folds into one holding 表 (nor composes
    # with another into it: 表 has no decomposition), so an entry's words end in 表 only if it holds one.
    assert unicodedata.decomposition("表") == ""
    folding = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and c != ord("表")
               and "表" in normalize_width(chr(c))]
    assert folding == []
