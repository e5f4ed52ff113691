"""Shared fixtures: one Kiwi-backed tagger per session, the real-data location, and a headless Chromium."""

from __future__ import annotations

import os
import shutil
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


@pytest.fixture(scope="session", autouse=True)
def _session_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled glossaries are cached in a folder of this session, never the user's."""
    before = os.environ.get("KOTREND_CACHE_DIR")
    os.environ["KOTREND_CACHE_DIR"] = str(tmp_path_factory.mktemp("kotrend-cache"))
    yield
    if before is None:
        os.environ.pop("KOTREND_CACHE_DIR", None)
    else:
        os.environ["KOTREND_CACHE_DIR"] = before


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
