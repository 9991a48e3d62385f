"""Who publishes the budget: department, agencies and staffing (部门、预算单位与人员).

>>> from cnbudget.vocab import AgencyKind
>>> Agency(name="乌鲁木齐市医疗保障事业发展中心", kind=AgencyKind.INSTITUTION).kind.zh
'事业'
"""

from __future__ import annotations

import attrs

from cnbudget.model.fields import optional_int, optional_text, text, typed
from cnbudget.vocab import AgencyKind

__all__ = ["Agency", "Staffing"]


@attrs.frozen(kw_only=True)
class Agency:
    """A budget agency (预算单位) of the department: 本级 (the department itself) or 下属单位."""

    name: str = text("单位名称")
    code: str | None = optional_text("单位代码")
    kind: AgencyKind | None = typed("单位性质", AgencyKind, optional=True)
    is_department_level: bool = typed("本级", bool, default=False)


@attrs.frozen(kw_only=True)
class Staffing:
    """Staffing figures (人员情况): 编制数, 实有人数 and 在职/退休/离休 with their year's change.

    A change (增加/减少) is signed: ``serving_change=-1`` is 减少 1 人.
    """

    authorized: int | None = optional_int("编制数")
    actual: int | None = optional_int("实有人数")
    serving: int | None = optional_int("在职")
    serving_change: int | None = optional_int("在职人数变化")
    retired: int | None = optional_int("退休")
    retired_change: int | None = optional_int("退休人数变化")
    pre_1949_retired: int | None = optional_int("离休")
    pre_1949_retired_change: int | None = optional_int("离休人数变化")
