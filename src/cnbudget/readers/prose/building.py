"""Statements and passages made from what the prose reader knows (说明与段落的快速构建).

The reader makes a :class:`~cnbudget.model.Statement` per stated figure and a
:class:`~cnbudget.model.Passage` per paragraph. Their fields other than the amounts hold values of
the fields' types by construction (text, a code or ``None``, a count of at most nine digits, a line
number), so the attrs validators would only say yes; the amounts still pass through their converter
(:func:`~cnbudget.model.fields.as_optional_amount`), in the constructor's order, so a figure too long
to be printed or a signed zero is refused or made unsigned exactly as the constructor would. The
objects are made through builders (:func:`cnbudget.builders.builder_of`) and are the constructor's:
class, equality, hash, every field.

>>> from decimal import Decimal
>>> built = statement(section=None, subject="一般公共预算", code=None, amount=Decimal("-0.00"), share=None,
...                   change_amount=None, change_rate=None, count=None, reason=None, text="一般公共预算-0.00万元",
...                   compared_with=None, stated_prior=None, line_number=3, page=None)
>>> built == Statement(subject="一般公共预算", amount=Decimal("0.00"), text="一般公共预算-0.00万元"), built.amount
(True, Decimal('0.00'))
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.builders import builder_of_model
from cnbudget.codes import FunctionCode
from cnbudget.decimals import MAX_DECIMALS, MAX_WHOLE_DIGITS
from cnbudget.model import Passage, Statement
from cnbudget.model.fields import as_optional_amount
from cnbudget.model.narrative import ChangeBasis
from cnbudget.money import ordinary_operand

__all__ = ["passage", "statement"]

# A figure written in at most this many characters has no more digits before or after its point than
# either bound allows (what size_problem asks first).
_SURELY_SHORT = min(MAX_WHOLE_DIGITS, MAX_DECIMALS)


def _converted(value: Decimal) -> Decimal | None:
    """``as_optional_amount(value)``: a finite Decimal short enough to need no count of its digits
    (every figure the reader reads) is taken as it is, a zero unsigned, without the gate's calls;
    anything else goes through the gate."""
    ordinary = ordinary_operand(value, _SURELY_SHORT)
    return ordinary if ordinary is not None else as_optional_amount(value)


_STATEMENT_BUILDER = builder_of_model(Statement)
_PASSAGE_BUILDER = builder_of_model(Passage)
_new = object.__new__


def statement(*, section: str | None, subject: str, code: FunctionCode | None, amount: Decimal | None,
              share: Decimal | None, change_amount: Decimal | None, change_rate: Decimal | None,
              count: int | None, reason: str | None, text: str, compared_with: ChangeBasis | None,
              stated_prior: Decimal | None, line_number: int | None, page: int | None) -> Statement:
    """``Statement(...)`` of these fields, for values of the fields' types (``count`` a count of at
    most nine digits, as the reader reads them): the amounts are converted as the constructor does."""
    # The converters first, in the order of the fields: the first refused amount is the one the
    # constructor names.
    amount = None if amount is None else _converted(amount)
    share = None if share is None else _converted(share)
    change_amount = None if change_amount is None else _converted(change_amount)
    change_rate = None if change_rate is None else _converted(change_rate)
    stated_prior = None if stated_prior is None else _converted(stated_prior)
    made = _new(_STATEMENT_BUILDER)
    made.section = section
    made.subject = subject
    made.code = code
    made.amount = amount
    made.share = share
    made.change_amount = change_amount
    made.change_rate = change_rate
    made.count = count
    made.reason = reason
    made.text = text
    made.compared_with = compared_with
    made.stated_prior = stated_prior
    made.line_number = line_number
    made.page = page
    made.__class__ = Statement
    return made  # type: ignore[no-any-return]


def passage(text: str, heading: bool, line_number: int, page: int | None) -> Passage:
    """``Passage(text=text, heading=heading, line_number=line_number, page=page)``."""
    made = _new(_PASSAGE_BUILDER)
    made.text = text
    made.heading = heading
    made.line_number = line_number
    made.page = page
    made.__class__ = Passage
    return made  # type: ignore[no-any-return]
