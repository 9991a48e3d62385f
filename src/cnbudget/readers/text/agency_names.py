"""The shape of a budget agency's name in printed text (预算单位名称).

Tables and the front matter list agencies (乌鲁木齐市医疗保障局, …事业发展中心) beside projects
(2023年综合业务费, 全民参保补助资金) without marking which is which. An agency's name ends with the
word for an organisation (局, 中心, 委员会, 院, …); a project's name carries a year, a fund or a
purpose. ``本级`` after a name marks the department's own agency.

>>> is_agency_name("乌鲁木齐市医疗保障事业发展中心"), is_agency_name("2023年综合业务费")
(True, False)
>>> department_level("延津县医疗保障局本级")
('延津县医疗保障局', True)
"""

from __future__ import annotations

import re

from cnbudget.readers.text.source import clean_name

__all__ = ["department_level", "is_agency_name"]

_ORGANISATION = re.compile(
    r"(?:局|委员会|委|办公室|办|中心|院|所|站|队|馆|厅|处|会|社|校|园|部|署|台|场|协会|联合会)$"
)
# Words of a project or a fund, never of an agency's name.
_PROJECT_WORDS = re.compile(
    r"^\d{4}\s*年|资金|经费|补助|补贴|项目|奖金|奖励|专项|费用|工程|建设|购置|维护|[：:。，,；;]"
)
_LEVEL = re.compile(r"\s*(?:[（(]\s*本级\s*[)）]|机关本级|本级)$")


def department_level(name: str) -> tuple[str, bool]:
    """The name without a trailing 本级 mark, and whether it had one.

    >>> department_level("某局（本级）"), department_level("某中心")
    (('某局', True), ('某中心', False))
    """
    cleaned = clean_name(name)
    match = _LEVEL.search(cleaned)
    if match is None or match.start() == 0:
        return cleaned, False
    return cleaned[: match.start()], True


def is_agency_name(text: str) -> bool:
    """Whether cleaned text has the shape of an agency's name: an organisation word at its end, no
    year in front, no word of a project or fund, no clause punctuation.

    >>> is_agency_name("某县医疗保障局本级"), is_agency_name("全民参保补助资金"), is_agency_name("局")
    (True, False, False)
    """
    name, _ = department_level(text)
    return len(name) >= 2 and _ORGANISATION.search(name) is not None and _PROJECT_WORDS.search(name) is None
