"""Batch runs under faults (issue 11): workers die with their parent, a dead worker
ends the run with a resume hint, and resume verifies what it trusts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import load_table, tag_archive
from extract.cli import main
from glossary import Glossary, Term

from .test_batch import _write_corpus

GLOSSARY_YAML = (
    'name: g\nversion: "1"\nterms:\n'
    "  - {id: capex, term: 자본 지출, aliases: [Capex, CapEx]}\n"
    "  - {id: interest_rate, term: 금리}\n  - {id: hyperscaler, term: 하이퍼스케일러}\n"
)


@pytest.fixture(scope="module")
def small() -> Glossary:
    return Glossary(
        [Term(id="capex", term="자본 지출", aliases=("Capex",)), Term(id="rate", term="금리")],
        name="small",
        version="1",
    )


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its entry is left


def _sorted_mentions(out: Path) -> list[tuple]:
    return sorted(load_table(out).itertuples(index=False, name=None))


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
# SIGKILL only: the workers' lifeline (PR_SET_PDEATHSIG, then a parent watchdog) fires on
# the parent's death whatever killed it, and this is the one signal the parent cannot
# handle itself. (SIGTERM, also checked during development, costs another 50 s of CI.)
@pytest.mark.parametrize("sig", [signal.SIGKILL], ids=["KILL"])
def test_workers_exit_with_the_main_process_and_resume_is_identical(sig, tmp_path: Path) -> None:
    # Only the run that is killed is a process of its own; the uninterrupted run and the
    # resume (with their own worker pools) run in this one.
    _write_corpus(tmp_path / "in.jsonl", 4)
    (tmp_path / "g.yaml").write_text(GLOSSARY_YAML, encoding="utf-8")
    args = ["tag", str(tmp_path / "in.jsonl"), "-g", str(tmp_path / "g.yaml")]
    args += ["--chunk-size", "6", "--full", "-j", "2"]
    uninterrupted = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "whole")])
    assert uninterrupted.exit_code == 0, uninterrupted.output
    proc = subprocess.Popen(
        [sys.executable, "-m", "extract.cli", *args, "-o", str(tmp_path / "cut")],
        stderr=subprocess.DEVNULL,
    )
    done = tmp_path / "cut" / "_done"
    deadline = time.time() + 120
    while time.time() < deadline and len(list(done.glob("part-*.json"))) < 2:
        time.sleep(0.02)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the pool had not started"
    os.kill(proc.pid, sig)
    proc.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(map(_alive, workers)):
        time.sleep(0.1)
    assert [w for w in workers if _alive(w)] == []
    n_done = len(list(done.glob("part-*.json")))  # not the dot-files of a write cut short
    manifest = json.loads((tmp_path / "cut" / "manifest.json").read_text())
    assert manifest["status"] == "running", "the kill came too late to test"
    resumed = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "cut"), "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert f"({n_done} from an earlier run)" in resumed.stderr
    assert _sorted_mentions(tmp_path / "cut") == _sorted_mentions(tmp_path / "whole")
    whole = json.loads((tmp_path / "whole" / "manifest.json").read_text())["counts"]
    assert json.loads((tmp_path / "cut" / "manifest.json").read_text())["counts"] == whole


def test_a_dead_worker_ends_the_run_with_a_resume_hint(tmp_path: Path, small, monkeypatch):
    import extract.engine.tagger as tagger_mod
    from extract.batch.archive import WorkerDied

    real = tagger_mod.Tagger.tag_document

    def oom_killed(self, doc, **kw):  # runs in a forked worker only (jobs=2)
        if doc.id.endswith("-3"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, doc, **kw)

    monkeypatch.setattr(tagger_mod.Tagger, "tag_document", oom_killed)
    _write_corpus(tmp_path / "in.jsonl", 6, bad=False)
    with pytest.raises(WorkerDied, match=r"--resume"):
        tag_archive(tmp_path / "in.jsonl", tmp_path / "run", glossary=small, jobs=2, chunk_size=3)


# --- resume verifies what it trusts; an unfinished run says so --------------------------


@pytest.fixture()
def run(tmp_path: Path, small: Glossary) -> Path:
    _write_corpus(tmp_path / "in.jsonl", 4)
    tag_archive(tmp_path / "in.jsonl", tmp_path / "run", glossary=small, chunk_size=5)
    return tmp_path / "run"


def _resume(run: Path, small: Glossary):
    return tag_archive(run.parent / "in.jsonl", run, glossary=small, chunk_size=5, resume=True)


@pytest.mark.parametrize("table", ["mentions", "documents", "doc_terms"])
@pytest.mark.parametrize("damage", ["deleted", "truncated", "replaced"])
def test_resume_redoes_a_chunk_whose_shard_fails_verification(table, damage, run, small):
    before = _sorted_mentions(run)
    counts = json.loads((run / "manifest.json").read_text())["counts"]
    shard = sorted((run / table).glob("part-*.parquet"))[1]
    if damage == "deleted":
        shard.unlink()
    elif damage == "truncated":
        shard.write_bytes(shard.read_bytes()[: shard.stat().st_size // 2])
    else:  # a valid Parquet file, but another chunk's
        shard.write_bytes(sorted((run / table).glob("part-*.parquet"))[0].read_bytes())
    summary = _resume(run, small)
    assert summary.resumed_chunks == summary.chunks - 1
    assert _sorted_mentions(run) == before
    assert json.loads((run / "manifest.json").read_text())["counts"] == counts


def test_resume_redoes_a_chunk_whose_errors_shard_is_gone(run, small):
    errors = (run / "errors.jsonl").read_text()
    next(iter(sorted((run / "errors").glob("part-*.jsonl")))).unlink()
    summary = _resume(run, small)
    assert summary.resumed_chunks == summary.chunks - 1
    assert (run / "errors.jsonl").read_text() == errors


def test_resume_refuses_an_input_edited_in_place(run, small):
    path = run.parent / "in.jsonl"
    data = path.read_bytes()
    path.write_bytes(data.replace("금리".encode(), "환율".encode(), 1))  # same size
    assert len(path.read_bytes()) == len(data)
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    with pytest.raises(ValueError, match="inputs"):
        _resume(run, small)


def _unfinish(run: Path) -> None:
    manifest = json.loads((run / "manifest.json").read_text())
    manifest["status"] = "running"
    (run / "manifest.json").write_text(json.dumps(manifest))
    sorted((run / "_done").glob("part-*.json"))[-1].unlink()


def test_load_table_refuses_an_unfinished_run_unless_partial(run):
    _unfinish(run)
    with pytest.raises(ValueError, match=r"unfinished.*chunks.*records.*--resume"):
        load_table(run, "documents")
    with pytest.warns(UserWarning, match="unfinished"):
        assert len(load_table(run, "documents", partial=True)) > 0


def test_trends_on_an_unfinished_run_says_so(run):
    from click.testing import CliRunner

    from extract.cli import main

    _unfinish(run)
    result = CliRunner().invoke(main, ["trends", str(run)])
    assert result.exit_code != 0
    assert "unfinished" in result.output and "--partial" in result.output
    result = CliRunner().invoke(main, ["trends", str(run), "--partial"])
    assert result.exit_code == 0, result.output
    assert "unfinished" in result.output


def test_a_too_deep_line_is_one_error_and_the_run_finishes(tmp_path: Path, small: Glossary):
    path = tmp_path / "in.jsonl"
    _write_corpus(path, 2, bad=False)
    deep = '{"id": "deep", "title": "금리", "x": ' + "[" * 1_000 + "]" * 1_000 + "}"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines[:3], deep, *lines[3:]]) + "\n", encoding="utf-8")
    summary = tag_archive(path, tmp_path / "run", glossary=small, chunk_size=4)
    assert (summary.records, summary.errors) == (len(lines) + 1, 1)
    error = json.loads((tmp_path / "run" / "errors.jsonl").read_text())
    assert (error["line"], "nested" in error["reason"]) == (4, True)


def test_a_killed_runs_lock_is_waited_for_while_its_orphans_exit(tmp_path: Path) -> None:
    # A run killed outright: its recorded owner is dead, but a worker that inherited the
    # lock still holds it for a moment. A new run waits for that instead of refusing.
    from extract.batch import archive

    out = tmp_path / "run"
    out.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (out / archive._LOCK).write_text(f"{dead.pid}\n", encoding="utf-8")
    holder = (
        "import fcntl, sys, time\n"
        "fh = open(sys.argv[1], 'a+')\n"
        "fcntl.flock(fh, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        "time.sleep(1.5)\n"
    )
    orphan = subprocess.Popen(
        [sys.executable, "-c", holder, str(out / archive._LOCK)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert orphan.stdout is not None and orphan.stdout.readline().strip() == "held"
        fh = archive._lock(out)
        assert fh is not None
        assert orphan.poll() is not None, "the lock was taken while the orphan held it"
        assert (out / archive._LOCK).read_text(encoding="utf-8").strip() == str(os.getpid())
        fh.close()
    finally:
        orphan.kill()
        orphan.communicate()


def test_a_live_runs_lock_is_refused_at_once(tmp_path: Path) -> None:
    import fcntl

    from extract.batch import archive

    out = tmp_path / "run"
    out.mkdir()
    with open(out / archive._LOCK, "a+", encoding="utf-8") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        started = time.monotonic()
        with pytest.raises(FileExistsError, match=rf"another kotrend run \(pid {os.getpid()}\)"):
            archive._lock(out)
        assert time.monotonic() - started < 5
