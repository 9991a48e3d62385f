"""Other important matters (其他重要事项): operating costs of agencies, government procurement,
state-owned assets.

>>> p = Procurement(total="1111.12", goods="21.68", works="0.00", services="1089.44")
>>> p.goods + p.works + p.services == p.total
True
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from cnbudget.model.fields import (
    as_optional_amount,
    each,
    money,
    optional_int,
    optional_text,
    text,
    to_tuple,
    typed,
    zh,
)
from cnbudget.model.narrative import Statement

__all__ = ["Assets", "OtherMatters", "Procurement", "VehicleGroup"]


@attrs.frozen(kw_only=True)
class Procurement:
    """Government procurement budget (政府采购预算): goods, works, services and the amounts
    reserved for small and medium (中小企业) and small and micro enterprises (小微企业)."""

    total: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("政府采购预算"))
    goods: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("货物"))
    works: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("工程"))
    services: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("服务"))
    sme_reserved: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                               metadata=money("面向中小企业预留"))
    small_micro_reserved: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                       metadata=money("面向小微企业预留"))


@attrs.frozen(kw_only=True)
class VehicleGroup:
    """Vehicles of one kind (车辆): 一般公务用车, 执法执勤用车, 其他车辆, …"""

    kind: str = text("车辆类别")
    count: int | None = optional_int("数量（辆）")
    value: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("价值"))


@attrs.frozen(kw_only=True)
class Assets:
    """State-owned assets in use (国有资产占用使用情况) at the end of the previous year."""

    as_of: str | None = optional_text("截至")
    building_area: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                metadata=zh("房屋面积（平方米）"))
    building_value: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("房屋价值"))
    vehicle_count: int | None = optional_int("车辆数（辆）")
    vehicle_value: Decimal | None = attrs.field(default=None, converter=as_optional_amount, metadata=money("车辆价值"))
    vehicles: tuple[VehicleGroup, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(VehicleGroup),
                                                     metadata=zh("车辆明细"))
    furniture_value: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                                  metadata=money("办公家具价值"))
    other_value: Decimal | None = attrs.field(default=None, converter=as_optional_amount,
                                              metadata=money("其他资产价值"))
    equipment_over_500k: int | None = optional_int("单位价值50万元以上大型设备（台）")
    equipment_over_1m: int | None = optional_int("单位价值100万元以上大型设备（台）")
    planned_equipment_over_500k: int | None = optional_int("拟购置50万元以上大型设备（台）")
    planned_equipment_over_1m: int | None = optional_int("拟购置100万元以上大型设备（台）")


@attrs.frozen(kw_only=True)
class OtherMatters:
    """其他重要事项的情况说明."""

    operating_costs: Statement | None = typed("机关运行经费", Statement, optional=True)
    procurement: Procurement | None = typed("政府采购", Procurement, optional=True)
    assets: Assets | None = typed("国有资产占用使用情况", Assets, optional=True)
    notes: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str),
                                         metadata=zh("其他说明"))
