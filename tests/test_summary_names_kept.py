"""A printed name's key is made once, with the name taken apart, and the role its key reads as is
kept by the key: the key is what normalising the name without its 其中 gives (also on a copy with
another code), and the role is what trying each role's pattern in turn finds."""

from __future__ import annotations

import re

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.classification import COVERED_YEARS, catalog, normalise_name
from cnbudget.readers.tables import summary_names
from cnbudget.readers.tables.summary_names import Printed, expenditure_role, parse_printed

_PIECES = st.sampled_from(["", " ", "一、", "（二）", "1.", "201", "其中：", "其中 ", "本年", "当年", "收入",
                           "支出", "合计", "小计", "总计", "年终结转", "结余", "和", "结转下年", "基本支出",
                           "一般公共服务", "卫生健康", "ｘ", "２", "　"])
_TEXTS = st.lists(_PIECES, max_size=6).map("".join)


def _plain_key(printed: Printed) -> str:
    return normalise_name(re.sub(r"^其中\s*[:：]?\s*", "", printed.name))


def _plain_role(key: str, roles: tuple[tuple[object, re.Pattern[str]], ...]) -> object:
    for role, pattern in roles:
        if pattern.fullmatch(key):
            return role
    return None


@settings(max_examples=800)
@given(_TEXTS)
def test_a_printed_name_keys_and_reads_as_the_plain_way_finds(text: str) -> None:
    printed = parse_printed(text)
    assert printed.key == _plain_key(printed)
    recoded = attrs.evolve(printed, code="201", name=printed.name + "支出")
    assert recoded.key == _plain_key(recoded)
    assert summary_names._revenue_role(printed.key) == _plain_role(printed.key, summary_names._REVENUE_ROLES)
    assert summary_names._expenditure_role(printed.key) == _plain_role(printed.key,
                                                                      summary_names._EXPENDITURE_ROLES)


def test_the_key_and_role_of_a_line_of_the_table() -> None:
    printed = parse_printed("二、其中：年终结转结余")
    assert printed.key == "年终结转结余"
    assert expenditure_role(printed).value == "year_end_carryover"
    assert repr(printed) == ("Printed(name='其中：年终结转结余', numbered=True, top_level=True, code=None, "
                             "part_of=True)")


def test_the_class_names_are_those_of_every_level_one_subject_of_every_year() -> None:
    # The 类 are taken from each catalogue's top level: the same names as seeking level 1 among all.
    plain = {
        normalise_name(name)
        for year in COVERED_YEARS
        for subject in catalog(year).subjects()
        if subject.level == 1
        for name in (subject.name, *subject.variants, *(former.name for former in subject.former_names))
    }
    assert summary_names._class_names() == plain
    assert "国土海洋气象等支出" in plain  # a 类 of some years, as the docstring of is_known_name reads
