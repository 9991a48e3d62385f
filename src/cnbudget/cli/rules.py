"""``cnbudget rules``: list the validation rules (检查规则), as text or as the Markdown of docs/rules.md."""

from __future__ import annotations

import argparse
from typing import Any

from cnbudget.cli.commands import COMMANDS
from cnbudget.validation import RULES
from cnbudget.validation.docs import rules_markdown


def register(subparsers: Any) -> None:
    """Add the ``rules`` subcommand."""
    parser = subparsers.add_parser("rules", help=COMMANDS["rules"].help,
                                   description="List every validation rule with its id, severity and title.")
    parser.add_argument("--markdown", action="store_true", help="the full reference, as in docs/rules.md")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the rules."""
    if args.markdown:
        print(rules_markdown(), end="")
        return 0
    for found in RULES.values():
        english = f"  ({found.title_en})" if found.title_en else ""
        print(f"{found.id:10} {found.severity.value:8} {found.title}{english}")
    return 0
