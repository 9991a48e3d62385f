"""The department's own agency (本级) and the statement that it has no agencies below it (无下属单位)
are looked for only in sentences that hold what their patterns end with; a paragraph is read only
where it says 本级 or 单位 (every pattern of the agency reader holds one of them); the pattern of
退休 (not 离退休) starts with 退: what is read is what running the patterns everywhere gives."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.prose import organisation
from cnbudget.readers.prose.figures import split_sentences
from cnbudget.readers.prose.organisation import _ALONE, _OWN_LEVEL, _AgencyReader
from cnbudget.readers.prose.paragraphs import Paragraph
from cnbudget.readers.text.agency_names import is_agency_name

_PIECES = st.sampled_from(["上海市普陀区", "某某局", "机关", "本级", "（本级）", "无", "没有", "下属", "二级", "所属",
                           "预算", "单位", "事业单位", "，", "。", "、", "包括", " ", "本", "我", "中心", "办公室"])
_SENTENCES = st.lists(st.lists(_PIECES, max_size=10).map("".join), max_size=5)


def _own_level_everywhere(reader: _AgencyReader, sentence: str, paragraph: Paragraph) -> None:
    """_AgencyReader.own_level with both patterns run on every sentence."""
    for pattern in (_OWN_LEVEL, _ALONE):
        for match in pattern.finditer(sentence):
            name = reader.name(match["name"])
            if not is_agency_name(name) or name.startswith(("本", "我", "该")):
                continue
            if reader.own is not None and reader.own != name:
                reader.problem(paragraph, f"two agencies are named the department's own (本级): "
                                          f"{reader.own!r} and {name!r}; the first is kept")
                continue
            reader.own = name
            if pattern is _ALONE:
                reader.subordinates = 0


@settings(max_examples=1000)
@given(_SENTENCES)
@example(["某某局本级", "上海市普陀区某某局无下属单位"])
@example(["上海市普陀区某某局没有二级预算单位"])
@example(["某某局（本级）", "某某中心（本级）"])  # two own agencies: a problem
def test_the_own_agency_is_what_the_patterns_find_in_every_sentence(sentences: list[str]) -> None:
    paragraph = Paragraph(text="。".join(sentences), numbers=(1,))
    checked, everywhere = _AgencyReader([], None), _AgencyReader([], None)
    for sentence in sentences:
        checked.own_level(sentence, paragraph)
        _own_level_everywhere(everywhere, sentence, paragraph)
    assert (checked.own, checked.subordinates, checked.problems) == \
        (everywhere.own, everywhere.subordinates, everywhere.problems)


_READ_PIECES = st.sampled_from([
    "某局", "本级", "（本级）", "机关本级", "单位", "下属", "二级", "所属", "预算", "无", "没有", "共", "有", "2", "3",
    "个", "家", "行政单位", "事业单位", "参公", "包括", "：", "、", "，", "。", "；", "处室", "某中心", "退休",
    "离退休", "离休", "在职", "实有", "编制", "人", "名", "增加", "1", "比上年",
])
_READ_TEXTS = st.lists(_READ_PIECES, max_size=14).map("".join)


def _state(reader: _AgencyReader) -> tuple[object, ...]:
    return (reader.own, reader.subordinates, dict(reader.kind_counts), reader.counted_in, reader.kinds_in,
            [(d.name, d.kind, d.own) for d in reader.listed], reader.problems)


def _read_every_sentence(texts: list[str]) -> tuple[object, ...]:
    """What the reader holds after reading every sentence of each paragraph, whatever words it holds."""
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


@settings(max_examples=500)
@given(st.lists(_READ_TEXTS, max_size=4))
@example(["某局（本级）。下属单位共2个：某中心、某站。"])
@example(["某局无下属单位。"])
def test_a_paragraph_without_the_words_is_passed_over_alike(texts: list[str]) -> None:
    reader = _AgencyReader([], "某局")
    for number, text in enumerate(texts, start=1):
        reader.read(Paragraph(text=text, numbers=(number,)))
    assert _state(reader) == _read_every_sentence(texts)


_PLAIN_RETIRED = re.compile(organisation._STAFF_FIELDS[3][1].pattern.replace("退(?<!离退)休", "(?<!离)退休"))


def test_the_plain_retired_pattern_is_the_one_replaced() -> None:
    assert organisation._STAFF_FIELDS[3][0] == "retired"
    assert _PLAIN_RETIRED.pattern != organisation._STAFF_FIELDS[3][1].pattern


@given(_READ_TEXTS)
@example("离退休人员5人，退休3人")
def test_the_retired_are_found_as_by_the_plain_pattern(text: str) -> None:
    fast = [(m.span(), m["n"]) for m in organisation._STAFF_FIELDS[3][1].finditer(text)]
    assert fast == [(m.span(), m["n"]) for m in _PLAIN_RETIRED.finditer(text)]


_STAFF_PIECES = st.sampled_from(["编制", "编", "制", "数", "实有", "人数", "在职", "退休", "离休", "离退休", "退", "休",
                                 "为", "共有", "5", "12", "人", "名", "，", "增加", "1", " ", "2024 年"])


@settings(max_examples=800)
@given(st.lists(_STAFF_PIECES, max_size=10).map("".join))
@example("编制数15，实有人数19人，其中：在职18人，增加0人；退休1人；离休1人。")
def test_a_staff_pattern_finds_nothing_in_a_text_without_its_word(text: str) -> None:
    # read_staffing searches a paragraph with a field's pattern only where it holds the field's word.
    for (_, pattern, _), word in zip(organisation._STAFF_FIELDS, organisation._STAFF_WORDS, strict=True):
        if word not in text:
            assert pattern.search(text) is None
        else:
            assert word in pattern.pattern.replace("(?<!离退)", "")
