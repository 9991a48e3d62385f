"""Cutting a paragraph into sentences and a sentence into clauses looks only at the separators (and,
where a bracket stands, the brackets), found by a pattern: the pieces are always those of the walk
through every character of the text that counts brackets."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from hypothesis import example, given, settings
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


def _one_pass_walking_every_mark(text: str) -> list[tuple[str, list[str]]]:
    """sentences_with_clauses as it was written before texts without brackets were cut by str.split:
    one walk over every mark, counting brackets."""
    result: list[tuple[str, list[str]]] = []
    cuts: list[int] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            if depth:
                depth -= 1
        elif depth or char not in _SENTENCE_END + _CLAUSE_SEPARATORS:
            continue
        elif char in _CLAUSE_SEPARATORS:
            if not (char == "," and 0 < index < len(text) - 1 and text[index - 1].isdigit()
                    and text[index + 1].isdigit()):
                cuts.append(index)
        else:
            result.append(_sentence(text, start, index + 1, cuts))
            start, cuts = index + 1, []
    if start < len(text):
        result.append(_sentence(text, start, len(text), cuts))
    return [(sentence, clauses) for sentence, clauses in result if sentence.strip()]


def _sentence(text: str, start: int, end: int, cuts: list[int]) -> tuple[str, list[str]]:
    body_end = start + len(text[start:end].rstrip(_SENTENCE_END + " "))
    bounds = [start - 1, *cuts, body_end]
    return text[start:end], [clause for left, right in itertools.pairwise(bounds)
                             if (clause := text[left + 1 : right].strip())]


# Pieces of text with what may read as digits or space without being ASCII, and brackets that hold
# no separator (those change no cut) beside those that do.
_ODD_PIECES = st.sampled_from(["甲", "1", "²", "١", "１", ",", "，", "。", "；", ";", "?", " ", "\u3000", "\n", "\t",
                               "1,089.27", ",2", "2,", "（", "）", "(", "”", "《", "（一）", "“三公”", "（含，）"])


@settings(max_examples=2500)
@given(st.lists(_ODD_PIECES, max_size=20).map("".join) | st.lists(_PIECES, max_size=20).map("".join))
@example("1,2。3,4")
@example("²,3，甲")
@example("甲1,")
@example(",1，")
@example(" 。甲，\u3000。\n")
@example("甲,1。2,乙")
@example("（一）甲，乙（二）丙。")
@example("（（甲）乙，丙）丁，戊")  # nested: the comma stands inside the outer bracket
@example("）甲，乙（")  # a closing bracket at depth 0; an opening one never closed
@example("甲（乙\n")
@example("“甲”，（乙）。）丙，丁")
def test_sentences_are_cut_as_the_walk_over_every_mark_cuts_them(text: str) -> None:
    assert sentences_with_clauses(text) == _one_pass_walking_every_mark(text)
