"""``cnbudget code``: look a classification subject up by code or by name (科目查询).

``cnbudget code 2101501`` prints the path from the 类 down; ``cnbudget code 行政运行 --under 21015``
finds subjects by name. The family is told by the first digit: 2 支出功能分类, 3 部门预算支出经济分类,
5 政府预算支出经济分类.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cnbudget.classification import COVERED_YEARS, Family, Subject, catalog
from cnbudget.cli.commands import COMMANDS
from cnbudget.codes import ClassificationCode, EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.errors import InvalidCode, UnknownCode

_LATEST_YEAR = max(COVERED_YEARS)
_FAMILIES: dict[str, type[ClassificationCode]] = {"2": FunctionCode, "3": EconomicCode, "5": GovEconomicCode}


def register(subparsers: Any) -> None:
    """Add the ``code`` subcommand."""
    parser = subparsers.add_parser(
        "code",
        help=COMMANDS["code"].help,
        description="Look up a 政府收支分类 subject (科目) by code, e.g. 2101501, 30101, 50101, "
        "or by name, e.g. 行政运行 --under 21015.",
    )
    parser.add_argument("query", help="a code (2101501, '210 15 01', 30101, 50101) or a name")
    parser.add_argument("--year", type=int, default=_LATEST_YEAR, help=f"fiscal year (default {_LATEST_YEAR})")
    parser.add_argument("--under", help="with a name: search only below this code")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def _as_code(text: str) -> ClassificationCode | None:
    """The code ``text`` spells, in the family its first digit names, or ``None`` for a name."""
    compact = "".join(text.split()).replace("-", "")
    family = _FAMILIES.get(compact[:1]) if compact.isdigit() else None
    return family(text) if family is not None else None


def _subject_json(subject: Subject) -> dict[str, Any]:
    return {
        "code": str(subject.code),
        "name": subject.name,
        "level": subject.code.level_zh,
        "path": [{"code": str(s.code), "name": s.name} for s in subject.path],
    }


def _print_path(subject: Subject) -> None:
    for step in subject.path:
        indent = "  " * (step.code.level - 1)
        print(f"{indent}{step.code}  {step.name}  ({step.code.level_zh})")


def _find(args: argparse.Namespace) -> list[Subject]:
    cat = catalog(args.year)
    code = _as_code(args.query)
    if code is not None:
        return [cat.subject(code)]
    under = _as_code(args.under) if args.under else None
    if args.under and under is None:
        raise InvalidCode(f"--under {args.under!r} is not a classification code")
    return cat.find(args.query, under=under, family=Family.of(under) if under else Family.FUNCTION)


def run(args: argparse.Namespace) -> int:
    """Print the subject(s) the query names; 1 when nothing is found, 2 for an impossible input."""
    try:
        subjects = _find(args)
    except (InvalidCode, ValueError) as error:
        print(f"cnbudget code: {error}", file=sys.stderr)
        return 2
    except UnknownCode as error:
        print(f"cnbudget code: {error}", file=sys.stderr)
        return 1
    if not subjects:
        where = f" under {args.under}" if args.under else ""
        print(f"cnbudget code: no subject named {args.query!r}{where} in {args.year}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps([_subject_json(s) for s in subjects], ensure_ascii=False, indent=2))
        return 0
    for index, subject in enumerate(subjects):
        if index:
            print()
        _print_path(subject)
    return 0
