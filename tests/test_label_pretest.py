"""A performance form's label (绩效目标表栏目名称) is looked up only where the text may be one:
``may_be_label`` rules a text out from its last character alone, and never rules out a text whose key
is a label; tokenize and the flat form's label matching give what looking every text up gives."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.performance import flat
from cnbudget.readers.performance.labels import (
    DEPARTMENT_FUND_LABELS,
    DEPARTMENT_LABELS,
    INDICATOR_COLUMN_LABELS,
    INDICATOR_SECTION_LABELS,
    PROJECT_LABELS,
    Token,
    label_key,
    may_be_label,
    tokenize,
)
from cnbudget.readers.text.source import clean_cell, split_lines

_EVERY_LABEL = frozenset({
    *PROJECT_LABELS, *DEPARTMENT_LABELS, *DEPARTMENT_FUND_LABELS, *INDICATOR_SECTION_LABELS,
    *(label for labels in INDICATOR_COLUMN_LABELS.values() for label in labels),
})

# Pieces a label is printed with (numbers, 其中, colons, brackets, markup, spaces, full-width forms) and
# pieces of values (sentences, figures, Chinese and Western punctuation, look-alikes, combining marks).
_PIECES = st.sampled_from([
    *sorted(_EVERY_LABEL), "1、", "（一）", "一、", "①", "其中：", "其中:", "：", ":", "（万元）", "(万元)", "（盖章）",
    "〔", "〕", "）", ")", "（", " ", "\u3000", "\t", "**", "<b>", "</b>", "<span>", "额", "名称", "指标", "金",
    "参保率达", "100%", "；", "，", "。", "、", "“", "”", "—", "－", "．", "1710", "9.54", "万人", "ａ", "Ｚ", "\u0301",
    "\u302a", "\u3099", "\uf900", "\u2f00", "㈠", "⑴", "㊀", "ﾞ", "≥", "x", ">", "*",
])


def _texts() -> st.SearchStrategy[str]:
    return st.one_of(st.lists(_PIECES, max_size=6).map("".join), st.text(max_size=12))


def _may_be_label_the_plain_way(text: str) -> bool:
    return label_key(text) in _EVERY_LABEL


@settings(max_examples=3000)
@given(_texts())
@example("其中：财政拨款")
@example("资金总额（万元）")
@example("1、资金来源：")
@example("部门(单位)名称")
@example("**财政资金**")
def test_a_text_ruled_out_has_no_label_for_key(text: str) -> None:
    if _may_be_label_the_plain_way(text):
        assert may_be_label(text)


def test_texts_ruled_out_and_kept_by_hand() -> None:
    # value cells: a sentence ending in 。/；/，, a figure, a name ending in a character no label ends with
    for text in ("巩固参保率。", "激活率达87%以上；", "1710", "96.86", "轮台县医疗保障局", "2023", "万人，"):
        assert not may_be_label(text), text
    # labels however printed, and texts that end as a label, a colon or a bracket may end
    for text in ("年度预算总额", "其中：财政拨款", "资金总额（万元）", "联系电话：", "年度预算总额 ", "<b>额</b>",
                 "部门名称（盖章）", "产出指标", ""):
        assert may_be_label(text), text


def _tokenize_the_plain_way(cells: list[str], labels: Mapping[str, str]) -> list[Token]:
    tokens: list[Token] = []
    for column, cell in enumerate(cells):
        text = clean_cell(cell)
        if not text:
            continue
        field = labels.get(label_key(text))
        if field is not None:
            tokens.append(Token(column=column, label=field))
            continue
        before, colon, _after = text.replace("：", ":").partition(":")
        field = labels.get(label_key(text[: len(before)])) if colon else None
        if field is not None:
            tokens.append(Token(column=column, label=field, text=text[len(before) + 1 :].strip()))
        else:
            tokens.append(Token(column=column, text=text))
    return tokens


@settings(max_examples=800)
@given(st.lists(_texts(), max_size=5), st.sampled_from([PROJECT_LABELS, DEPARTMENT_LABELS, DEPARTMENT_FUND_LABELS]))
def test_a_row_is_tokenized_as_looking_up_every_cell_tokenizes_it(
    cells: list[str], labels: Mapping[str, str],
) -> None:
    assert tokenize(cells, labels) == _tokenize_the_plain_way(cells, labels)


def _match_the_plain_way(words: list[str], labels: Mapping[str, str]) -> tuple[str, int, str] | None:
    for width in range(min(3, len(words)), 0, -1):
        field = labels.get(label_key("".join(words[:width])))
        if field is not None:
            return field, width, ""
    before, colon, _after = words[0].replace("：", ":").partition(":")
    field = labels.get(label_key(words[0][: len(before)])) if colon else None
    return None if field is None else (field, 1, words[0][len(before) + 1 :])


_WORD_PIECES = st.sampled_from([
    "年度预算总", "额：", "额", "上级安", "排", "一级指", "标", "部门名称（盖章）", "某局", "联系电话：4692118", "1710",
    "万人，", "其中：财政拨款", "其他", "资金来源", "。", "（万元）",
])


@settings(max_examples=800)
@given(st.lists(st.lists(_WORD_PIECES, min_size=1, max_size=3).map("".join), min_size=1, max_size=4),
       st.sampled_from([PROJECT_LABELS, DEPARTMENT_LABELS, DEPARTMENT_FUND_LABELS]))
def test_a_flat_label_is_matched_as_looking_up_every_width_matches_it(
    words: list[str], labels: Mapping[str, str],
) -> None:
    labels = {**labels, "一级指标": "indicators"}
    line = split_lines(" ".join(words))[0]
    found = flat._match([flat._Word(text=word, line=line) for word in words], 0, labels)
    expected = _match_the_plain_way(words, labels)
    assert (None if found is None else (found.field, found.width, found.value)) == expected


def test_the_flat_forms_labels_are_among_those_the_pretest_knows() -> None:
    assert set(PROJECT_LABELS) | set(DEPARTMENT_LABELS) | set(DEPARTMENT_FUND_LABELS) | {"一级指标"} <= _EVERY_LABEL


def test_a_flat_label_with_its_value_in_one_word_is_read() -> None:
    lines = split_lines("部门名称：某局\n联系人 张三\n联系电话：4692118\n一级指标")
    top = flat.read_flat_form(lines, department=True, table="department_target")
    assert top.texts == {"department": "某局", "contact": "张三", "phone": "4692118"}
