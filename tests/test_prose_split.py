"""Cutting a paragraph into sentences and a sentence into clauses looks only at the separators (and,
where a bracket stands, the brackets), found by a pattern: the pieces are always those of the walk
through every character of the text that counts brackets."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.prose.figures import sentences_with_clauses, split_clauses, split_sentences

_OPEN, _CLOSE = "（(《〈“", "）)》〉”"
_SENTENCE_END = "。；;！？!?"
_CLAUSE_SEPARATORS = "，,"


def _walk(text: str, separators: str, keep: bool) -> Iterator[str]:
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
        elif char in separators and depth == 0:
            if char == "," and 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit():
                continue
            yield text[start : index + 1] if keep else text[start:index]
            start = index + 1
    if start < len(text):
        yield text[start:]


_PIECES = st.sampled_from(["甲", "乙", "1", "2", ",", "，", "。", "；", ";", "！", "?", " ", "（", "）", "(", ")", "《",
                           "》", "“", "”", "万元", "1,089.27"])


@settings(max_examples=1500)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_sentences_and_clauses_are_those_of_the_walk_counting_brackets(text: str) -> None:
    assert split_sentences(text) == [piece for piece in _walk(text, _SENTENCE_END, True) if piece.strip()]
    body = text.rstrip(_SENTENCE_END + " ")
    assert split_clauses(text) == [c.strip() for c in _walk(body, _CLAUSE_SEPARATORS, False) if c.strip()]


@settings(max_examples=1500)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_the_one_pass_cut_gives_each_sentence_with_its_clauses(text: str) -> None:
    assert sentences_with_clauses(text) == [(sentence, split_clauses(sentence)) for sentence in split_sentences(text)]


def test_a_comma_between_digits_separates_nothing() -> None:
    assert split_clauses("支出1,089.27万元,比上年增加") == ["支出1,089.27万元", "比上年增加"]
    assert split_sentences("甲1万元；乙（一；二）2万元。") == ["甲1万元；", "乙（一；二）2万元。"]
