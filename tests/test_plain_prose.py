"""The document's prose as the rules compare it, written out once per run (TEXT-003, PERF-018): each
passage half-width and without white space, in order, as :func:`plain` writes one text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import BudgetDisclosure, Passage
from cnbudget.validation.context import Context
from cnbudget.validation.rules import RULES
from cnbudget.validation.rules.narrative_statements import plain_prose

# Full-width letters and digits, ideographic and ordinary spaces, line breaks: what plain() folds away.
_TEXTS = st.lists(st.sampled_from(["比上年", "增加", "ＡＢ", "１２", " ", "\u3000", "\n", "万元", "（", "）"]),
                  min_size=1, max_size=8).map("".join).filter(lambda text: bool(text.strip()))


def _context(texts: list[str]) -> Context:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024,
                           prose=[Passage(text=text, line_number=index + 1) for index, text in enumerate(texts)])
    return Context(doc=doc, catalog=None, rule=RULES["TEXT-003"])


@settings(max_examples=200)
@given(st.lists(_TEXTS, max_size=5))
def test_each_passage_is_written_as_plain_writes_it(texts: list[str]) -> None:
    expected = tuple("".join(text.replace("ＡＢ", "AB").replace("１２", "12").replace("（", "(").replace("）", ")")
                             .split()) for text in texts)
    assert plain_prose(_context(texts)) == expected


def test_the_run_writes_the_prose_out_once() -> None:
    ctx = _context(["比上年 增加"])
    assert plain_prose(ctx) is plain_prose(ctx)
