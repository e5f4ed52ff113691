"""CLI reliability (issue 11): outputs never overwrite or feed back into inputs, file
outputs appear whole or not at all, and failures are messages, not tracebacks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus import would_read
from extract.cli import main

RECORDS = [
    {
        "id": f"d{i}",
        "date": "2026-03-0" + str(1 + i % 9),
        "title": "자본 지출 확대",
        "body": "Capex 증가",
    }
    for i in range(6)
]
GLOSSARY = (
    "name: t\nversion: '1'\nterms:\n  - id: capex\n    term: 자본 지출\n    aliases: [Capex]\n"
)


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "gl"
    folder.mkdir()
    for name in ("a", "b"):
        lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
        (folder / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return folder


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


# --- outputs that are, or would be read as, inputs ------------------------------------


@pytest.mark.parametrize(
    ("inputs", "output", "expected"),
    [
        (["gl/a.jsonl"], "gl/a.jsonl", True),
        (["gl/a.jsonl"], "gl/./../gl/a.jsonl", True),
        (["gl/*.jsonl"], "gl/out.jsonl", True),
        (["gl/*.jsonl"], "gl/out.jsonl.errors.jsonl", True),
        (["gl/*.jsonl"], "gl/out.parquet", False),
        (["gl/*.jsonl"], "gl/sub/out.jsonl", False),
        (["gl/**/*.jsonl"], "gl/sub/out.jsonl", True),
        (["gl"], "gl/out.jsonl", True),
        (["gl"], "gl/run/mentions/part-00000-000000.parquet", True),
        (["gl"], "gl/box.md", False),
        (["gl"], "gl/.hidden.jsonl", False),
        (["g*"], "gl/run/errors.jsonl", True),
        (["gl/a.jsonl"], "gl/b.jsonl", False),
        (["gl/a.jsonl"], "other/a.jsonl", False),
    ],
)
def test_would_read(inputs, output, expected, news: Path, monkeypatch) -> None:
    monkeypatch.chdir(news.parent)
    assert would_read(inputs, output) is expected


def test_would_read_sees_through_symlinks(news: Path) -> None:
    link = news.parent / "link.jsonl"
    link.symlink_to(news / "a.jsonl")
    assert would_read([str(link)], news / "a.jsonl")
    assert would_read([str(news / "a.jsonl")], link)


def test_tag_refuses_to_write_over_its_input(news: Path) -> None:
    path = news / "a.jsonl"
    before = path.read_bytes()
    code, out = _run("tag", str(path), "-o", str(path), "-g", str(news.parent / "g.yaml"))
    assert code != 0 and "input" in out
    assert path.read_bytes() == before


@pytest.mark.parametrize("output", ["gl/out.jsonl", "gl/run"])
def test_tag_refuses_an_output_a_glob_or_folder_input_would_read(output, news: Path, monkeypatch):
    monkeypatch.chdir(news.parent)
    for inputs in ("gl/*.jsonl", "gl") if output.endswith("jsonl") else ("gl",):
        code, out = _run("tag", inputs, "-o", output, "-g", "g.yaml")
        assert code != 0 and "input" in out, out
    assert not Path(output).exists()


def test_tag_run_dir_must_not_hold_an_input(news: Path, monkeypatch) -> None:
    monkeypatch.chdir(news.parent)
    code, out = _run("tag", "gl/a.jsonl", "-o", "gl", "--overwrite", "-g", "g.yaml")
    assert code != 0 and "input" in out


@pytest.mark.parametrize("command", ["box", "discover", "trends"])
def test_other_commands_refuse_their_input_as_output(command, news: Path, monkeypatch) -> None:
    monkeypatch.chdir(news.parent)
    output = {"box": "gl/a.jsonl", "discover": "gl/p.yaml", "trends": "gl/t.csv"}[command]
    target = "gl/a.jsonl" if command == "box" else "gl/*"
    before = Path("gl/a.jsonl").read_bytes()
    code, out = _run(command, target, "-o", output)
    assert code != 0 and "input" in out, out
    assert Path("gl/a.jsonl").read_bytes() == before
    assert not Path("gl/p.yaml").exists() and not Path("gl/t.csv").exists()


# --- file outputs are atomic ------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_interrupted_tag_leaves_no_partial_output(suffix, news: Path, monkeypatch) -> None:
    import extract.engine.tagger as tagger_mod

    real = tagger_mod.Tagger.tag_document
    calls = {"n": 0}

    def interrupted(self, doc, **kw):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(self, doc, **kw)

    monkeypatch.setattr(tagger_mod.Tagger, "tag_document", interrupted)
    out = news.parent / f"out{suffix}"
    out.write_text("old")
    result = CliRunner().invoke(
        main, ["tag", str(news), "-o", str(out), "-g", str(news.parent / "g.yaml")]
    )
    assert result.exit_code != 0
    assert out.read_text() == "old"  # the earlier file is left as it was
    assert [p.name for p in news.parent.iterdir() if p.name.startswith(".")] == []


def test_tag_errors_file_is_written_whole(news: Path) -> None:
    (news / "a.jsonl").write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    out = news.parent / "out.jsonl"
    code, _ = _run("tag", str(news), "-o", str(out), "-g", str(news.parent / "g.yaml"))
    assert code == 0
    errors = [json.loads(line) for line in Path(f"{out}.errors.jsonl").read_text().splitlines()]
    assert [e["line"] for e in errors] == [1, 2]
    assert not [p for p in os.listdir(news.parent) if p.startswith(".")]


def test_tag_archive_refuses_a_run_dir_inside_an_input_folder(news: Path) -> None:
    from extract import tag_archive

    with pytest.raises(ValueError, match="would be read as, one of the inputs"):
        tag_archive([str(news)], news / "run")
    with pytest.raises(ValueError, match="is inside it"):
        tag_archive([str(news / "a.jsonl")], news, overwrite=True)
    assert not (news / "run").exists()


# --- messages, not tracebacks; exit codes -------------------------------------------------


@pytest.mark.parametrize("command", ["tag", "box", "trends", "discover"])
@pytest.mark.parametrize("what", ["no match", "unknown suffix", "empty folder"])
def test_unreadable_inputs_are_messages(command, what, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.xyz").write_text("x")
    target = {"no match": "nothing/*.jsonl", "unknown suffix": "notes.xyz", "empty folder": "empty"}
    args = [command, target[what]] + (["-o", "p.yaml"] if command == "discover" else [])
    code, out = _run(*args)
    assert code != 0 and "Error" in out and "Traceback" not in out, out


@pytest.mark.parametrize("output", ["x" * 300 + ".md", "missing_dir_file/x.jsonl/y.jsonl"])
def test_unwritable_outputs_are_messages(output, news: Path, monkeypatch) -> None:
    monkeypatch.chdir(news.parent)
    Path("missing_dir_file").write_text("a file, not a folder")
    code, out = _run("box", "gl/a.jsonl", "-o", output)
    assert code != 0 and "Error" in out, out


@pytest.mark.parametrize("output", ["-", "box.md"])
def test_box_exits_non_zero_when_nothing_could_be_read(output, news: Path, monkeypatch) -> None:
    monkeypatch.chdir(news.parent)
    code, out = _run("box", "gl/a.jsonl", "--text-field", "typo", "-o", output)
    assert code != 0 and "no document" in out, out


def test_tag_run_exits_non_zero_when_nothing_could_be_read(news: Path, monkeypatch) -> None:
    monkeypatch.chdir(news.parent)
    code, out = _run("tag", "gl/a.jsonl", "--text-field", "typo", "-o", "run", "-g", "g.yaml")
    assert code != 0 and "no document" in out, out


def test_output_folder_with_a_dot_is_a_folder(news: Path, monkeypatch) -> None:
    monkeypatch.chdir(news.parent)
    code, out = _run("tag", "gl/a.jsonl", "-o", "run.v1", "-g", "g.yaml")
    assert code == 0, out
    assert (news.parent / "run.v1" / "manifest.json").is_file()


def test_a_fifo_in_an_input_folder_is_skipped(news: Path) -> None:
    from corpus import iter_files

    os.mkfifo(news / "pipe.jsonl")
    assert [p.name for p in iter_files(news)] == ["a.jsonl", "b.jsonl"]


def test_two_runs_into_one_folder_are_refused_by_a_lock(news: Path) -> None:
    import fcntl

    from extract import tag_archive

    run = news.parent / "run"
    run.mkdir()
    with open(run / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another run holds it
        with pytest.raises(FileExistsError, match="another kotrend run"):
            tag_archive([str(news)], run)
    summary = tag_archive([str(news)], run)  # released: the folder is usable
    assert summary.records == 12


def test_duplicate_ids_are_counted_and_reported(news: Path, monkeypatch) -> None:
    from extract import tag_archive

    monkeypatch.chdir(news.parent)
    summary = tag_archive(["gl"], "run")  # a.jsonl and b.jsonl hold the same six ids
    assert summary.duplicate_ids == 6
    manifest = json.loads(Path("run/manifest.json").read_text())
    assert manifest["duplicate_ids"] == 6
    for output in ("run2", "out.jsonl"):
        code, out = _run("tag", "gl", "-o", output, "-g", "g.yaml")
        assert code == 0 and "6 documents repeat an earlier id" in out, out
    code, out = _run("box", "gl")
    assert code == 0 and "6 documents repeat an earlier id" in out, out


@pytest.mark.parametrize(
    "args",
    [
        ["glossary", "check", "{tmp}/g.txt"],
        ["glossary", "check", "{tmp}"],
        ["box", "-g", "{tmp}/g.txt"],
        ["box", "-g", "{tmp}"],
        ["glossary", "merge", "{tmp}/g.yaml", "-o", "{tmp}/x.txt"],
        [
            "glossary",
            "import",
            "{tmp}/t.csv",
            "--columns",
            "term=용어",
            "--encoding",
            "nope",
            "-o",
            "{tmp}/o.yaml",
        ],
    ],
    ids=["check .txt", "check folder", "-g .txt", "-g folder", "merge -o .txt", "bad encoding"],
)
def test_glossary_mistakes_are_messages(args, tmp_path: Path) -> None:
    (tmp_path / "g.txt").write_text(GLOSSARY)
    (tmp_path / "g.yaml").write_text(GLOSSARY)
    (tmp_path / "t.csv").write_text("용어\n금리\n")
    code, out = _run(*(a.format(tmp=tmp_path) for a in args))
    assert code != 0 and "Error" in out, out
    assert not (tmp_path / "x.txt").exists()


def test_glossary_save_is_atomic(tmp_path: Path, monkeypatch) -> None:
    import glossary

    g = glossary.load(_write(tmp_path / "g.yaml", GLOSSARY))
    target = tmp_path / "out.yaml"
    target.write_text("old")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("glossary._io.dump_text", lambda g, fmt: "name: x\n" * 10)
    monkeypatch.setattr("os.fsync", broken)
    with pytest.raises(OSError, match="No space"):
        glossary.save(g, target)
    assert target.read_text() == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
