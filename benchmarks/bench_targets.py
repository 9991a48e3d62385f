"""The speed targets (性能目标), each as a ratio to a reference timed side by side in the same run.

* ``validate`` at 1k, 10k and 100k lines against ``json.loads`` of the same document's JSON, and the
  growth exponent of ``validate`` fitted over the sizes (1.0 is linear);
* ``read_text`` of every seed and corpus ``tsv.txt`` against ``json.loads`` of its result's JSON, each
  document's first read after the others (``first_reads.py``: caches emptied, the run before re-read);
* ``from_json`` and ``to_json`` against pydantic v2 and msgspec models of the same shape (built here
  from the model's own attrs classes: same fields, same JSON);
* ``import cnbudget`` against ``import attrs, cattrs`` (fresh interpreters, both from compiled bytecode),
  and the first use of the model after it;
* one paragraph of 1k and 8k lines, the second's time as a multiple of the first's (8 is linear);
* ``validate`` of shapes once quadratic, growing, with their growth exponents: many agencies with
  单位代码, many agencies failing a sum apiece (the shifted-rows diagnosis), and two tables
  disagreeing on every code (the finest findings kept);
* whole documents: read + validate of the seeds per second on one core, read the first time after
  the corpus;
* memory of a loaded model against the ``json.loads`` tree of its JSON.

Times are the best of several repeats, in CPU time (of this process, or of the child interpreters
for the import): on a machine shared with other work the wall clock wanders with the load. pydantic
and msgspec come with the ``bench`` extra (``pip install -e '.[bench]'``); without them their rows
are left out.
Run: python benchmarks/bench_targets.py [--sizes 1000,10000,100000] [--quick]
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import functools
import gc
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from bench_validate import disclosure  # type: ignore[import-not-found]
from first_reads import first_time  # type: ignore[import-not-found]

from cnbudget import example, from_json, read_text, to_json, validate
from cnbudget.codes import ClassificationCode, FunctionCode
from cnbudget.errors import CnbudgetError
from cnbudget.model import (
    BudgetDisclosure,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    RevenueLine,
    RevenueTable,
    SourceAmounts,
    Tables,
)
from cnbudget.readers.prose.paragraphs import paragraphs
from cnbudget.readers.text.source import split_lines
from cnbudget.serialize import jsontext
from cnbudget.serialize.fast import FAST_ENCODER, parsed_fast
from cnbudget.serialize.unstructuring import written

SHARED = Path(__file__).resolve().parents[2] / "shared"
# The json.loads of a small document takes 0.2–0.3 ms and its best of two moves by a third between runs
# (and the ratio with it); it costs nothing to take the best of more.
REFERENCE_REPEATS = 25
ROWS_PER_AGENCY = 185  # rows of bench_validate's disclosure per agency (two function tables, one economic)


def best(call: Callable[[], object], repeat: int = 5) -> float:
    """The best of ``repeat`` timings of ``call``, in seconds of this process's CPU time: on a machine
    shared with other work, wall-clock times wander with the load, CPU times far less."""
    return best_given(lambda _: call(), lambda: None, repeat)


def best_given(call: Callable[[Any], object], make: Callable[[], Any], repeat: int = 5) -> float:
    """:func:`best` of ``call(make())``, ``make`` called outside the timing (a new input each time)."""
    times = []
    for _ in range(repeat):
        given = make()
        gc.collect()
        start = time.process_time()
        call(given)
        times.append(time.process_time() - start)
    return min(times)


#: A case timed by :func:`best_interleaved`: the call and what makes its input, outside the timing.
Case = tuple[Callable[[Any], object], Callable[[], Any]]


def best_interleaved(cases: dict[str, Case], rounds: int) -> dict[str, float]:
    """:func:`best_given` of each case (``call``, ``make``), taken in rounds that time every case once
    in turn: a change in the machine's load during the run falls on every case alike, where timing one
    case's repeats after the other's lets it fall on one."""
    times: dict[str, list[float]] = {key: [] for key in cases}
    for _ in range(rounds):
        for key, (call, make) in cases.items():
            times[key].append(best_given(call, make, 1))
    return {key: min(found) for key, found in times.items()}


# -- the same shape in pydantic and msgspec -----------------------------------------------------


def _plain_type(hint: Any, make: Callable[[type], Any], seen: set[type]) -> Any:
    """The type of the other library for one attrs field type: attrs classes through ``make``, codes as
    text, tuples as lists; a class met again inside itself as ``Any``."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        args = [_plain_type(a, make, seen) for a in typing.get_args(hint)]
        return typing.Union[tuple(args)]  # noqa: UP007  (built from a list)
    if origin is tuple:
        return list[_plain_type(typing.get_args(hint)[0], make, seen)]  # type: ignore[misc]
    if isinstance(hint, type) and issubclass(hint, ClassificationCode):
        return str
    if isinstance(hint, type) and attrs.has(hint):
        return Any if hint in seen else make(hint)
    if hint in (str, int, bool, Decimal, type(None)) or (isinstance(hint, type) and issubclass(hint, enum.Enum)):
        return hint
    return Any


def pydantic_model(cls: type, cache: dict[type, Any], seen: frozenset[type] = frozenset()) -> Any:
    import pydantic

    if cls in cache:
        return cache[cls]
    inner = set(seen | {cls})
    fields: dict[str, Any] = {}
    for name, hint in typing.get_type_hints(cls).items():
        plain = _plain_type(hint, lambda c: pydantic_model(c, cache, frozenset(inner)), inner)
        fields[f"f_{name}"] = (plain, pydantic.Field(alias=name))
    model = pydantic.create_model(f"P{cls.__name__}", __config__=pydantic.ConfigDict(populate_by_name=True),
                                  **fields)
    cache[cls] = model
    return model


def msgspec_struct(cls: type, cache: dict[type, Any], seen: frozenset[type] = frozenset()) -> Any:
    import msgspec

    if cls in cache:
        return cache[cls]
    inner = set(seen | {cls})
    fields = [(name, _plain_type(hint, lambda c: msgspec_struct(c, cache, frozenset(inner)), inner))
              for name, hint in typing.get_type_hints(cls).items()]
    struct = msgspec.defstruct(f"M{cls.__name__}", fields)
    cache[cls] = struct
    return struct


# -- measurements -------------------------------------------------------------------------------


def fit_exponent(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log(time) over log(size): 1 when time grows linearly with size."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def bench_validate(sizes: list[int], repeat: int) -> None:
    print(f"\nvalidate (target ≤ 5 × json.loads, linear)\n{'lines':>8} {'validate s':>11} {'loads s':>9} "
          f"{'ratio':>7} {'findings':>9}")
    timings = []
    for size in sizes:
        doc = disclosure(max(1, round(size / ROWS_PER_AGENCY)))
        text = to_json(doc, indent=None)
        lines = sum(1 for _, table in doc.tables.present() for _ in table.rows())
        seconds = best(lambda d=doc: validate(d), repeat if size < 50_000 else 1)
        loads = best(lambda t=text: json.loads(t), repeat)
        timings.append((lines, seconds))
        print(f"{lines:>8} {seconds:>11.3f} {loads:>9.4f} {seconds / loads:>7.1f} {len(validate(doc).findings):>9}")
    if len(timings) > 1:
        exponent = fit_exponent([n for n, _ in timings], [t for _, t in timings])
        print(f"growth exponent of validate: {exponent:.2f} (1.00 is linear)")


def coded_agencies(lines: int) -> BudgetDisclosure:
    """A department (单位代码 100) over ``lines / 5`` units (100xxxxx), each with one 类/款/项 line: the
    shape where finding which agency row holds which once compared every pair of agencies."""
    def amounts(value: int) -> ExpenditureAmounts:
        return ExpenditureAmounts(total=Decimal(value), basic=Decimal(value), project=Decimal(0))

    units = lines // 5
    rows = [FunctionLine(agency="部门", agency_code="100", name="部门", amounts=amounts(units * 4))]
    for unit in range(units - 1):
        agency, code = f"单位{unit}", f"100{unit:05d}"
        rows.append(FunctionLine(agency=agency, agency_code=code, name=agency, amounts=amounts(4)))
        for digits, name in (("201", "一般公共服务支出"), ("20101", "人大事务"), ("2010101", "行政运行")):
            rows.append(FunctionLine(agency=agency, agency_code=code, code=FunctionCode(digits), name=name,
                                     amounts=amounts(4)))
    table = ExpenditureTable(lines=rows)
    return BudgetDisclosure(department="基准部门", fiscal_year=2024,
                            tables=Tables(expenditure=table, general_budget=table))


def failing_agencies(lines: int) -> BudgetDisclosure:
    """A department of ``lines / 4`` agencies, each printing a 项 of 4.00 under its 类 and 款 of 5.00:
    a failed sum apiece, which the shifted-rows diagnosis (READ-006) reads; it once compared every
    failure with every other."""
    printed = ((None, None, "5.00"), ("201", "一般公共服务支出", "5.00"), ("20101", "人大事务", "5.00"),
               ("2010101", "行政运行", "4.00"))
    def amounts(total: str) -> ExpenditureAmounts:
        return ExpenditureAmounts(total=Decimal(total), basic=Decimal(total), project=Decimal("0.00"))

    rows = [FunctionLine(agency=f"单位{unit}", code=FunctionCode(code) if code else None, name=name or f"单位{unit}",
                         amounts=amounts(total))
            for unit in range(lines // 4) for code, name, total in printed]
    return BudgetDisclosure(department="基准部门", fiscal_year=2024,
                            tables=Tables(expenditure=ExpenditureTable(lines=rows)))


def disagreeing_codes(lines: int) -> BudgetDisclosure:
    """收入总体情况表 and 支出总体情况表 printing ``lines / 2`` 项 each, every 项 a yuan apart: a
    finding per 项 compared, each echoed by its 款 and 类, which were once weeded out by holding
    every finding against every other."""
    codes = [f"210{section:02d}{item:02d}" for section in range(1, 100) for item in range(1, 100)][:lines // 2]
    spent = [FunctionLine(code=FunctionCode(code), name=f"项{code}", amounts=ExpenditureAmounts(total=Decimal("5.00")))
             for code in codes]
    received = [RevenueLine(code=FunctionCode(code), name=f"项{code}", amounts=SourceAmounts(total=Decimal("6.00")))
                for code in codes]
    tables = Tables(revenue=RevenueTable(lines=received), expenditure=ExpenditureTable(lines=spent))
    return BudgetDisclosure(department="基准部门", fiscal_year=2024, tables=tables)


def bench_growth(what: str, make: Callable[[int], BudgetDisclosure], sizes: list[int], repeat: int) -> None:
    """``validate`` of documents of growing size made by ``make`` (a shape once quadratic), and the
    exponent of its growth."""
    print(f"\nvalidate, {what}\n{'lines':>8} {'validate s':>11}")
    timings = []
    for size in sizes:
        doc = make(size)
        lines = sum(1 for _, table in doc.tables.present() for _ in table.rows())
        seconds = best(lambda d=doc: validate(d), repeat)
        timings.append((lines, seconds))
        print(f"{lines:>8} {seconds:>11.3f}")
    exponent = fit_exponent([n for n, _ in timings], [t for _, t in timings])
    print(f"growth exponent: {exponent:.2f} (1.00 is linear)")


def documents() -> list[tuple[str, str]]:
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus").glob("*/tsv.txt"))
    return [(p.parent.name if p.name == "tsv.txt" else p.stem[:12], p.read_text(encoding="utf-8")) for p in paths]


def runs_before(name: str) -> list[str]:
    """The texts a run reads before the document ``name``: every other seed, and every other corpus
    document in its TAB-separated and its flat form (flat text has caches of its own, as seed 004
    is flat), none of the same document."""
    seeds = [p for p in sorted((SHARED / "seeds").glob("*.txt")) if p.stem[:12] != name]
    corpus = [p for p in sorted((SHARED / "corpus").glob("*/*.txt"))
              if p.name in ("tsv.txt", "flat.txt") and p.parent.name != name]
    return [p.read_text(encoding="utf-8") for p in (*seeds, *corpus)]


def bench_read(repeat: int) -> list[BudgetDisclosure]:
    print(f"\nread_text (target ≤ 15 × json.loads of its result), each document's first read after the others "
          f"(first_reads.py; 'again': read over and over, its own texts kept)\n"
          f"{'document':40} {'first ms':>9} {'again ms':>9} {'loads ms':>9} {'ratio':>7}")
    read = []
    for name, text in documents():
        try:
            doc = read_text(text).disclosure
        except CnbudgetError as error:  # the final accounts, refused by design
            print(f"{name[:40]:40} refused: {type(error).__name__}")
            continue
        read.append(doc)
        others = [functools.partial(_read_if_readable, other) for other in runs_before(name)]
        first = first_time(lambda t=text: read_text(t), others, repeat)
        again = best(lambda t=text: read_text(t), repeat)
        dumped = to_json(doc, indent=None)
        loads = best(lambda t=dumped: json.loads(t), max(repeat, REFERENCE_REPEATS))
        print(f"{name[:40]:40} {first * 1000:>9.1f} {again * 1000:>9.1f} {loads * 1000:>9.2f} {first / loads:>7.1f}")
    return read


def _read_if_readable(text: str) -> bool:
    """Read ``text``; whether it could be (the final accounts are refused by design)."""
    try:
        read_text(text)
    except CnbudgetError:
        return False
    return True


def long_paragraph(lines: int) -> str:
    """Running text of ``lines`` lines, none ending a sentence (a narrative printed without breaks, or a
    hostile input): one paragraph, built line by line."""
    pieces = ("本部门 2024 年一般公共预算支出 １，２７４．６９ 万元，", "主要用于保障机关运行和",
              "履行职能所需的各项支出，")
    return "\n".join(pieces[index % len(pieces)] for index in range(lines)) + "。"


def bench_paragraphs(sizes: list[int], repeat: int) -> None:
    print(f"\none paragraph of many lines (once quadratic: ratio 8 at 8 × the lines is linear)\n"
          f"{'lines':>8} {'ms':>9} {'ratio':>7}")
    timings = []
    for size in sizes:
        lines = split_lines(long_paragraph(size))
        seconds = best(lambda ls=lines: paragraphs(ls), repeat)
        ratio = seconds / timings[0][1] if timings else 1.0
        timings.append((size, seconds))
        print(f"{size:>8} {seconds * 1000:>9.1f} {ratio:>7.1f}")


def bench_whole_documents(repeat: int) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    if not seeds:
        return
    flat = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus").glob("*/flat.txt"))]
    corpus = [text for _, text in documents() if text not in seeds]
    # The run before the seeds: the corpus, in its TAB-separated and flat forms, read and checked.
    before = [functools.partial(_checked_if_readable, text) for text in (*corpus, *flat)]
    seconds = first_time(functools.partial(_check_all, seeds), before, repeat)
    again = best(functools.partial(_check_all, seeds), repeat)
    dumped = [to_json(read_text(text).disclosure, indent=None) for text in seeds]
    loads = best(lambda: [json.loads(t) for t in dumped], max(repeat, REFERENCE_REPEATS))
    print(f"\nwhole documents (target ≥ 50 per second per core): read + validate of the {len(seeds)} seeds, each "
          f"read the first time after the corpus (first_reads.py): {len(seeds) / seconds:.1f} documents per second, "
          f"{seconds / loads:.0f} × json.loads (read over and over: {len(seeds) / again:.1f} per second)")
    # Where the time goes: each seed's first read and its check apart.
    parts = []
    for index, text in enumerate(seeds):
        earlier = [*before, *(functools.partial(read_text, other) for at, other in enumerate(seeds) if at != index)]
        read = first_time(lambda t=text: read_text(t), earlier, repeat)
        doc = read_text(text).disclosure
        parts.append((read, best(lambda d=doc: validate(d), repeat)))
    print("  first read + validate per seed, ms: "
          + "  ".join(f"{r * 1000:.1f} + {v * 1000:.1f}" for r, v in parts)
          + f"  (all: {sum(r for r, _ in parts) * 1000:.1f} + {sum(v for _, v in parts) * 1000:.1f})")
    # The same measure over the corpus budgets (the templates in use; smaller than the seeds, 200–800
    # lines): for comparison, not the target's measure. The run before them: the seeds and the flat forms.
    budgets = [text for text in corpus if _read_if_readable(text)]
    if budgets:
        before_budgets = [functools.partial(_checked_if_readable, text) for text in (*seeds, *flat)]
        seconds = first_time(functools.partial(_check_all, budgets), before_budgets, repeat)
        print(f"  the {len(budgets)} corpus budgets (tsv.txt) the same way, for comparison: "
              f"{len(budgets) / seconds:.1f} documents per second")


def _check_all(texts: list[str]) -> None:
    for text in texts:
        validate(read_text(text).disclosure)


def _checked_if_readable(text: str) -> None:
    with contextlib.suppress(CnbudgetError):  # the final accounts, refused by design
        validate(read_text(text).disclosure)


def bench_serialize(docs: dict[str, BudgetDisclosure], repeat: int) -> None:
    try:
        import msgspec
        import pydantic  # noqa: F401
    except ImportError:
        print("\nfrom_json/to_json: pydantic and msgspec not installed (pip install -e '.[bench]')")
        return
    model = pydantic_model(BudgetDisclosure, {})
    struct = msgspec_struct(BudgetDisclosure, {})
    decoder = msgspec.json.Decoder(struct)
    extra = "with the fast extra (orjson)" if FAST_ENCODER else "without the fast extra (pip install -e '.[fast]')"
    print(f"\nfrom_json (target ≤ 1 × pydantic), to_json (≤ 1 × pydantic model_dump_json), ms, {extra}; "
          "'own' is the library's own code alone, without the extra; to_json writes two spaces of indent, "
          "so it is compared with model_dump_json compact (the target) and indented")
    print(f"{'document':22} {'from_json':>10} {'own':>6} {'pydantic':>9} {'msgspec':>8} {'ratio':>6} {'own':>5} "
          f"{'to_json':>8} {'own':>6} {'dump':>6} {'dump(2)':>8} {'ratio':>6} {'own':>5} {'(2)':>5}")
    for name, doc in docs.items():
        t = _serialize_times(doc, model, decoder, repeat)
        ms = {key: value * 1000 for key, value in t.items()}
        print(f"{name[:22]:22} {ms['from_json']:>10.1f} {ms['from_own']:>6.1f} {ms['pydantic']:>9.1f} "
              f"{ms['msgspec']:>8.1f} {t['from_json'] / t['pydantic']:>6.2f} {t['from_own'] / t['pydantic']:>5.2f} "
              f"{ms['to_json']:>8.1f} {ms['to_own']:>6.1f} {ms['dump']:>6.1f} {ms['dump2']:>8.1f} "
              f"{t['to_json'] / t['dump']:>6.2f} {t['to_own'] / t['dump']:>5.2f} {t['to_json'] / t['dump2']:>5.2f}")


def _serialize_times(doc: BudgetDisclosure, model: Any, decoder: Any, repeat: int) -> dict[str, float]:
    """Seconds for one document: reading and writing its JSON each way.

    Each reading is given a new str of the text, as a text read from a file is parsed once: a str
    keeps the UTF-8 form a parser asks of it, so that parsing one str object again (pydantic, msgspec)
    skips encoding the text, which any first parse pays (about a fifth of urumqi-2024's reading)."""
    utf8 = to_json(doc).encode()
    parsed = model.model_validate_json(utf8)
    decoder.decode(utf8)

    def from_own(text: str) -> Any:
        jsontext.parsed_fast = json.loads  # the quick path's parser without the extra
        try:
            return from_json(text)
        finally:
            jsontext.parsed_fast = parsed_fast

    readings: dict[str, Callable[[str], Any]] = {
        "from_json": from_json, "from_own": from_own,
        "pydantic": model.model_validate_json, "msgspec": decoder.decode,
    }
    writings: dict[str, Callable[[], Any]] = {
        "to_json": lambda: to_json(doc), "to_own": lambda: written(doc, 2),
        "dump": lambda: parsed.model_dump_json(by_alias=True),
        "dump2": lambda: parsed.model_dump_json(by_alias=True, indent=2),
    }
    cases = {key: (call, utf8.decode) for key, call in readings.items()}
    cases |= {key: ((lambda _, call=call: call()), lambda: None) for key, call in writings.items()}
    # A small document's best of a few moves by a fifth between runs, as json.loads' does.
    small = len(utf8) < 1 << 20
    return best_interleaved(cases, max(repeat, REFERENCE_REPEATS) if small else repeat)


def bench_import(repeat: int) -> None:
    # Both sides from compiled bytecode, as an installed package runs: with PYTHONDONTWRITEBYTECODE
    # set, cnbudget's sources would be compiled on every run and attrs' and cattrs' not.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="cnbudget-bench-pyc-")

    def run(code: str) -> float:  # the CPU time of the child process
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

    cases = {"nothing": "pass", "ours": "import cnbudget", "theirs": "import attrs, cattrs",
             "model": "import cnbudget; cnbudget.BudgetDisclosure"}
    for code in cases.values():
        run(code)  # writes the bytecode
    best = {case: min(run(code) for _ in range(repeat)) for case, code in cases.items()}
    nothing = best["nothing"]
    ours, theirs, model = (best[case] - nothing for case in ("ours", "theirs", "model"))
    print(f"\nimport cnbudget (target ≤ 2 × import attrs, cattrs): {ours * 1000:.0f} ms against "
          f"{theirs * 1000:.0f} ms ({ours / theirs:.1f} ×), beyond a bare interpreter's {nothing * 1000:.0f} ms; "
          f"with the model loaded on first use {model * 1000:.0f} ms ({model / theirs:.1f} ×)")


def bench_memory(docs: dict[str, BudgetDisclosure]) -> None:
    print("\nmemory of a loaded model (target ≤ 1 × the json.loads tree of its JSON)")
    for name, doc in docs.items():
        text = to_json(doc)
        sizes = []
        for load in (json.loads, from_json):
            gc.collect()
            tracemalloc.start()
            kept = load(text)
            size = tracemalloc.get_traced_memory()[0]
            tracemalloc.stop()
            del kept
            sizes.append(size)
        print(f"{name[:22]:22} model {sizes[1] / 1024:>9.0f} KiB, json.loads {sizes[0] / 1024:>9.0f} KiB "
              f"({sizes[1] / sizes[0]:.2f} ×)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="lines of the synthetic documents")
    parser.add_argument("--coded-sizes", default="2500,5000,10000,20000",
                        help="lines of the documents of many agencies with 单位代码")
    parser.add_argument("--paragraph-sizes", default="1000,8000", help="lines of the one long paragraph")
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--failing-sizes", default="2000,4000,8000,16000",
                        help="lines of the documents of many agencies failing a sum apiece")
    parser.add_argument("--disagreeing-sizes", default="2000,4000,8000,16000",
                        help="lines of the two tables disagreeing on every code")
    parser.add_argument("--only", choices=("import", "validate", "coded", "failing", "disagreeing", "paragraph",
                                           "read", "whole", "serialize"),
                        help="one part only")
    args = parser.parse_args()
    repeat = 2 if args.quick else 5
    sizes = [int(s) for s in args.sizes.split(",")]
    parts: dict[str, Callable[[], object]] = {
        "import": lambda: bench_import(repeat),
        "validate": lambda: bench_validate(sizes, repeat),
        "coded": lambda: bench_growth("many agencies with 单位代码 (once quadratic)", coded_agencies,
                                      [int(s) for s in args.coded_sizes.split(",")], 1),
        "failing": lambda: bench_growth("many agencies failing a sum apiece (the shifted-rows diagnosis, once "
                                        "quadratic)", failing_agencies,
                                        [int(s) for s in args.failing_sizes.split(",")], 1),
        "disagreeing": lambda: bench_growth("two tables disagreeing on every code (the finest findings kept, once "
                                            "quadratic)", disagreeing_codes,
                                            [int(s) for s in args.disagreeing_sizes.split(",")], 1),
        "paragraph": lambda: bench_paragraphs([int(s) for s in args.paragraph_sizes.split(",")], repeat),
        "read": lambda: bench_read(repeat),
        "whole": lambda: bench_whole_documents(repeat),
        "serialize": lambda: _bench_serialize_and_memory(sizes, repeat),
    }
    for name, part in parts.items():
        if args.only in (None, name):
            part()


def _bench_serialize_and_memory(sizes: list[int], repeat: int) -> None:
    large = disclosure(max(1, round(sizes[-1] / ROWS_PER_AGENCY)))
    docs = {"urumqi-2024": example("urumqi-2024"), f"synthetic {sizes[-1]} lines": large}
    bench_serialize(docs, repeat)
    bench_memory(docs)


if __name__ == "__main__":
    main()
