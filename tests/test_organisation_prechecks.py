"""The agency reader reads a paragraph only where it says 本级 or 单位 (every pattern it looks for
holds one of them), and the pattern of 退休 (not 离退休) starts with 退: what each gives is what the
plain way gives."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.readers.prose import organisation
from cnbudget.readers.prose.figures import split_sentences
from cnbudget.readers.prose.organisation import _AgencyReader
from cnbudget.readers.prose.paragraphs import Paragraph

_PIECES = st.sampled_from([
    "某局", "本级", "（本级）", "机关本级", "单位", "下属", "二级", "所属", "预算", "无", "没有", "共", "有", "2", "3",
    "个", "家", "行政单位", "事业单位", "参公", "包括", "：", "、", "，", "。", "；", "处室", "某中心", "退休",
    "离退休", "离休", "在职", "实有", "编制", "人", "名", "增加", "1", "比上年",
])
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


def _plainly_read(texts: list[str]) -> tuple[object, ...]:
    """What the reader holds after reading every sentence of each paragraph, as before the check of words."""
    reader = _AgencyReader([], "某局")
    for number, text in enumerate(texts, start=1):
        paragraph = Paragraph(text=text, numbers=(number,))
        for sentence in split_sentences(text):
            reader.own_level(sentence, paragraph)
            reader.counts(sentence, paragraph)
            lead = organisation._LIST_LEAD.search(sentence)
            if lead is not None and not organisation._OFFICES.search(sentence):
                reader.inline_list(sentence[lead.end() :], paragraph)
    return _state(reader)


def _state(reader: _AgencyReader) -> tuple[object, ...]:
    return (reader.own, reader.subordinates, dict(reader.kind_counts), reader.counted_in, reader.kinds_in,
            [(d.name, d.kind, d.own) for d in reader.listed], reader.problems)


@given(st.lists(_TEXTS, max_size=4))
@example(["某局（本级）。下属单位共2个：某中心、某站。"])
@example(["某局无下属单位。"])
def test_a_paragraph_without_the_words_is_passed_over_alike(texts: list[str]) -> None:
    reader = _AgencyReader([], "某局")
    for number, text in enumerate(texts, start=1):
        reader.read(Paragraph(text=text, numbers=(number,)))
    assert _state(reader) == _plainly_read(texts)


_PLAIN_RETIRED = re.compile(organisation._STAFF_FIELDS[3][1].pattern.replace("退(?<!离退)休", "(?<!离)退休"))


def test_the_plain_pattern_is_the_one_replaced() -> None:
    assert organisation._STAFF_FIELDS[3][0] == "retired"
    assert _PLAIN_RETIRED.pattern != organisation._STAFF_FIELDS[3][1].pattern


@given(_TEXTS)
@example("离退休人员5人，退休3人")
def test_the_retired_are_found_as_by_the_plain_pattern(text: str) -> None:
    fast = [(m.span(), m["n"]) for m in organisation._STAFF_FIELDS[3][1].finditer(text)]
    assert fast == [(m.span(), m["n"]) for m in _PLAIN_RETIRED.finditer(text)]

