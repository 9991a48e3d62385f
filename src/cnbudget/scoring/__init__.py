"""Scoring performance targets (绩效评分): each indicator's score under its 指标赋分规则, explained.

See ``docs/performance-targets.md`` for the method and worked examples.

>>> from cnbudget.model import Indicator, ProjectTarget
>>> target = ProjectTarget(project="示例项目", indicators=[
...     Indicator(level1="产出指标", name="覆盖率", target="=100%", weight="10", scoring_rule="直接赋分")])
>>> score(target, {"覆盖率": "100%"}).total
Decimal('10.00')
"""

from cnbudget.scoring.actuals import load_actuals, read_actuals
from cnbudget.scoring.card import ScoreCard, ScoreStep
from cnbudget.scoring.compute import on_time, score, score_indicator
from cnbudget.scoring.grades import GRADES, grade_for_ratio, grade_of
from cnbudget.target_scoring import ScoringMethod, default_method, read_method

__all__ = [
    "GRADES",
    "ScoreCard",
    "ScoreStep",
    "ScoringMethod",
    "default_method",
    "grade_for_ratio",
    "grade_of",
    "load_actuals",
    "on_time",
    "read_actuals",
    "read_method",
    "score",
    "score_indicator",
]
