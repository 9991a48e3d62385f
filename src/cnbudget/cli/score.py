"""``cnbudget score``: score a performance target against actual results (绩效评分).

``TARGET.json`` is one project target (项目支出绩效目标) or department-wide target (部门整体绩效目标)
as ``cnbudget.to_json`` writes it; ``ACTUALS.csv`` gives each indicator's name and actual value. The
score card is printed as text (one line per indicator, then the total) or as JSON. Exit status: 0
when every indicator was scored, 1 when some could not be, 2 when an input cannot be read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from cnbudget.cli.commands import COMMANDS
from cnbudget.errors import DataError, ReadError
from cnbudget.model import DepartmentTarget, ProjectTarget
from cnbudget.scoring import load_actuals, score
from cnbudget.serialize import from_json, to_dict

__all__ = ["load_target", "register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``score`` subcommand."""
    parser = subparsers.add_parser(
        "score", help=COMMANDS["score"].help,
        description="Score each indicator of a performance target under its 指标赋分规则, with the reason.",
    )
    parser.add_argument("target", metavar="TARGET.json", help="a ProjectTarget or DepartmentTarget as JSON")
    parser.add_argument("actuals", metavar="ACTUALS.csv", help="CSV: indicator name, actual value")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def load_target(path: Path) -> ProjectTarget | DepartmentTarget:
    """Read one target from JSON: a project target has ``project``, a department target does not."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ReadError(f"cannot read {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise ReadError(f"{path} is not UTF-8 text (byte {error.start})") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError([(f"line {error.lineno} column {error.colno}", f"not valid JSON: {error.msg}")]) from None
    if not isinstance(data, dict):
        raise DataError([("", f"a target must be a JSON object, not {type(data).__name__}")])
    if "format_version" in data:
        raise DataError([("", "this is a whole disclosure; give one ProjectTarget or DepartmentTarget")])
    if "project" in data:
        return from_json(text, ProjectTarget)
    return from_json(text, DepartmentTarget)


def run(args: argparse.Namespace) -> int:
    """Score the target and print the card; the exit status says whether every indicator was scored."""
    target = load_target(Path(args.target))
    card = score(target, load_actuals(args.actuals))
    if args.format == "json":
        print(json.dumps(to_dict(card), ensure_ascii=False, indent=2))
    else:
        name = target.project if isinstance(target, ProjectTarget) else (target.department or "部门整体绩效目标")
        print(f"{name} 绩效评分")
        print(card.to_text())
    return 0 if card.complete else 1
