"""The editor page in headless Chromium: highlight, box editing, copying, escaping.

Needs Playwright for Python (the ``dev`` extra) and a Chromium binary (Debian: ``apt-get
install chromium``; ``make test`` installs it when it can). Playwright's own browser
download is not used.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from corpus import Document
from extract import EditorServer, build_box, make_server
from glossary import Glossary, Term

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')"
)
expect = sync_api.expect

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = '<img src=x onerror="window.__pwned = 3">'
GLOSSARY = Glossary(
    [
        Term(
            id="capex",
            term="자본 지출",
            en="Capital Expenditure",
            aliases=("자본적 지출", "Capex", "CapEx"),
            definition="기업이 장기 자산에 쓰는 돈.",
        ),
        Term(id="hyperscaler", term="하이퍼스케일러", definition=f"초대형 사업자. {HOSTILE}"),
        Term(id="roi", term="투자 자본 수익률", aliases=("ROI",), definition="투자한 돈의 이익."),
    ],
    name="browser-test",
    version="1",
)
ARTICLE = (
    "하이퍼스케일러들은 올해 자본 지출로 6600억 달러를 쓸 계획이다. "
    "메타의 CapEx는 작년보다 40% 늘었다고 회사가 밝혔다.\n"
    "<script>window.__pwned = 1</script>" + HOSTILE + "\n"
    "시장은 투자 자본 수익률(ROI)을 묻기 시작했다. 구글도 자본적 지출을 더 늘리겠다고 밝혔다."
)
MAX_BYTES = 60_000


def _chromium() -> str | None:
    for candidate in (os.environ.get("KOTREND_CHROMIUM"), "chromium", "chromium-browser"):
        found = candidate and shutil.which(candidate)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        pytest.skip("Chromium not found (apt-get install chromium, or set KOTREND_CHROMIUM)")
    playwright = sync_api.sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
    except Exception as err:
        playwright.stop()
        pytest.skip(f"Chromium at {executable} could not be launched: {err}")
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture(scope="module")
def server() -> Iterator[EditorServer]:
    server = make_server(port=0, glossaries={"browser-test": GLOSSARY}, max_bytes=MAX_BYTES)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def page(browser: Any, server: EditorServer) -> Iterator[Any]:
    context = browser.new_context(locale="ko-KR", accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.goto(server.url)
    page.wait_for_selector("#glossary option[value='browser-test']", state="attached")
    yield page
    context.close()
    assert problems == []  # no script errors, no CSP violations


def _analyse(page: Any, text: str) -> None:
    page.fill("#text", text)
    page.get_by_role("button", name="분석").click()
    page.wait_for_selector("#box li.kt-entry")


def _entry(page: Any, term_id: str) -> Any:
    return page.locator(f"#box li.kt-entry[data-term-id='{term_id}']")


def test_highlight_page_remove_and_copy(page: Any, tmp_path: Path) -> None:
    _analyse(page, ARTICLE)

    marks = page.locator("#docs mark.kt-m")
    assert marks.all_inner_texts() == [
        "하이퍼스케일러", "자본 지출", "CapEx", "투자 자본 수익률", "ROI", "자본적 지출",
    ]  # fmt: skip
    assert marks.first.get_attribute("title") == f"하이퍼스케일러: 초대형 사업자. {HOSTILE}"
    # One colour per term, the same in the text and in the box.
    capex_colour = _entry(page, "capex").locator(".kt-swatch").get_attribute("class").split()[-1]
    assert capex_colour.startswith("kt-c")
    capex_marks = page.locator("#docs mark[data-term='capex']")
    assert capex_marks.count() == 3
    assert all(
        capex_colour in c.split()
        for c in capex_marks.evaluate_all("ms => ms.map(m => m.className)")
    )
    roi_colour = _entry(page, "roi").locator(".kt-swatch").get_attribute("class").split()[-1]
    assert roi_colour != capex_colour

    # Markup in the article and in a definition stays text.
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#docs")
    assert HOSTILE in page.inner_text("#box")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#docs script, #docs img, #box img").count() == 0

    terms = page.locator("#box .kt-term")
    assert terms.all_inner_texts() == [
        "자본 지출",
        "하이퍼스케일러",
        "투자 자본 수익률",
    ]  # explain order
    capex = _entry(page, "capex")
    assert (
        capex.locator(".kt-syn").inner_text().strip()
        == "(Capital Expenditure, 자본적 지출, Capex, CapEx)"
    )
    assert capex.locator(".kt-def").inner_text() == "기업이 장기 자산에 쓰는 돈."
    assert capex.locator(".kt-k").inner_text() == "1 / 3"
    first_quote = capex.locator(".kt-quote").inner_text()
    assert capex.locator(".kt-quote mark").inner_text() in ("자본 지출", "CapEx", "자본적 지출")

    capex.get_by_role("button", name="다음 예문").click()
    assert capex.locator(".kt-k").inner_text() == "2 / 3"
    assert capex.locator(".kt-quote").inner_text() != first_quote
    assert capex.get_by_role("button", name="이전 예문").is_enabled()

    _entry(page, "roi").get_by_role("button", name="박스에서 빼기").click()
    assert terms.all_inner_texts() == ["자본 지출", "하이퍼스케일러"]
    assert page.locator("#docs mark[data-term='roi'].kt-off").count() == 2
    _entry(page, "hyperscaler").get_by_role("button", name="위로").click()
    assert terms.all_inner_texts() == ["하이퍼스케일러", "자본 지출"]

    # What is copied is the library's own rendering of the box as edited.
    lib = build_box([Document(id="1", text=ARTICLE)], GLOSSARY, top=10)
    by_id = {e.term_id: e for e in lib.entries}
    assert by_id["capex"].chosen == 0
    edited = replace(lib, entries=(by_id["hyperscaler"], replace(by_id["capex"], chosen=1)))
    page.get_by_role("button", name="Markdown 복사").click()
    expect(page.locator("#status")).to_have_text("Markdown을(를) 클립보드에 복사했습니다.")
    copied = page.evaluate("window.kotrendLastCopy")
    assert copied == edited.to_markdown()
    assert (
        "- **하이퍼스케일러**:" in copied and "2 / 3" in copied and "투자 자본 수익률" not in copied
    )
    assert page.evaluate("navigator.clipboard.readText()") == copied

    page.get_by_role("button", name="HTML 복사").click()
    expect(page.locator("#status")).to_have_text("HTML을(를) 클립보드에 복사했습니다.")
    assert page.evaluate("window.kotrendLastCopy") == edited.to_html(fragment=True)

    with page.expect_download() as info:
        page.get_by_role("button", name="JSON 다운로드").click()
    saved = tmp_path / "box.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert [(e["term_id"], e["chosen"]) for e in data["entries"]] == [
        ("hyperscaler", 1),
        ("capex", 2),
    ]

    page.get_by_role("button", name="원래대로").click()
    assert terms.all_inner_texts() == [
        "자본 지출",
        "하이퍼스케일러",
        "투자 자본 수익률",
    ]  # explain order
    assert _entry(page, "capex").locator(".kt-k").inner_text() == "1 / 3"
    assert page.locator("#docs mark.kt-off").count() == 0


def test_several_articles_and_a_jsonl_file(page: Any) -> None:
    _analyse(page, "하이퍼스케일러가 늘었다.\n---\n메타의 CapEx가 늘었다고 회사가 밝혔다.")
    assert page.locator("#docs article.doc").count() == 2
    assert page.locator("#docs .doc-id").all_inner_texts() == ["문서 1", "문서 2"]

    lines = [
        {"id": "a", "title": "자본 지출 경쟁", "body": "하이퍼스케일러들이 ROI를 따진다고 밝혔다."},
        {"id": "b", "body": "구글도 자본적 지출을 늘리겠다고 회사가 밝혔다."},
    ]
    jsonl = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode()
    page.set_input_files(
        "#file", files=[{"name": "news.jsonl", "mimeType": "text/plain", "buffer": jsonl}]
    )
    page.wait_for_selector("#loaded:not([hidden])")
    assert page.inner_text("#loaded-name") == "news.jsonl: 문서 2건"
    assert page.is_disabled("#text")
    page.get_by_role("button", name="분석").click()
    page.wait_for_selector("#docs article.doc[data-doc='b']")
    assert page.locator("#docs .field-title").inner_text() == "자본 지출 경쟁"
    assert page.locator("#docs mark.kt-m").all_inner_texts() == [
        "자본 지출", "하이퍼스케일러", "ROI", "자본적 지출",
    ]  # fmt: skip
    assert _entry(page, "capex").locator(".kt-counts").inner_text() == "언급 2회 · 문서 2건"


def test_errors_are_shown(page: Any) -> None:
    page.set_input_files(
        "#file",
        files=[{"name": "bad.jsonl", "mimeType": "text/plain", "buffer": b'{"id": 1}\n{oops\n'}],
    )
    status = page.locator("#status.error")
    expect(status).to_contain_text("bad.jsonl 2번째 줄: JSON이 아닙니다")
    page.get_by_role("button", name="분석").click()
    expect(status).to_have_text("기사를 붙여 넣거나 파일을 여세요.")
    page.fill("#text", "가" * MAX_BYTES)
    page.get_by_role("button", name="분석").click()
    expect(status).to_contain_text(f"입력이 너무 큽니다: 이 서버는 {MAX_BYTES:,}바이트까지")


def test_rank_and_basic_choices_reach_the_box(page: Any) -> None:
    page.select_option("#rank", "trending")
    page.check("#basic")
    with page.expect_request(lambda r: r.url.endswith("/api/box")) as sent:
        _analyse(page, "하이퍼스케일러가 늘었다.\n---\n메타의 CapEx가 늘었다.")
    assert {k: sent.value.post_data_json[k] for k in ("rank", "basic")} == {
        "rank": "trending",
        "basic": True,
    }
    # Pasted articles have no dates: the page says why the order stays by frequency.
    expect(page.locator("#status:not(.error)")).to_have_text(
        "최근 상승 순은 날짜가 둘 이상인 기사들이 있어야 합니다: 많이 나온 순으로 보여 줍니다."
    )
