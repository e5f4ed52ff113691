"""The on-disk cache of compiled glossaries: reused when unchanged, rebuilt otherwise."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

import glossary
from glossary import GlossaryIssue, _cache, _default


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KOTREND_CACHE_DIR", str(folder))
    monkeypatch.delenv("KOTREND_NO_CACHE", raising=False)
    return folder


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_a_result_is_built_once_then_read_back(cache: Path) -> None:
    calls, build = _counting({"금리": ("기준금리",)})
    assert _cache.cached("t", ["a"], build) == {"금리": ("기준금리",)}
    assert _cache.cached("t", ["a"], build) == {"금리": ("기준금리",)}
    assert len(calls) == 1
    assert len(list(cache.glob("t-*.pickle"))) == 1


@pytest.mark.parametrize(
    ("parts", "other"),
    [
        (["a"], ["b"]),  # another content
        (["ab", ""], ["a", "b"]),  # the same bytes split otherwise is another key
        ([b"a"], ["a", "a"]),
    ],
)
def test_other_parts_miss_the_cache(cache: Path, parts: list, other: list) -> None:
    calls, build = _counting(1)
    _cache.cached("t", parts, build)
    _cache.cached("t", other, build)
    assert len(calls) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[:20]),  # truncated
        lambda p: p.write_bytes(b"not a pickle"),
        lambda p: p.write_bytes(pickle.dumps(("another key", "stale value"))),
        lambda p: p.write_bytes(pickle.dumps("no key at all")),
    ],
)
def test_a_corrupt_or_stale_file_is_rebuilt_and_replaced(cache: Path, damage) -> None:
    calls, build = _counting("값")
    _cache.cached("t", ["a"], build)
    (path,) = cache.glob("t-*.pickle")
    damage(path)
    assert _cache.cached("t", ["a"], build) == "값"
    assert _cache.cached("t", ["a"], build) == "값"
    assert len(calls) == 2  # rebuilt once, then read back from the replaced file


def test_opt_out_reads_and_writes_nothing(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOTREND_NO_CACHE", "1")
    calls, build = _counting(1)
    _cache.cached("t", ["a"], build)
    _cache.cached("t", ["a"], build)
    assert len(calls) == 2 and not cache.exists()


def test_an_unwritable_cache_dir_only_costs_the_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("KOTREND_CACHE_DIR", str(blocker / "cache"))  # under a file
    monkeypatch.delenv("KOTREND_NO_CACHE", raising=False)
    assert _cache.cached("t", ["a"], lambda: "값") == "값"


def test_only_the_newest_entries_are_kept(cache: Path) -> None:
    for i in range(_cache.KEEP + 3):
        _cache.cached("t", [str(i)], lambda: 0)
        path = max(cache.glob("t-*.pickle"), key=lambda p: p.stat().st_mtime)
        os.utime(path, (1000 + i, 1000 + i))  # mtimes apart even on coarse clocks
    assert len(list(cache.glob("t-*.pickle"))) == _cache.KEEP
    assert not list(cache.glob(".t-*"))  # no temporary files left


def test_default_from_the_cache_equals_a_fresh_read(cache: Path) -> None:
    _default._bundle.cache_clear()
    try:
        # A miss returns what the files were just read into (the same build an opted-out
        # process runs) and writes it: reading the bundled files once is enough.
        fresh = glossary.default(entities=True)
        assert len(list(cache.glob("glossary-*.pickle"))) == 1
        _default._bundle.cache_clear()
        again = glossary.default(entities=True)  # reads it
        assert len(list(cache.glob("glossary-*.pickle"))) == 1
        assert again is not fresh
        assert again.terms == fresh.terms
        assert [t.line for t in again] == [t.line for t in fresh]
        assert (again.name, again.version, again.path) == (fresh.name, fresh.version, fresh.path)
    finally:
        _default._bundle.cache_clear()


def test_an_edited_bundled_file_misses_the_cache(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    (root / "default").mkdir(parents=True)
    (root / "entities").mkdir()
    file = root / "default" / "10.yaml"
    file.write_text("terms:\n  - {id: rate, term: 금리}\n", "utf-8")
    monkeypatch.setattr(_default, "data_root", lambda: root)
    _default._bundle.cache_clear()
    assert [t.term for t in glossary.default()] == ["금리"]
    file.write_text("terms:\n  - {id: rate, term: 기준금리}\n", "utf-8")
    _default._bundle.cache_clear()
    assert [t.term for t in glossary.default()] == ["기준금리"]
    _default._bundle.cache_clear()


def _big_file(path: Path, extra: str = "") -> Path:
    lines = ["terms:"]
    for i in range(1200):  # over CACHE_MIN_BYTES
        lines.append(f"  - {{id: t{i}, term: 용어{i}, definition: 시험용 정의 문장 {i}번.}}")
    path.write_text("\n".join(lines) + "\n" + extra, "utf-8")
    assert path.stat().st_size >= glossary._io.CACHE_MIN_BYTES
    return path


def test_a_big_file_is_read_from_the_cache_until_it_changes(cache: Path, tmp_path: Path) -> None:
    file = _big_file(tmp_path / "g.yaml")
    first = glossary.load(file)
    assert len(list(cache.glob("glossary-file-*.pickle"))) == 1
    again = glossary.load(file)
    assert again.terms == first.terms and again.path == first.path == str(file)
    assert glossary.load(file, name="다른이름").name == "다른이름"  # options are in the key
    _big_file(file, "  - {id: zz, term: 새용어}\n")
    assert glossary.load(file)["zz"].term == "새용어"


def test_a_big_file_with_errors_raises_every_time(cache: Path, tmp_path: Path) -> None:
    file = _big_file(tmp_path / "bad.yaml", "  - {id: t1, term: 중복}\n")
    for _ in range(2):
        with pytest.raises(glossary.GlossaryError, match="t1"):
            glossary.load(file)
    assert not list(cache.glob("glossary-file-*"))


# check_default's answer is kept on disk like the bundled glossary, so `kotrend glossary
# check default` and each test that checks the bundle pay for the check once. (The real
# issues travel through the run's cache in tests/extract/cli/test_cli.py, which reads
# their files and lines; here a stand-in check keeps this test from paying for two.)
def test_check_default_is_checked_once_then_read_back(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue = GlossaryIssue(
        path="default/x.yaml",
        line=3,
        term_id="t",
        field="term",
        message="a stand-in",
        severity="warning",
    )
    calls: list[object] = []

    def check(root: object) -> list[GlossaryIssue]:
        calls.append(root)
        return [issue]

    monkeypatch.setattr(_default, "_check", check)
    fresh = glossary.check_default()
    assert fresh == [issue] and len(calls) == 1
    assert len(list(cache.glob("glossary-check-*.pickle"))) == 1
    again = glossary.check_default()
    assert again == fresh and again is not fresh and len(calls) == 1
