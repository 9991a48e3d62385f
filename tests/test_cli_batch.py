"""Checking many documents at once: folders, standard input, several processes, what goes wrong on
the way (an unreadable file, a closed pipe, Ctrl-C), progress and the summary."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cnbudget.cli import main
from cnbudget.cli.runner import WORKER_ENDED, in_order, uninterrupted
from cnbudget.codes import FunctionCode
from cnbudget.errors import CnbudgetError
from cnbudget.model import BudgetDisclosure, ExpenditureAmounts, ExpenditureTable, FunctionLine, Tables
from cnbudget.serialize import to_json
from tests.seeds import SEEDS, seed_path

ROOT = Path(__file__).resolve().parents[1]

# Published text whose row 2101501 (line 9) prints 合计 12.50 over 基本支出 12.00 and no 项目支出.
TEXT = ("示例局 2024 年部门预算公开\n编制部门：示例局\n一般公共预算支出情况表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t12.50\t12.50\t\n210\t卫生健康支出\t12.50\t12.50\t\n"
        "21015\t医疗保障管理事务\t12.50\t12.50\t\n2101501\t行政运行\t12.50\t12.00\t\n")


def _doc(department: str, basic: str) -> str:
    line = FunctionLine(code=FunctionCode("2101501"), name="行政运行",
                        amounts=ExpenditureAmounts(total="9.00", basic=basic, project="1.00"))
    return to_json(BudgetDisclosure(department=department, fiscal_year=2024,
                                    tables=Tables(general_budget=ExpenditureTable(lines=[line]))))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of a province's documents: two good ones, one in a sub-folder, one unreadable, a file of
    another kind and a hidden one."""
    (tmp_path / "县").mkdir()
    (tmp_path / "a.json").write_text(_doc("甲局", "8.00"), encoding="utf-8")
    (tmp_path / "县" / "b.json").write_text(_doc("乙局", "1.00"), encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.json").write_text("{", encoding="utf-8")
    return tmp_path


def test_a_folder_is_every_readable_file_under_it_and_one_bad_file_does_not_stop_the_run(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(folder), "--format", "jsonl", "--select", "ROW"]) == 2
    captured = capsys.readouterr()
    documents = [json.loads(line) for line in captured.out.splitlines()]
    assert [Path(d["source"]).relative_to(folder).as_posix() for d in documents] == ["a.json", "broken.txt",
                                                                                      "县/b.json"]
    assert [d["outcome"] for d in documents] == ["checked", "not_read", "checked"]
    assert [d["department"] for d in documents] == ["甲局", None, "乙局"]
    assert [d["counts"]["error"] for d in documents] == [0, 0, 1]
    assert "binary" in documents[1]["error"]
    assert f"{folder / 'broken.txt'}: " in captured.err  # the error names the file
    assert "notes.docx" not in captured.out and ".docx 1" in captured.err  # counted in the summary


def test_a_file_in_a_folder_that_is_no_disclosure_is_passed_over_but_named_it_is_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.json").write_text(_doc("甲局", "8.00"), encoding="utf-8")
    (tmp_path / "README.md").write_text("# 说明\n\n这里存放各部门的预算公开文件。\n", encoding="utf-8")
    assert main(["check", str(tmp_path), "--format", "jsonl", "--select", "ROW"]) == 0
    documents = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(Path(d["source"]).name, d["outcome"]) for d in documents] == [("README.md", "passed_over"),
                                                                          ("a.json", "checked")]
    assert "not a budget disclosure" in documents[0]["error"]
    assert main(["check", str(tmp_path / "README.md"), "--format", "jsonl"]) == 2
    (named,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert named["outcome"] == "not_read"


def test_the_summary_lists_each_document_then_the_totals_and_the_frequent_rules(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(folder), "--select", "ROW"])
    out = capsys.readouterr().out
    summary = out[out.index("\n文件"):].splitlines()[1:]
    assert summary[1].split()[1:] == ["甲局", "2024", "1/1", "0", "0", "0", "已检查"]
    assert summary[2].split()[1:] == ["-", "-", "-", "-", "未能读取"]
    assert summary[3].split()[1:] == ["乙局", "2024", "1/1", "1", "0", "0", "已检查"]
    assert summary[4].split()[:7] == ["合计", "3", "份文件", "2/2", "1", "0", "0"]
    assert summary[5] == "最常见的规则：" and summary[6].split()[:2] == ["ROW-001", "1"]


def test_standard_input_is_read_once(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("gb18030"))))
    assert main(["check", "-", "--format", "json"]) == 1
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    assert document["source"] == "<stdin>" and document["department"] == "示例局"
    row = next(f for f in document["findings"] if f["rule"] == "ROW-001")
    assert row["locations"][0]["line_number"] == 9
    assert main(["check", "-", "-"]) == 2
    assert "only once" in capsys.readouterr().err


def test_two_jobs_give_what_one_gives(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(6):
        (folder / f"c{index}.json").write_text(_doc(f"丙{index}局", "1.00" if index % 2 else "8.00"),
                                               encoding="utf-8")
    inputs = [str(folder)]
    if SEEDS.is_dir():  # real documents, slow and fast ones mixed, where they are at hand
        inputs += [str(seed_path("003")), str(seed_path("001"))]
    outputs = []
    for jobs in ("1", "2"):
        for form in ("text", "jsonl"):
            status = main(["check", *inputs, "--format", form, "--jobs", jobs])
            outputs.append((jobs, form, status, capsys.readouterr().out))
    assert outputs[0][2:] == outputs[2][2:] and outputs[1][2:] == outputs[3][2:]
    assert outputs[0][2] == 2 and outputs[1][3].count("\n") == 9 + 2 * SEEDS.is_dir()


def _shuffled_wait(number: int) -> int:
    time.sleep(0.05 * (number % 3))
    return number * 10


def _first_slow(number: int) -> int:
    time.sleep(1.0 if number == 0 else 0.001)
    return number


def test_results_done_ahead_of_a_slow_document_are_bounded() -> None:
    # The other worker would finish all 199 quick documents while the first is slow; it stops at the
    # bound (16 results waiting per worker), so memory does not grow with the corpus.
    finished: list[int] = []
    with in_order(_first_slow, list(range(200)), jobs=2, done=lambda: finished.append(1)) as results:
        first = next(results)
        finished_before = len(finished)
        rest = list(results)
    assert [first, *rest] == list(range(200))
    assert finished_before <= 2 * 16 + 2


# The first document is slow, and its worker ends the first time (a large document killed for
# memory) while the other worker has done as many as may wait for it: it must still be tried again.
_FIRST_SLOW_ENDS = textwrap.dedent("""
    import json, os, sys, time
    from pathlib import Path
    from cnbudget.cli.runner import in_order

    marker = Path(sys.argv[1])

    def task(number):
        if number == 0 and not marker.exists():
            time.sleep(1.0)
            marker.touch()
            os._exit(70)
        return number

    if __name__ == "__main__":
        with in_order(task, list(range(100)), jobs=2) as results:
            print(json.dumps(list(results)))
""")


def test_the_first_document_tried_again_is_not_held_back_by_those_waiting_for_it(tmp_path: Path) -> None:
    script = tmp_path / "first.py"
    script.write_text(_FIRST_SLOW_ENDS, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "marker")], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == list(range(100))


class _NeedsTwo(Exception):
    """An exception that pickles but cannot be made again from what it pickles (two arguments)."""

    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} {second}")


def _raises_needs_two(number: int) -> int:
    if number == 2:
        raise _NeedsTwo("x", "y")
    return number


def test_a_task_exception_that_would_not_come_back_whole_is_said_in_its_turn() -> None:
    got: list[int] = []
    with pytest.raises(CnbudgetError, match="_NeedsTwo: x y"), \
            in_order(_raises_needs_two, [0, 1, 2, 3], jobs=2) as results:
        got.extend(results)
    assert got == [0, 1]


_PARENT_KILLED = textwrap.dedent("""
    import os, sys, time
    from cnbudget.cli.runner import in_order

    def quick(number):
        return number

    if __name__ == "__main__":
        print(os.getpid(), flush=True)
        with in_order(quick, list(range(40)), jobs=3) as results:
            for _ in results:
                time.sleep(60)  # the workers wait, idle, for more
""")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="children found through /proc")
def test_idle_workers_end_when_the_process_that_started_them_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(_PARENT_KILLED, encoding="utf-8")
    run = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert run.stdout is not None
    pid = int(run.stdout.readline())
    time.sleep(1.0)
    listed = Path(f"/proc/{pid}/task/{pid}/children")
    if not listed.exists():  # a kernel without the list of children
        os.kill(pid, signal.SIGKILL)
        pytest.skip("this kernel does not list a process's children")
    children = listed.read_text().split()
    assert len(children) == 3
    os.kill(pid, signal.SIGKILL)  # as the system does for want of memory
    run.wait(timeout=30)
    for _ in range(50):
        alive = [child for child in children if Path(f"/proc/{child}").exists()
                 and "zombie" not in Path(f"/proc/{child}/status").read_text()]
        if not alive:
            break
        time.sleep(0.1)
    assert alive == []


def test_results_come_back_in_input_order_whatever_order_they_finish_in() -> None:
    finished: list[int] = []
    with in_order(_shuffled_wait, list(range(7)), jobs=3, done=lambda: finished.append(1)) as results:
        assert list(results) == [0, 10, 20, 30, 40, 50, 60]
    assert len(finished) == 7


# Run in a process of its own, so that a run that hung fails the test (by its timeout) instead of
# hanging the suite. Item 3's worker ends without a result whenever it runs; item 5's only the first
# time (as a worker the system killed for memory another document took), so it is tried again and
# gets its result; item 7 raises, in its turn; item 8's result does not pickle.
_WORKER_ENDS = textwrap.dedent("""
    import json, os, sys, threading
    from pathlib import Path
    from cnbudget.cli.runner import in_order

    marker = Path(sys.argv[1])

    def task(number):
        if number == 3 or (number == 5 and not marker.exists()):
            if number == 5:
                marker.touch()
            os._exit(70)
        if number == 7:
            raise ValueError("seven")
        if number == 8:
            return threading.Lock()
        return number * 10

    if __name__ == "__main__":
        finished = []
        with in_order(task, list(range(7)), jobs=2, done=lambda: finished.append(1),
                      lost=lambda item, why: f"lost {item}: {why}") as results:
            print(json.dumps(list(results), ensure_ascii=False))
        print(len(finished))
        for items in ([3, 4], [6, 7, 1], [6, 8]):
            got = []
            try:
                with in_order(task, items, jobs=2) as results:
                    got.extend(results)
            except Exception as error:
                print(got, type(error).__name__, error)
""")


def test_a_worker_that_ends_without_a_result_neither_stops_nor_hangs_the_run(tmp_path: Path) -> None:
    script = tmp_path / "ends.py"
    script.write_text(_WORKER_ENDS, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "marker")], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    results, finished, refused, raised, unpickled = done.stdout.splitlines()
    assert json.loads(results) == [0, 10, 20, f"lost 3: {WORKER_ENDED}", 40, 50, 60]
    assert finished == "7"
    assert refused == f"[] CnbudgetError 3: {WORKER_ENDED}"
    assert raised == "[60] ValueError seven"  # the results before it first, as with one process
    assert unpickled.startswith("[60] CnbudgetError ") and "pickle" in unpickled
    assert "Traceback" not in done.stderr


_DYING_RUN = textwrap.dedent("""
    import os, sys
    from cnbudget.cli import check, main

    checked = check.check_source  # at the top, so that workers started afresh (spawn) have it too

    def dies_on_b(source, options):
        if source.name.endswith("b.json"):
            os._exit(70)
        return checked(source, options)

    if __name__ == "__main__":
        check.check_source = dies_on_b
        sys.exit(main(["check", *sys.argv[1:], "--format", "jsonl", "--jobs", "2", "--select", "ROW"]))
""")


def test_a_document_whose_worker_ends_is_reported_failed_and_the_run_goes_on(
        folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    script = tmp_path_factory.mktemp("script") / "dying_run.py"
    script.write_text(_DYING_RUN, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(folder)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 2
    documents = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(Path(d["source"]).name, d["outcome"]) for d in documents] == [
        ("a.json", "checked"), ("broken.txt", "not_read"), ("b.json", "failed")]
    assert documents[2]["error"] == WORKER_ENDED
    assert f"b.json: {WORKER_ENDED}" in done.stderr and "Traceback" not in done.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            raise io.UnsupportedOperation("no descriptor")

    errors = io.StringIO()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    monkeypatch.setattr(sys, "stderr", errors)
    assert main(["check", str(path), str(path)]) == 141
    assert "Traceback" not in errors.getvalue() and "BrokenPipe" not in errors.getvalue()


def test_a_closed_pipe_in_a_real_pipeline_prints_no_traceback(tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"{index}.txt").write_text(TEXT, encoding="utf-8")
    command = f"{sys.executable} -m cnbudget check {tmp_path} --jobs 2 | head -n 1"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.startswith("==> ") and done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "Error" not in done.stderr


def test_ctrl_c_reports_what_was_done(folder: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from cnbudget.cli import check
    from cnbudget.cli.checking import CheckedDocument, CheckOptions
    from cnbudget.cli.checking import check_source as checked  # the function check calls
    from cnbudget.cli.sources import Source

    def interrupted_at_the_second(source: Source, options: CheckOptions) -> CheckedDocument:
        if "broken" in source.name:
            raise KeyboardInterrupt
        return checked(source, options)

    monkeypatch.setattr(check, "check_source", interrupted_at_the_second)
    assert main(["check", str(folder), "--format", "json", "--jobs", "1", "--select", "ROW"]) == 130
    captured = capsys.readouterr()
    data = json.loads(captured.out)  # what was done is still one JSON document
    assert [d["department"] for d in data["documents"]] == ["甲局"] and data["totals"]["documents"] == 1
    assert "1 / 3" in captured.err and "Traceback" not in captured.err


_SLOW_RUN = textwrap.dedent("""
    import sys, time
    from cnbudget.cli import check, main

    checked = check.check_source  # at the top, so that workers started afresh (spawn) have it too

    def slow(source, options):
        time.sleep(0.4)
        return checked(source, options)

    if __name__ == "__main__":
        check.check_source = slow
        sys.exit(main(["check", *sys.argv[1:], "--format", "jsonl", "--jobs", "2"]))
""")


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT as on a POSIX terminal")
def test_ctrl_c_stops_the_workers_cleanly(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    for index in range(20):
        (folder / f"d{index:02d}.json").write_text(_doc(f"丁{index}局", "8.00"), encoding="utf-8")
    script = tmp_path_factory.mktemp("script") / "slow_run.py"
    script.write_text(_SLOW_RUN, encoding="utf-8")
    run = subprocess.Popen([sys.executable, str(script), str(folder)], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True)
    assert run.stdout is not None
    first = run.stdout.readline()  # a document is done: the workers are busy with the next ones
    os.killpg(run.pid, signal.SIGINT)  # as Ctrl-C does: the whole group, workers too
    rest = run.stdout.read()  # through the stream's buffer, which may hold more lines already
    assert run.stderr is not None
    errors = run.stderr.read()
    assert run.wait(timeout=60) == 130
    assert "Traceback" not in errors and "已中断" in errors
    lines = [first, *rest.splitlines()]
    assert 1 <= len(lines) < 23 and all(json.loads(line)["outcome"] for line in lines)
    assert f"已完成 {len(lines)} / 23" in errors  # every document written is counted, and no other
    with pytest.raises(ProcessLookupError):  # no worker is left behind
        for _ in range(50):
            os.killpg(run.pid, 0)
            time.sleep(0.1)


def test_progress_is_shown_only_on_a_terminal(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(folder), "--format", "jsonl"])
    assert "\r" not in capsys.readouterr().err


def test_a_baseline_covers_a_folder_checked_on_two_processes_and_can_be_renewed(
        folder: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]) -> None:
    accepted = tmp_path_factory.mktemp("baseline") / "accepted.json"
    good = [str(folder / "a.json"), str(folder / "县" / "b.json")]  # b.json: ROW-001 (9.00 ≠ 1.00 + 1.00)
    assert main(["check", *good, "--select", "ROW", "--jobs", "2", "--write-baseline", str(accepted)]) == 1
    assert [entry["rule"] for entry in json.loads(accepted.read_text(encoding="utf-8"))["accepted"]] == ["ROW-001"]
    capsys.readouterr()

    # Accepted: out of the output and the exit status, counted per document and in the totals.
    assert main(["check", *good, "--select", "ROW", "--jobs", "2", "--baseline", str(accepted),
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["accepted"], d["findings"]) for d in data["documents"]] == [(0, []), (1, [])]
    assert data["totals"]["accepted"] == 1 and data["totals"]["counts"]["error"] == 0

    # Both together: the accepted finding is left out of the output, and the new baseline still lists it.
    renewed = accepted.with_name("renewed.json")
    assert main(["check", *good, "--select", "ROW", "--baseline", str(accepted), "--write-baseline",
                 str(renewed)]) == 0
    assert "已接受（不再列出） 1" in capsys.readouterr().out
    assert json.loads(renewed.read_text(encoding="utf-8"))["accepted"] == \
        json.loads(accepted.read_text(encoding="utf-8"))["accepted"]


def test_without_a_baseline_nothing_is_counted_as_accepted(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(folder / "a.json"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["documents"][0]["accepted"] is None and data["totals"]["accepted"] is None


def test_a_result_and_its_model_pickle_for_other_engines(tmp_path: Path) -> None:
    """What docs/corpus.md shows for Dask and Spark: a document given as bytes (as Spark's binaryFiles
    gives it) is checked where it lands, and the result, model included, travels back by pickle."""
    import pickle

    from cnbudget.cli.checking import CheckOptions, check_source
    from cnbudget.cli.results import document_dict
    from cnbudget.cli.sources import Source

    checked = check_source(Source(name="hdfs://budgets/示例局.txt", data=TEXT.encode("gb18030")),
                           CheckOptions(keep_disclosure=True))
    back = pickle.loads(pickle.dumps(checked))
    assert back == checked and back.disclosure == checked.disclosure
    assert back.department == "示例局" and [f.rule for f in back.findings if f.rule == "ROW-001"] == ["ROW-001"]
    assert document_dict(back)["source"] == "hdfs://budgets/示例局.txt"


def test_ctrl_c_is_held_back_to_the_end_of_the_block() -> None:
    done: list[str] = []
    with pytest.raises(KeyboardInterrupt), uninterrupted():
        signal.raise_signal(signal.SIGINT)
        done.append("rest of the block")
    assert done == ["rest of the block"]


def test_ctrl_c_in_a_block_inside_another_is_held_back_to_the_end_of_the_outer_one() -> None:
    done: list[str] = []
    with pytest.raises(KeyboardInterrupt), uninterrupted():
        with uninterrupted():
            signal.raise_signal(signal.SIGINT)
        done.append("rest of the outer block")
    assert done == ["rest of the outer block"]


def test_ctrl_c_ignored_before_the_block_stays_ignored() -> None:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with uninterrupted():
            signal.raise_signal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, previous)
