"""Target values (指标值) read once per distinct printed text.

A document's forms print the same targets again and again (``100%``, ``≥95%``, ``有效提升``), and
:func:`~cnbudget.targets.parse_target` is a pure function of the text that returns a frozen value:
the reader asks it once per text and hands the value to the model, whose converter takes a value
as it is (and reads a text with the same function).

>>> target_of("≥95%") is target_of("≥95%"), str(target_of("≥95%"))
(True, '≥95%')
"""

from __future__ import annotations

import functools

from cnbudget.targets import TargetValue, parse_target

__all__ = ["target_of"]


@functools.lru_cache(maxsize=4096)  # a pure function of the text, as parse_target is
def target_of(text: str) -> TargetValue:
    """What :func:`~cnbudget.targets.parse_target` reads in ``text``."""
    return parse_target(text)
