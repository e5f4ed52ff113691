"""Shared fixtures: one warm on-disk cache per run, the real-data location, and a headless Chromium."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path | None:
    """``$KOTREND_DATA``, else ``../shared/data`` beside the checkout, if it exists."""
    env = os.environ.get("KOTREND_DATA")
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared" / "data")
    for path in candidates:
        if (path / "news").is_dir():
            return path
    return None


# One cache folder for the whole run, shared by the xdist workers and the CLI processes the
# tests start: the bundled glossary, its automaton and Kiwi's readings of its words take
# about 10 s of CPU to build, and are then read back in well under a second. The folder is
# made by the controller (or the only process), never the user's, and removed at the end.
_RUN_CACHE = "KOTREND_TEST_RUN_CACHE"
_WARM_LOCK = ".warm.lock"
# The folder made by this process, and the KOTREND_CACHE_DIR it replaced.
_cache_key = pytest.StashKey[tuple[str, str | None]]()
_warmer_key = pytest.StashKey["subprocess.Popen[bytes]"]()
# What the warmer builds: the default glossary (and with the entities), their compiled
# automata, and which of their words Kiwi already knows. That last key holds the words
# taught before, so the order is the workers' (:func:`_warm_default`): default first.
_WARM_CODE = (
    "import glossary, extract\n"
    "for entities in (False, True):\n"
    "    extract.Tagger(glossary.default(entities=entities)).kiwi\n"
)


def _is_xdist_worker() -> bool:
    return "PYTEST_XDIST_WORKER" in os.environ


def pytest_configure(config: pytest.Config) -> None:
    if _is_xdist_worker():
        return  # the controller made the folder; os.environ came along
    folder = tempfile.mkdtemp(prefix="kotrend-test-cache-")
    config.stash[_cache_key] = (folder, os.environ.get("KOTREND_CACHE_DIR"))
    os.environ[_RUN_CACHE] = os.environ["KOTREND_CACHE_DIR"] = folder
    if getattr(config.option, "numprocesses", None):
        config.stash[_warmer_key] = _start_warmer(Path(folder))


def _start_warmer(folder: Path) -> subprocess.Popen[bytes]:
    """Build the default glossary's caches in a process of their own while the xdist
    workers start and collect; workers wait for it (:func:`_warm_default`) instead of
    each building the same files. The lock is taken here, before the warmer starts, so
    a worker can never take it first; the warmer holds it until it exits."""
    path = os.environ.get("PYTHONPATH")  # this checkout first, as in the tests
    lock = os.open(folder / _WARM_LOCK, os.O_CREAT | os.O_RDWR)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        return subprocess.Popen(
            [sys.executable, "-c", _WARM_CODE],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), path]))},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(lock,),
        )
    finally:
        os.close(lock)  # the child's copy keeps the lock


def pytest_unconfigure(config: pytest.Config) -> None:
    warmer = config.stash.get(_warmer_key, None)
    if warmer is not None:
        warmer.wait()  # long done by now; reaped, so its CPU counts in the run's
    made = config.stash.get(_cache_key, None)
    if made is None:
        return
    folder, before = made
    shutil.rmtree(folder, ignore_errors=True)
    os.environ.pop(_RUN_CACHE, None)
    if before is None:
        os.environ.pop("KOTREND_CACHE_DIR", None)
    else:
        os.environ["KOTREND_CACHE_DIR"] = before


@pytest.fixture(scope="session", autouse=True)
def _warm_default() -> None:
    """In an xdist worker: wait for the warmer, then teach this process's Kiwi the default
    glossary's words first, as the warmer did, so their readings come from the cache
    (every worker of a full run tags with the default glossary anyway)."""
    if not _is_xdist_worker():
        return
    lock_path = Path(os.environ[_RUN_CACHE]) / _WARM_LOCK
    if not lock_path.exists():
        return  # the controller started no warmer
    lock = os.open(lock_path, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_SH)  # returns when the warmer has exited
    finally:
        os.close(lock)
    import glossary
    from extract import Tagger

    Tagger(glossary.default()).kiwi  # noqa: B018 - the property teaches Kiwi the words


@pytest.fixture(scope="session")
def default_tagger() -> Any:
    """A fast tagger over the bundled default glossary, one per test process (a new one
    costs about half a second even from the warm cache, and starts with no word readings
    of its own). Tests that need another mode or glossary build their own."""
    import glossary
    from extract import Tagger

    return Tagger(glossary.default())


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if path is None:
        pytest.skip("real data not found: set KOTREND_DATA or put shared/data beside the checkout")
    return path


# Headless Chromium for the page and chart tests: the system binary, driven by Playwright
# (its own browser download is never used).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    for candidate in (os.environ.get("KOTREND_CHROMIUM"), "chromium", "chromium-browser"):
        found = candidate and shutil.which(candidate)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium (Playwright ``Browser``); skips, saying why, without one."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')"
    )
    executable = _chromium()
    if executable is None:
        pytest.skip("Chromium not found (apt-get install chromium, or set KOTREND_CHROMIUM)")
    playwright = sync_api.sync_playwright().start()
    try:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Exception as err:
        playwright.stop()
        pytest.skip(f"Chromium at {executable} could not be launched: {err}")
    yield launched
    launched.close()
    playwright.stop()


# The files that take longest, longest first (CPU seconds per file in a full run, from
# getrusage around each test). `make test` hands out whole files (`--dist loadfile`) in
# collection order (`--no-loadscope-reorder`: xdist would otherwise send the files with the
# most tests first, which put the slowest ones, with one or two tests each, last). The run
# ends when the last worker does, so the long files go first and the many short ones even
# out the end. Only an order: a file missing from this list runs after them, as collected.
HEAVY_FILES = (
    "extract/cli/test_common.py",
    "extract/batch/test_distributed.py",
    "extract/engine/test_fast_vs_full.py",
    "extract/spacy_pipeline/test_spacy.py",
    "extract/cli/test_cli.py",
    "extract/cli/test_full_disk.py",
    "test_notebook.py",
    "extract/trends/test_trends_realdata.py",
    "extract/web/test_web_browser.py",
    "extract/cli/test_box_explain.py",
    "extract/cli/test_reliability_cli.py",
    "extract/discovery/test_termhood.py",
    "extract/batch/test_reliability.py",
    "extract/box/test_examples.py",
    "extract/engine/test_word_store.py",
    "corpus/test_sentences.py",
    "test_doctests.py",
    "test_bench_glossary_coverage.py",
    "extract/cli/test_user_walk.py",
    "extract/cli/test_box_corpus.py",
    "glossary/test_cache.py",
    "extract/engine/test_compile_cache.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {REPO / "tests" / name: i for i, name in enumerate(HEAVY_FILES)}
    # sort is stable: the tests of a file, and the files not listed, keep their order
    items.sort(key=lambda item: rank.get(item.path, len(rank)))
