"""The department's own agency (本级) and the statement that it has no agencies below it (无下属单位)
are looked for only in sentences that hold what their patterns end with: what is read is what
running the patterns on every sentence gives."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

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
