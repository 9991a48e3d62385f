"""Statements placed (说明的定位) the quick way are placed the plain way: a heading's topic worked out
once for its run of statements is each statement's own topic, and a subject worked out once with the
placed statement is its subject as compared."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.model import BudgetDisclosure, Statement
from cnbudget.validation.rules.narrative_statements import Topic, as_printed, placed, plain, topic_of

# Headings and subjects from the words the topics and comparisons turn on, with the spaces and
# full-width forms PDF extraction leaves in them.
_WORDS = ["一般公共预算", "项目支出", "基本支出", "收入", "支出", "收支", "“三公”经费", "财政拨款", "上年结转",
          "政府性基金", "某局", "２０２４年", " ", "　", "（一）", "预算绩效", "决算"]
texts = st.lists(st.sampled_from(_WORDS), max_size=4).map("".join)
statements = st.builds(lambda section, subject, amount: Statement(section=section or None, subject=subject,
                                                                   amount=amount),
                       st.sampled_from(["", "一、收入预算情况说明", "二、支出预算情况", "（三）一般公共预算基本支出",
                                        "某局“三公”经费"]),
                       texts, st.sampled_from([None, "5533", "12323.48", "0"]))


@given(st.lists(statements, max_size=8), st.sampled_from(["某局", "某某财政局"]))
def test_each_statement_has_its_own_headings_topic_and_subject(found: list[Statement], department: str) -> None:
    doc = BudgetDisclosure(department=department, fiscal_year=2024, statements=found)
    items = placed(doc)
    assert [item.topic for item in items] == [topic_of(s.section, department=department) for s in found]
    assert [item.subject for item in items] == [plain(s.subject) for s in found]
    for item in as_printed(items):  # statements with their zeros put back keep their subjects
        assert item.subject == plain(item.statement.subject)


def test_a_subject_is_the_statements_as_compared_and_follows_a_new_statement() -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
        Statement(section="二、收入预算情况说明", subject="一般公共 预算（拨款）", amount="2.00"),
        Statement(section="三、支出预算情况说明", subject="项目支出", amount="1.00")])
    first, second = placed(doc)
    assert (first.topic, second.topic) == (Topic.INCOME, Topic.EXPENDITURE)
    assert first.subject == "一般公共预算(拨款)"
    changed = attrs.evolve(first, statement=Statement(subject="基本 支出", amount=Decimal("1.00")))
    assert changed.subject == "基本支出" and changed == attrs.evolve(first, statement=changed.statement)
