"""The enums with Chinese labels (带中文名称的枚举): one base, the label declared beside each member, the
value the English key JSON and the command line use."""

from __future__ import annotations

import importlib
import json
import pickle
import pkgutil
from typing import assert_type

import pytest

import cnbudget
from cnbudget.labelled import LabelledEnum, labelled
from cnbudget.model.lines import ProjectType
from cnbudget.model.narrative import ChangeBasis
from cnbudget.money import Consistency
from cnbudget.validation.findings import Severity
from cnbudget.vocab import AgencyKind, FundingSource


def _every_labelled_enum() -> list[type[LabelledEnum]]:
    for module in pkgutil.walk_packages(cnbudget.__path__, "cnbudget."):
        if not module.name.endswith("__main__"):  # runs the command
            importlib.import_module(module.name)
    found: list[type[LabelledEnum]] = []
    waiting = list(LabelledEnum.__subclasses__())
    while waiting:
        kind = waiting.pop()
        found.append(kind)
        waiting.extend(kind.__subclasses__())
    return sorted(found, key=lambda kind: kind.__qualname__)


LABELLED = _every_labelled_enum()


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_the_enums_of_the_library_share_the_base() -> None:
    names = {kind.__name__ for kind in LABELLED}
    assert {"AgencyKind", "FundingSource", "ChangeBasis", "ProjectType", "Comparator", "TargetKind", "DeadlineBound",
            "ScoringMethod", "Consistency", "Severity", "MatchKind", "DocumentKind"} <= names


@pytest.mark.parametrize("kind", LABELLED, ids=lambda kind: kind.__name__)
def test_each_member_keeps_its_english_value_and_has_a_chinese_label(kind: type[LabelledEnum]) -> None:
    labels = [member.zh for member in kind]
    for member in kind:
        assert type(member.value) is str  # not the carrier of the label: JSON and the CLI see a plain key
        assert not _has_chinese(member.value)  # the key is English (or a symbol: Comparator's ≥)
        assert kind(member.value) is member
        assert _has_chinese(member.zh), member
    assert len(set(labels)) == len(labels), f"{kind.__name__} gives two members one label: {labels}"


def test_labels_as_documents_print_them() -> None:
    assert [s.zh for s in Severity] == ["错误", "警告", "提示"]
    assert [k.zh for k in AgencyKind] == ["行政", "事业", "参公"]
    assert (ProjectType.OPERATING.zh, ProjectType.SPECIFIC.zh) == ("其他运转类", "特定目标类")
    assert ChangeBasis("execution").zh == "上年预算执行数"
    assert Consistency.WITHIN_ROUNDING.zh == "舍入误差内"
    assert FundingSource.GENERAL_TRANSFER.zh == "上级一般公共预算安排转移支付"
    assert FundingSource.GENERAL_TRANSFER.parent is FundingSource.GENERAL_BUDGET
    assert FundingSource.FISCAL.parent is None


def test_a_member_survives_json_and_pickling_as_itself() -> None:
    assert json.dumps([Severity.ERROR.value, FundingSource.GOV_FUND.value]) == '["error", "gov_fund"]'
    assert pickle.loads(pickle.dumps(FundingSource.GOV_FUND)) is FundingSource.GOV_FUND


def test_an_unknown_value_is_refused() -> None:
    with pytest.raises(ValueError, match="'fatal' is not a valid Severity"):
        Severity("fatal")


def test_a_member_without_a_label_is_refused_when_its_class_is_made() -> None:
    with pytest.raises(TypeError, match=r"Half member 'plain' has no Chinese label: declare it as labelled\('plain'"):
        class Half(LabelledEnum):
            LABELLED = labelled("labelled", "有名称")
            PLAIN = "plain"


def test_mypy_types_a_lookup_and_the_value() -> None:
    # Checked by ``mypy --strict tests``: a base whose members were (value, label) tuples made mypy see
    # the lookup as a call missing its label and the value as a tuple.
    member = assert_type(Severity("warning"), Severity)
    assert assert_type(member.value, str) == "warning"
    assert assert_type(member.zh, str) == "警告"
