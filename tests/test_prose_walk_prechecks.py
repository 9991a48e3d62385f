"""Cheap answers in the walk over the narrative's clauses: a subject without a bracket or a dash
names no levels (类款项); an empty text has no subject to clean; a subject starting with a verb of
change is told by its first words; what each gives is what the plain way gives."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.classification import level_names as levels_module
from cnbudget.classification.level_names import Levels, level_names
from cnbudget.readers.prose import narrative
from cnbudget.readers.prose.figures import clean_subject

_PIECES = st.sampled_from([
    "卫生健康支出", "（类）", "(款)", "（项）", "(类)", "（境）", "-", "“", "”", "科目", "支出", ":", "：", " ",
    "行政运行", "（", ")", "类", "款", "项", "商贸事务",
])
_TEXTS = st.lists(_PIECES, max_size=8).map("".join)


def _plain_level_names(text: str) -> Levels:
    dashed = levels_module._DASHED.match(text.strip())
    if dashed is not None and not levels_module._LEVEL.search(text):
        names = [name.strip() for name in dashed["names"].split("-")]
        if 2 <= len(names) <= 3 and all(names):
            return tuple(zip(levels_module._ORDER, names, strict=False))
        return ()
    return levels_module._marked(text)


@given(_TEXTS)
@example("“一般公共服务支出-商贸事务-行政运行”科目")
@example("社会保障和就业(类)支出")
def test_level_names_are_those_of_the_patterns(text: str) -> None:
    assert level_names(text) == _plain_level_names(text)


@given(st.text(max_size=16))
def test_level_names_of_any_text(text: str) -> None:
    assert level_names(text) == _plain_level_names(text)


def test_an_empty_text_has_an_empty_subject() -> None:
    for department in (None, "", "某局"):
        for year in (None, 2024):
            # The plain way: every step of cleaning leaves an empty text empty.
            assert clean_subject("", department=department, year=year) == ""
            assert clean_subject(" ", department=department, year=year) == ""


_VERB_FIRST = re.compile(r"^(?:增加|减少|增长|下降|压减|调增|调减)")


_VERB_PIECES = st.sampled_from(["增", "加", "减", "少", "长", "下", "降", "压", "调", "支出", " "])


@given(st.lists(_VERB_PIECES, max_size=5).map("".join))
def test_a_subject_starting_with_a_verb_is_told_as_by_the_pattern(subject: str) -> None:
    assert subject.startswith(narrative._VERBS) == (_VERB_FIRST.match(subject) is not None)
