"""A target value read once per printed text (target_of) is the one parse_target reads, and an
indicator given it is the indicator given the text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.model import Indicator
from cnbudget.readers.performance.printed_targets import target_of
from cnbudget.targets import parse_target

_TEXTS = st.one_of(
    st.sampled_from(["≥95%", ">=3个", "=1人", "≤30元/人/年", "有效提升", "2024年12月31日前", "12月", "100%", "", "无",
                     "1.2万人以上", "≥11.8 万人/10 元", "53人", " ≥ 95 % "]),
    st.text(alphabet="0123456789.,%≥≤=<>个人年月日前以上 有效提升万元/", max_size=12),
)


@settings(max_examples=800)
@given(_TEXTS)
@example("≥95%")
def test_a_target_read_once_is_the_target_parse_target_reads(text: str) -> None:
    first, again = target_of(text), target_of(text)
    assert first == parse_target(text) and again == first
    assert str(first) == str(parse_target(text)) and repr(first) == repr(parse_target(text))
    made = Indicator(level1="产出指标", level2="数量指标", name="某指标", target=first, prior_actual=again)
    printed = Indicator(level1="产出指标", level2="数量指标", name="某指标", target=text, prior_actual=text)
    assert made == printed
