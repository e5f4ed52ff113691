"""Batch runner: every record accounted for, deterministic shards, resume after kill -9."""

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

from corpus import load_sample
from extract import Tagger, load_table, tag_archive
from extract.cli import main
from glossary import Glossary, Term

BAD_LINES = [
    '{"id": "bad-title", "title": 5, "body": "본문"}',
    "not json at all",
    '{"title": "아이디가 없다", "body": "기준금리 동결"}',
    '{"id": "bad-date", "date": "2026-13-45", "title": "금리", "body": "금리"}',
]


def _write_corpus(path: Path, copies: int, *, bad: bool = True) -> int:
    """Sample articles repeated with fresh ids, with malformed lines mixed in."""
    lines = []
    for i in range(copies):
        for doc in load_sample():
            rec = {
                "id": f"{doc.id}-{i}",
                "date": doc.date.isoformat(),
                "title": doc.title,
                "body": doc.body,
                "source": doc.source,
            }
            lines.append(json.dumps(rec, ensure_ascii=False))
        if bad:
            lines.append(BAD_LINES[i % len(BAD_LINES)])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


@pytest.fixture(scope="module")
def small_glossary() -> Glossary:
    return Glossary(
        [
            Term(id="capex", term="자본 지출", aliases=("Capex", "CapEx", "CAPEX")),
            Term(id="hyperscaler", term="하이퍼스케일러"),
            Term(id="base_rate", term="기준금리"),
            Term(id="interest_rate", term="금리"),
            Term(id="sovereign_ai", term="주권 AI", aliases=("소버린 AI",)),
            Term(id="data_center", term="데이터센터"),
        ],
        name="small",
        version="1",
    )


def _sorted_mentions(out: Path) -> list[tuple]:
    df = load_table(out)
    return sorted(df.itertuples(index=False, name=None))


def test_every_record_accounted_for(tmp_path: Path, small_glossary: Glossary) -> None:
    n_lines = _write_corpus(tmp_path / "in.jsonl", 4)
    s = tag_archive(tmp_path / "in.jsonl", tmp_path / "out", glossary=small_glossary, chunk_size=30)
    assert s.records == n_lines == s.tagged + s.errors
    assert s.errors == len(BAD_LINES)
    errors = [json.loads(x) for x in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert sorted(e["field"] or "" for e in errors) == ["", "date", "id", "title"]
    assert all(e["path"].endswith("in.jsonl") and e["line"] > 0 for e in errors)
    docs = load_table(tmp_path / "out", "documents")
    assert len(docs) == s.tagged and docs["doc_id"].is_unique
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["status"] == "complete"
    assert manifest["counts"] == {
        "records": s.records,
        "tagged": s.tagged,
        "errors": s.errors,
        "mentions": s.mentions,
    }
    assert manifest["glossary"]["sha256"] == small_glossary.content_hash()


def test_same_result_as_tagger_and_across_jobs(tmp_path: Path, small_glossary: Glossary) -> None:
    _write_corpus(tmp_path / "in.jsonl", 3, bad=False)
    tag_archive(tmp_path / "in.jsonl", tmp_path / "j1", glossary=small_glossary, chunk_size=25)
    tag_archive(
        tmp_path / "in.jsonl", tmp_path / "j2", glossary=small_glossary, chunk_size=25, jobs=2
    )
    j1 = _sorted_mentions(tmp_path / "j1")
    assert j1 == _sorted_mentions(tmp_path / "j2")
    tagger = Tagger(small_glossary)
    from corpus import read_documents

    direct = sorted(
        tuple(m.to_dict().values())
        for m in tagger.tag_documents(read_documents(tmp_path / "in.jsonl"))
    )
    assert j1 == direct
    names = sorted(p.name for p in (tmp_path / "j1" / "mentions").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "j2" / "mentions").iterdir())
    doc_terms = load_table(tmp_path / "j1", "doc_terms")
    assert doc_terms["mentions"].sum() == len(j1)


def test_refuses_to_mix_runs(tmp_path: Path, small_glossary: Glossary) -> None:
    _write_corpus(tmp_path / "in.jsonl", 1, bad=False)
    tag_archive(tmp_path / "in.jsonl", tmp_path / "out", glossary=small_glossary)
    with pytest.raises(FileExistsError, match="holds an earlier run"):
        tag_archive(tmp_path / "in.jsonl", tmp_path / "out", glossary=small_glossary)
    other = Glossary([Term(id="x", term="금리")], name="other")
    with pytest.raises(ValueError, match=r"cannot resume into .*: glossary differ"):
        tag_archive(tmp_path / "in.jsonl", tmp_path / "out", glossary=other, resume=True)
    s = tag_archive(tmp_path / "in.jsonl", tmp_path / "out", glossary=small_glossary, resume=True)
    assert s.resumed_chunks == s.chunks


def test_unfinished_chunk_is_redone(tmp_path: Path, small_glossary: Glossary) -> None:
    _write_corpus(tmp_path / "in.jsonl", 3, bad=False)
    out = tmp_path / "out"
    s = tag_archive(tmp_path / "in.jsonl", out, glossary=small_glossary, chunk_size=40)
    expected = _sorted_mentions(out)
    # Simulate a crash inside the last chunk: marker gone, shard half-written.
    last = sorted((out / "_done").iterdir())[-1]
    last.unlink()
    (out / "mentions" / f"{last.stem}.parquet").write_bytes(b"PAR1 truncated")
    (out / "mentions" / f".{last.stem}.parquet.123.tmp").write_bytes(b"junk")
    s2 = tag_archive(
        tmp_path / "in.jsonl", out, glossary=small_glossary, chunk_size=40, resume=True
    )
    assert s2.resumed_chunks == s.chunks - 1
    assert _sorted_mentions(out) == expected


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"jobs": 0}, ValueError, "`jobs` should be >= 1, got 0"),
        ({"chunk_size": 0}, ValueError, "`chunk_size` should be >= 1, got 0"),
        ({"resume": True, "overwrite": True}, ValueError, "cannot both be set"),
    ],
)
def test_bad_arguments(tmp_path: Path, kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        tag_archive(tmp_path, tmp_path / "out", **kwargs)


# make test-all only: test_reliability's kill test checks the same (resume message, mentions,
# counts) on a run with a worker pool; this is the run without one.
@pytest.mark.exhaustive
@pytest.mark.slow  # one CLI process, full mode: a few seconds
def test_kill_and_resume_gives_the_same_mentions(tmp_path: Path) -> None:
    """A run killed with SIGKILL midway, then resumed, equals an uninterrupted run.

    Only the run that is killed needs a process of its own; the uninterrupted run and the
    resume share nothing with it but the files, so they run in this process (each CLI
    process pays a few seconds of start-up and of Kiwi). Full mode and chunks of 8 keep
    each chunk slow enough for the kill to land midway."""
    _write_corpus(tmp_path / "in.jsonl", 4)
    glossary = tmp_path / "g.yaml"
    glossary.write_text(
        'name: g\nversion: "1"\nterms:\n'
        "  - {id: capex, term: 자본 지출, aliases: [Capex, CapEx]}\n"
        "  - {id: interest_rate, term: 금리}\n  - {id: hyperscaler, term: 하이퍼스케일러}\n",
        encoding="utf-8",
    )
    args = ["tag", str(tmp_path / "in.jsonl"), "-g", str(glossary), "--chunk-size", "8", "--full"]
    uninterrupted = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "whole")])
    assert uninterrupted.exit_code == 0, uninterrupted.output
    proc = subprocess.Popen(
        [sys.executable, "-m", "extract.cli", *args, "-o", str(tmp_path / "cut")],
        stderr=subprocess.DEVNULL,
    )
    done = tmp_path / "cut" / "_done"
    deadline = time.time() + 120  # start-up on a loaded machine
    while time.time() < deadline and len(list(done.glob("part-*.json"))) < 3:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    n_done = len(list(done.glob("part-*.json")))  # not the dot-files of a write cut short
    manifest = json.loads((tmp_path / "cut" / "manifest.json").read_text())
    total = len(list((tmp_path / "whole" / "_done").glob("part-*.json")))
    assert manifest["status"] == "running" and 3 <= n_done < total, "the kill came too late to test"
    out = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "cut"), "--resume"])
    assert out.exit_code == 0, out.output
    assert f"({n_done} from an earlier run)" in out.stderr
    assert _sorted_mentions(tmp_path / "cut") == _sorted_mentions(tmp_path / "whole")
    whole = json.loads((tmp_path / "whole" / "manifest.json").read_text())["counts"]
    assert json.loads((tmp_path / "cut" / "manifest.json").read_text())["counts"] == whole


def test_text_folder_ids_match_read_documents(tmp_path: Path, small_glossary: Glossary) -> None:
    from corpus import read_documents

    folder = tmp_path / "articles"
    (folder / "2026" / "03").mkdir(parents=True)
    (folder / "2026" / "03" / "a.txt").write_text(
        "하이퍼스케일러들이 자본 지출을 늘렸다.", encoding="utf-8"
    )
    (folder / "b.txt").write_text("기준금리가 동결됐다.", encoding="utf-8")
    tag_archive(folder, tmp_path / "out", glossary=small_glossary)
    ids = set(load_table(tmp_path / "out", "documents")["doc_id"])
    assert ids == {d.id for d in read_documents(folder)} == {"2026/03/a", "b"}


def test_one_chunk_step_for_every_runner(small_glossary: Glossary) -> None:
    """The local pool and Dask run the same ``tag_chunk``; an error found while tagging
    names the file and line it was read from, whatever characters the path holds."""
    from corpus import Document
    from extract.batch import archive, dask_archive
    from extract.batch.archive import _Chunk, tag_chunk

    assert dask_archive.tag_chunk is archive.tag_chunk
    assert not hasattr(dask_archive, "_tag_chunk")
    path = "C:/뉴스:2026/in.jsonl"
    docs = [
        Document(id="a", title="금리", extra={"score": 5}, origin=f"{path}:7"),
        Document(id="b", title="기준금리 동결", origin=f"{path}:9"),
    ]
    chunk = _Chunk("part-00000-000000", path, docs, [7, 9], [], 9)
    key = small_glossary.content_hash()
    tagged = tag_chunk(chunk, small_glossary, key, "fast", ["title", "score"])
    assert [(e["path"], e["line"]) for e in tagged.errors] == [(path, 7)]
    assert "field 'score' of document 'a' should be a string" in tagged.errors[0]["reason"]
    assert {k: tagged.marker[k] for k in ("records", "tagged", "errors", "mentions")} == {
        "records": 2,
        "tagged": 1,
        "errors": 1,
        "mentions": 1,
    }
    assert tagged.tables["documents"].column("doc_id").to_pylist() == ["b"]


def test_runners_keep_few_chunks_in_flight_and_cancel_on_failure(
    tmp_path: Path, small_glossary: Glossary
) -> None:
    from extract.batch.archive import _Run, tag_chunk, write_chunk

    _write_corpus(tmp_path / "in.jsonl", 2, bad=False)
    options = {
        "glossary": small_glossary,
        "mode": "fast",
        "chunk_size": 5,
        "text_field": None,
        "id_field": "id",
        "resume": False,
        "progress": None,
    }
    key = small_glossary.content_hash()
    seen: list[int] = []

    def wait_first(pending: list) -> tuple[list, list]:
        seen.append(len(pending))
        return pending[:1], pending[1:]

    def marker_of(chunk: object) -> dict:
        return write_chunk(tmp_path / "out", tag_chunk(chunk, small_glossary, key, "fast", None))

    run = _Run(tmp_path / "in.jsonl", tmp_path / "out", overwrite=False, **options)
    run.drive(lambda chunk: chunk, wait_first, marker_of, in_flight=3)
    summary = run.summary()
    assert summary.chunks == 16 and set(seen) == {3}
    assert _sorted_mentions(tmp_path / "out")  # written through the same chunk step

    cancelled: list[list] = []

    def fails_on_the_third(chunk: object) -> dict:
        if chunk.part.endswith("000002"):  # type: ignore[attr-defined]
            raise RuntimeError("worker died")
        return marker_of(chunk)

    run = _Run(tmp_path / "in.jsonl", tmp_path / "out", overwrite=True, **options)
    with pytest.raises(RuntimeError, match="worker died"):
        run.drive(lambda c: c, wait_first, fails_on_the_third, in_flight=3, cancel=cancelled.append)
    assert [[c.part[-6:] for c in pending] for pending in cancelled] == [["000003", "000004"]]
