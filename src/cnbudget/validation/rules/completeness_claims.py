"""What the text says a budget does not have (说明中的“没有”): “政府性基金预算未安排”, “国有资本经营预算
0.00 万元”, “没有使用政府性基金预算拨款安排的支出”, “无政府性基金收支预算”.

A claim names the budget and the side it speaks of: ``revenue`` (this year's appropriation, 拨款)
or ``expenditure`` (spending, including spending of funds carried over), or both (收支).

>>> from cnbudget.model import Statement
>>> said = Statement(subject="一般公共预算收支预算", amount="9018.93",
...                  text="一般公共预算收支预算9018.93万元，无政府性基金收支预算。")
>>> [(c.budget, sorted(c.sides), c.words) for c in none_claims([said])]
[('gov_fund', ['expenditure', 'revenue'], '无政府性基金收支')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs

from cnbudget.model import Statement
from cnbudget.text import squeeze_spaces
from cnbudget.validation.rules.completeness_budgets import BUDGETS, named_budgets

__all__ = ["NoneClaim", "none_claims"]

_WORDS = {words: budget for budget, words in BUDGETS.items() if budget != "general_budget"}
_NOTHING = re.compile(r"(?:没有|无)(?:使用)?(政府性基金|国有资本经营)[^,，。；;]{0,14}?(收支|支出)"
                      r"(?!\S{0,4}(?:变化|变动|增减|增长|减少|调整))")
# What may stand beside a budget's name in a subject that names the whole budget (政府性基金预算拨款收入).
_WHOLE_BUDGET = re.compile(r"政府性基金|国有资本经营|预算|财政|拨款|收入|支出|收支|资金|合计|总额|本年|当年|安排的?")
_EMPTY_TABLE = re.compile(r"(政府性基金|国有资本经营)预算支出(?:情况)?表为空表")
_CLAUSE = re.compile(r"[^,，。；;：:]+")


@attrs.frozen(kw_only=True)
class NoneClaim:
    """A statement that a budget has nothing: which budget, which sides, the words, the statement.

    >>> said = Statement(subject="国有资本经营预算", amount="0", text="国有资本经营预算未安排。")
    >>> NoneClaim(budget="soe_capital", sides=frozenset({"revenue"}), words="国有资本经营预算未安排",
    ...           statement=said).budget
    'soe_capital'
    """

    budget: str
    sides: frozenset[str]
    words: str
    statement: Statement


def _squeezed(text: str | None) -> str:
    return squeeze_spaces(text or "")


def _zero_claim(statement: Statement) -> NoneClaim | None:
    """“X未安排” or “X 0.00 万元” for a whole budget X other than the 一般公共预算."""
    if statement.amount != 0:  # most statements: no subject to read
        return None
    subject = _squeezed(statement.subject)
    budgets = named_budgets(subject)
    if len(budgets) != 1 or "general_budget" in budgets:
        return None
    if _WHOLE_BUDGET.sub("", subject):
        return None  # a part of the budget only: its transfer payments, "三公" spending, 项目支出 …
    section = _squeezed(statement.section)
    spends = "支出" in subject or ("支出" in section and "收" not in section)
    text = _squeezed(statement.text)
    clause = next((c for c in _CLAUSE.findall(text) if subject in c), f"{subject}为0")
    return NoneClaim(budget=next(iter(budgets)), sides=frozenset({"expenditure" if spends else "revenue"}),
                     words=clause, statement=statement)


def _worded_claims(statement: Statement) -> Iterator[NoneClaim]:
    """“没有使用X…安排的支出”, “无X收支预算”, “X预算支出情况表为空表” anywhere in the statement's text."""
    text = _squeezed(statement.text)
    if not any(words in text for words in _WORDS):
        return  # both patterns name the budget: most texts name neither
    for found in _NOTHING.finditer(text):
        sides = {"revenue", "expenditure"} if found.group(2) == "收支" else {"expenditure"}
        yield NoneClaim(budget=_WORDS[found.group(1)], sides=frozenset(sides), words=found.group(0),
                        statement=statement)
    for found in _EMPTY_TABLE.finditer(text):
        yield NoneClaim(budget=_WORDS[found.group(1)], sides=frozenset({"expenditure"}), words=found.group(0),
                        statement=statement)


def none_claims(statements: Iterable[Statement]) -> Iterator[NoneClaim]:
    """Every claim that a budget has nothing, the first of each budget and sides only: the same claim
    made again (in another section, or by statements cut from one sentence) says nothing new."""
    seen: set[tuple[str, frozenset[str]]] = set()
    for statement in statements:
        zero = _zero_claim(statement)
        for claim in ([zero] if zero else []) + list(_worded_claims(statement)):
            key = (claim.budget, claim.sides)
            if key not in seen:
                seen.add(key)
                yield claim
