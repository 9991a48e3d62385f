"""The subcommands of ``cnbudget`` (子命令): the module of each and the line ``cnbudget --help`` gives it.

Only the module of the command being run is loaded, so that ``cnbudget code`` does not load the
readers and the rules, and ``cnbudget --help`` lists every command from this table alone. Each module
has ``register(subparsers)``, which adds its parser (with the help line from here) and its handler.

>>> COMMANDS["code"]
Command(module='cnbudget.cli.code', help='look up a 政府收支分类 subject by code or name')
>>> from cnbudget.cli import build_parser
>>> build_parser(loaded=["code"]).parse_args(["code", "2101501"]).query
'2101501'
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["COMMANDS", "Command"]


class Command(NamedTuple):
    """One subcommand: where it is defined, and what it does in one line."""

    module: str
    help: str


#: Every subcommand, in the order ``cnbudget --help`` lists them.
COMMANDS: dict[str, Command] = {
    "check": Command("cnbudget.cli.check",
                     "check disclosures: sums, cross-table agreement, codes, narrative, targets"),
    "read": Command("cnbudget.cli.read", "read published disclosures (text or PDF) into model JSON"),
    "facts": Command("cnbudget.cli.facts", "write every amount of many documents as one tidy CSV (or JSON) table"),
    "schema": Command("cnbudget.cli.schema", "print the JSON Schema (2020-12) of the disclosure JSON format"),
    "score": Command("cnbudget.cli.score", "score a performance target (绩效目标) against actual results"),
    "code": Command("cnbudget.cli.code", "look up a 政府收支分类 subject by code or name"),
    "rules": Command("cnbudget.cli.rules", "list the validation rules"),
}
