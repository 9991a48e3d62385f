"""Mutation testing of one module: flip its operators and constants one at a time and see whether the
tests notice (变异测试).

    python tools/mutate.py src/cnbudget/validation/rules/hierarchy.py tests/test_rules_hierarchy.py \
        [--jobs 2] [--equivalent tools/equivalent_mutants.txt] [--only 120-180] [--rerun earlier-output.txt]

Each mutant is one change: a comparison flipped (``==``/``!=``, ``<``/``>=``, ``is``/``is not``,
``in``/``not in``), ``and``/``or`` swapped, ``not`` dropped, ``+``/``-`` or ``*``/``/`` swapped, an
integer constant moved by one, ``True``/``False`` swapped, a non-empty string constant (a message's
wording, a label) replaced. Each worker copies the repository's ``src/`` and ``tests/`` once into a
temporary directory; for each mutant it writes the mutant there, runs the given tests against it
(``pytest -x``, ``PYTHONPATH`` pointing at the copy) and puts the original back: a failing run kills
the mutant; a passing one lets it survive.

A mutant that cannot change behaviour (an equivalent mutant) is listed, with the reason, in the
``--equivalent`` file as ``path:line:col:operator  # why``; the score is the share of the others
killed. The survivors are printed, as each is known, so that a test can be written for each; with
``--rerun`` a later run tries only the mutants an earlier run's output names as survivors (valid while
the module is unchanged, since a mutant is named by its line and column).
"""

from __future__ import annotations

import argparse
import ast
import os
import queue
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_COMPARE_FLIPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.GtE, ast.GtE: ast.Lt, ast.Gt: ast.LtE, ast.LtE: ast.Gt,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In,
}
_BINARY_FLIPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult,
}


@dataclass(frozen=True)
class Mutant:
    """One change to the module: where, which operator, and the mutated source."""

    line: int
    col: int
    operator: str
    source: str

    def key(self, path: str) -> str:
        return f"{path}:{self.line}:{self.col}:{self.operator}"


def _docstring_nodes(tree: ast.AST) -> set[int]:
    """The ids of the string constants that are docstrings (changing them changes no behaviour)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _annotation_nodes(tree: ast.AST) -> set[int]:
    """The ids of every node inside a type annotation (string annotations are not behaviour)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        annotations: list[ast.AST | None] = []
        if isinstance(node, ast.arg | ast.AnnAssign):
            annotations.append(node.annotation)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            annotations.append(node.returns)
        for annotation in annotations:
            if annotation is not None:
                found.update(id(inner) for inner in ast.walk(annotation))
    return found


def _changes(node: ast.AST, skip: set[int]) -> Iterator[tuple[str, ast.AST]]:
    """Each mutation of ``node`` itself: an operator name and the replacement node."""
    if id(node) in skip:
        return
    if isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            flipped = _COMPARE_FLIPS.get(type(op))
            if flipped is not None:
                ops = list(node.ops)
                ops[index] = flipped()
                yield f"{type(op).__name__}->{flipped.__name__}", ast.Compare(node.left, ops, node.comparators)
    elif isinstance(node, ast.BoolOp):
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        yield f"{type(node.op).__name__}->{type(other).__name__}", ast.BoolOp(other, node.values)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield "drop-not", node.operand
    elif isinstance(node, ast.BinOp):
        flipped_op = _BINARY_FLIPS.get(type(node.op))
        if flipped_op is not None and not (isinstance(node.op, ast.Add) and _is_text(node)):
            yield f"{type(node.op).__name__}->{flipped_op.__name__}", ast.BinOp(node.left, flipped_op(), node.right)
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, bool):
            yield f"{node.value}->{not node.value}", ast.Constant(not node.value)
        elif isinstance(node.value, int):
            yield f"{node.value}->{node.value + 1}", ast.Constant(node.value + 1)
        elif isinstance(node.value, str) and node.value.strip():
            yield "string", ast.Constant("≠" + node.value[1:] if len(node.value) > 1 else "≠")


def _is_text(node: ast.BinOp) -> bool:
    """Whether ``+`` joins strings (a flip to ``-`` would only raise TypeError, an obvious kill)."""
    return any((isinstance(side, ast.Constant) and isinstance(side.value, str))
               or isinstance(side, ast.JoinedStr) for side in (node.left, node.right))


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, replacement: ast.AST) -> None:
        self.target, self.replacement = target, replacement

    def visit(self, node: ast.AST) -> ast.AST:
        if node is self.target:
            return ast.copy_location(self.replacement, node)
        visited: ast.AST = super().visit(node)
        return visited


def mutants(source: str) -> Iterator[Mutant]:
    """Every single-change mutant of a module's source."""
    tree = ast.parse(source)
    skip = _docstring_nodes(tree) | _annotation_nodes(tree)
    for index, node in enumerate(ast.walk(tree)):
        for operator, _ in _changes(node, skip):
            # A fresh tree for each mutant; ast.walk visits the same source in the same order.
            fresh = ast.parse(source)
            target = next(n for i, n in enumerate(ast.walk(fresh)) if i == index)
            replacement = dict(_changes(target, set()))[operator]
            mutated = ast.fix_missing_locations(_Replace(target, replacement).visit(fresh))
            yield Mutant(getattr(node, "lineno", 0), getattr(node, "col_offset", 0), operator, ast.unparse(mutated))


def _copy_repository(into: Path) -> None:
    for part in ("src", "tests", "pyproject.toml"):
        origin = ROOT / part
        if origin.is_dir():
            shutil.copytree(origin, into / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(origin, into / part)


class _Workers:
    """One copy of the repository per worker, made once: copying for every mutant cost more than
    many of the test runs. A worker takes a free copy, writes its mutant, runs the tests, puts the
    original back and returns the copy."""

    def __init__(self, count: int, root: Path) -> None:
        self.root = root
        self.free: queue.SimpleQueue[Path] = queue.SimpleQueue()
        for index in range(count):
            copy = root / f"worker-{index}"
            _copy_repository(copy)
            self.free.put(copy)

    def killed(self, mutant: Mutant, module: Path, original: str, tests: list[str], timeout: float) -> bool:
        """Whether the tests fail (or hang) with the mutant in place, in a copy of the repository."""
        copy = self.free.get()
        try:
            (copy / module).write_text(mutant.source, encoding="utf-8")
            # The copy has no ../shared beside it: tests of the published documents skip there, and
            # must not fail every mutant as "required" (CNBUDGET_REQUIRE_SHARED, set in CI).
            environment = {key: value for key, value in os.environ.items() if key != "CNBUDGET_REQUIRE_SHARED"}
            environment |= {"PYTHONPATH": str(copy / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
            try:
                run = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                                      "--no-header", *tests], cwd=copy, env=environment, capture_output=True,
                                     timeout=timeout, check=False)
            except subprocess.TimeoutExpired:
                return True
            return run.returncode != 0
        finally:
            (copy / module).write_text(original, encoding="utf-8")
            # Examples Hypothesis saved against one mutant must not be replayed against the next.
            shutil.rmtree(copy / ".hypothesis", ignore_errors=True)
            self.free.put(copy)


def _equivalent(path: Path | None) -> set[str]:
    if path is None or not path.is_file():
        return set()
    keys = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {key for key in keys if key}


def _survivors(path: Path) -> set[str]:
    """The keys of the mutants an earlier run printed as ``survived  KEY  source line``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split()[1] for line in lines if line.startswith("survived ")}


def _span(text: str | None) -> range | None:
    if not text:
        return None
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("module", help="the module to mutate, e.g. src/cnbudget/money.py")
    parser.add_argument("tests", nargs="+", help="the test files (or node ids) to run against each mutant")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--equivalent", type=Path, default=ROOT / "tools" / "equivalent_mutants.txt")
    parser.add_argument("--only", help="only mutants on these lines, e.g. 120-180")
    parser.add_argument("--rerun", type=Path,
                        help="only the mutants an earlier run's output reports as survived (the module unchanged)")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds a run may take before it counts as killed")
    args = parser.parse_args(argv)

    module = Path(args.module).resolve().relative_to(ROOT)
    source = (ROOT / module).read_text(encoding="utf-8")
    lines = _span(args.only)
    every = [m for m in mutants(source) if lines is None or m.line in lines]
    equivalent = _equivalent(args.equivalent)
    candidates = [m for m in every if m.key(str(module)) not in equivalent]
    listed = len(every) - len(candidates)
    if args.rerun is not None:
        again = _survivors(args.rerun)
        candidates = [m for m in candidates if m.key(str(module)) in again]
    print(f"{module}: {len(every)} mutants, {listed} listed as equivalent; running {len(candidates)}"
          f"{' survivors of ' + str(args.rerun) if args.rerun else ''} with {args.jobs} job(s)", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="mutants-") as folder, ThreadPoolExecutor(max_workers=args.jobs) as pool:
        workers = _Workers(args.jobs, Path(folder))
        verdicts = pool.map(lambda m: workers.killed(m, module, source, args.tests, args.timeout), candidates)
        survivors: list[Mutant] = []
        # Each survivor is printed as soon as it is known, so that a long run can be read as it goes.
        for mutant, was_killed in zip(candidates, verdicts, strict=True):
            if not was_killed:
                survivors.append(mutant)
                print(f"survived  {mutant.key(str(module))}  {source.splitlines()[mutant.line - 1].strip()}",
                      flush=True)
    killed = len(candidates) - len(survivors)
    score = killed / len(candidates) if candidates else 1.0
    tried = "earlier survivors" if args.rerun else "non-equivalent mutants"
    print(f"{module}: killed {killed} of {len(candidates)} {tried} ({score:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
