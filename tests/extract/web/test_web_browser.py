"""The editor page in headless Chromium: highlight, box editing, copying, escaping.

Needs Playwright for Python (the ``dev`` extra) and a Chromium binary (Debian: ``apt-get
install chromium``; ``make test`` installs it when it can). Playwright's own browser
download is not used.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import glossary
from corpus import Document
from extract import EditorServer, Tagger, build_box, make_server
from glossary import Glossary, Term

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')"
)
expect = sync_api.expect

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
        Term(
            id="cloud_backlog",
            term="클라우드 백로그",
            en="Remaining Performance Obligations",
            aliases=("RPO",),
            definition="계약했지만 아직 매출로 잡지 않은 금액.",
        ),
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


@pytest.fixture(scope="module")
def server() -> Iterator[EditorServer]:
    server = make_server(port=0, glossaries={"browser-test": GLOSSARY}, max_bytes=MAX_BYTES)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def _open(browser: Any, server: EditorServer) -> Iterator[Any]:
    context = browser.new_context(locale="ko-KR", accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.goto(server.url)
    page.wait_for_selector("#glossary option[value='browser-test']", state="attached")
    page.kotrend_problems = problems  # for a test to forgive what it caused on purpose
    yield page
    context.close()
    assert problems == []  # no script errors, no CSP violations


@pytest.fixture
def page(browser: Any, server: EditorServer) -> Iterator[Any]:
    yield from _open(browser, server)


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
    assert marks.first.get_attribute("aria-label") == (
        f"하이퍼스케일러: 하이퍼스케일러. 초대형 사업자. {HOSTILE} (박스에 있음)"
    )
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
    # Its best sentence has the term as its topic, an actor and a number (메타의 CapEx).
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
    page.get_by_role("button", name="마크다운 복사").click()
    expect(page.locator("#status")).to_have_text("마크다운 형식으로 클립보드에 복사했습니다.")
    copied = page.evaluate("window.kotrendLastCopy")
    assert copied == edited.to_markdown()
    assert (
        "- **하이퍼스케일러**:" in copied and "2 / 3" in copied and "투자 자본 수익률" not in copied
    )
    assert page.evaluate("navigator.clipboard.readText()") == copied

    page.get_by_role("button", name="텍스트 복사").click()
    expect(page.locator("#status")).to_have_text("텍스트 형식으로 클립보드에 복사했습니다.")
    assert page.evaluate("navigator.clipboard.readText()") == edited.to_text()

    with page.expect_download() as info:
        page.get_by_role("button", name="JSON 파일로 저장").click()
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


# -- the editor's page: add, define, choose, copy, keep -----------------------------------

CAPTION = "▲ 자본 지출 추이 (자료=한빛증권)"
LONG_ARTICLE = (
    "하이퍼스케일러들은 올해 자본 지출로 6600억 달러를 쓸 계획이라고 회사들이 밝혔다. "
    "메타의 CapEx는 작년보다 40% 늘었다고 회사가 밝혔다.\n"
    f"{CAPTION}\n"
    "시장은 투자 자본 수익률(ROI)을 묻기 시작했다. 구글도 자본적 지출을 더 늘리겠다고 밝혔다."
)


def _top(page: Any, n: int) -> None:
    page.fill("#top", str(n))


def _boxed(page: Any) -> list[str]:
    return [x.get_attribute("data-term-id") for x in page.locator("#box li.kt-entry").all()]


def test_clicking_a_grey_mention_or_searching_adds_its_term(page: Any) -> None:
    _top(page, 1)
    _analyse(page, ARTICLE)
    assert _boxed(page) == ["capex"]
    roi = page.locator("#docs mark[data-term='roi']").first
    assert "kt-off" in roi.get_attribute("class").split()

    roi.click()
    expect(_entry(page, "roi")).to_be_visible()
    assert _boxed(page) == ["capex", "roi"]
    assert page.locator("#docs mark[data-term='roi'].kt-off").count() == 0
    expect(page.locator("#status")).to_have_text("‘투자 자본 수익률’을 박스에 넣었습니다.")
    # The added entry is the library's, with its examples and counts.
    assert _entry(page, "roi").locator(".kt-counts").inner_text() == "언급 2회 · 문서 1건"
    assert _entry(page, "roi").locator(".kt-quote mark").inner_text() in ("투자 자본 수익률", "ROI")
    # The tap also shows the definition.
    expect(page.locator("#popover")).to_be_visible()
    expect(page.locator("#popover .pop-def")).to_have_text("투자한 돈의 이익.")

    # Search by id, English name, alias or spacing-free term.
    for query in ("hyperscaler", "하이퍼 스케일러"):
        page.fill("#search", query)
        hit = page.locator("#search-results li[data-term-id='hyperscaler']")
        expect(hit).to_contain_text("본문 1회")
    hit.get_by_role("button", name="하이퍼스케일러 박스에 넣기").click()
    expect(_entry(page, "hyperscaler")).to_be_visible()
    expect(hit.get_by_role("button")).to_have_text("박스에 있음")

    # A term the text does not use can be added too (Enter adds the first hit): it has no
    # example to show.
    page.fill("#search", "remaining performance")
    hit = page.locator("#search-results li[data-term-id='cloud_backlog']")
    expect(hit).to_contain_text("본문에 없음")
    page.press("#search", "Enter")
    backlog = _entry(page, "cloud_backlog")
    expect(backlog.locator(".kt-counts")).to_have_text("본문에 없는 용어")
    expect(backlog.locator(".kt-def")).to_have_text("계약했지만 아직 매출로 잡지 않은 금액.")
    assert _boxed(page) == ["capex", "roi", "hyperscaler", "cloud_backlog"]

    page.get_by_role("button", name="텍스트 복사").click()
    expect(page.locator("#status")).to_have_text("텍스트 형식으로 클립보드에 복사했습니다.")
    copied = page.evaluate("window.kotrendLastCopy")
    assert [line[2:].split(" (")[0].rstrip(":") for line in copied.splitlines() if line.startswith("- ")] == [
        "자본 지출", "투자 자본 수익률", "하이퍼스케일러", "클라우드 백로그",
    ]  # fmt: skip


def test_definitions_show_on_keyboard_focus(page: Any) -> None:
    _analyse(page, ARTICLE)
    # Korean wraps between words, never inside one, in the text and in the box.
    for selector in ("#docs .field", "#box .kt-defline", "#box .kt-quote"):
        assert page.locator(selector).first.evaluate("n => getComputedStyle(n).wordBreak") == (
            "keep-all"
        )
    mark = page.locator("#docs mark[data-term='hyperscaler']")
    assert mark.get_attribute("tabindex") == "0" and mark.get_attribute("role") == "button"
    page.locator("#text").focus()
    for _ in range(30):  # tab from the text area to the first mention
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.term") == "hyperscaler":
            break
    pop = page.locator("#popover")
    expect(pop).to_be_visible()
    expect(pop.locator(".pop-term")).to_contain_text("하이퍼스케일러")
    assert pop.locator(".pop-def").inner_text() == f"초대형 사업자. {HOSTILE}"
    assert mark.get_attribute("aria-describedby") == "popover"
    page.keyboard.press("Escape")
    expect(pop).to_be_hidden()
    page.keyboard.press("Tab")  # the next mention, 자본 지출
    expect(pop.locator(".pop-term")).to_contain_text("자본 지출")
    # Enter on a mention outside the box adds it.
    _entry(page, "hyperscaler").get_by_role("button", name="박스에서 빼기").click()
    mark.focus()
    page.keyboard.press("Enter")
    expect(_entry(page, "hyperscaler")).to_be_visible()


def test_editing_a_definition_keeps_it_in_the_box_and_after_a_reload(page: Any) -> None:
    _analyse(page, ARTICLE)
    capex = _entry(page, "capex")
    capex.get_by_role("button", name="‘자본 지출’ 정의 고치기").click()
    area = capex.get_by_role("textbox", name="‘자본 지출’ 정의")
    expect(area).to_be_focused()
    expect(area).to_have_value("기업이 장기 자산에 쓰는 돈.")
    assert capex.locator(".kt-house").count() == 0  # this server has no house glossary
    area.fill("설비와 건물에 쓰는 돈.")
    capex.get_by_role("button", name="정의 저장").click()
    expect(capex.locator(".kt-def")).to_have_text("설비와 건물에 쓰는 돈.")
    expect(page.locator("#status")).to_have_text("‘자본 지출’ 정의를 고쳤습니다 (이 박스에만).")
    # The popover and the copies say the new definition.
    page.locator("#docs mark[data-term='capex']").first.focus()
    expect(page.locator("#popover .pop-def")).to_have_text("설비와 건물에 쓰는 돈.")
    page.get_by_role("button", name="마크다운 복사").click()
    expect(page.locator("#status")).to_contain_text("클립보드에 복사했습니다")
    assert "  설비와 건물에 쓰는 돈.\n" in page.evaluate("window.kotrendLastCopy")
    # Cancelling leaves it as it was.
    capex.get_by_role("button", name="‘자본 지출’ 정의 고치기").click()
    capex.get_by_role("textbox").fill("버릴 글")
    capex.get_by_role("button", name="고치지 않고 닫기").click()
    expect(capex.locator(".kt-def")).to_have_text("설비와 건물에 쓰는 돈.")
    _entry(page, "roi").get_by_role("button", name="박스에서 빼기").click()

    page.reload()
    capex = _entry(page, "capex")
    expect(capex.locator(".kt-def")).to_have_text("설비와 건물에 쓰는 돈.")
    assert page.input_value("#text") == ARTICLE
    assert _boxed(page) == ["capex", "hyperscaler"]
    expect(page.locator("#status")).to_contain_text("이 입력에서 고친 박스를 되살렸습니다")
    page.get_by_role("button", name="원래대로").click()
    expect(capex.locator(".kt-def")).to_have_text("기업이 장기 자산에 쓰는 돈.")
    page.reload()
    expect(_entry(page, "roi")).to_be_visible()  # 원래대로 also forgot the stored edits


@pytest.fixture
def house_server(tmp_path: Path) -> Iterator[EditorServer]:
    server = make_server(port=0, glossaries={"browser-test": GLOSSARY}, house=tmp_path / "h.yaml")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_a_definition_can_go_to_the_house_glossary(
    browser: Any, house_server: EditorServer, tmp_path: Path
) -> None:
    for page in _open(browser, house_server):
        _analyse(page, ARTICLE)
        roi = _entry(page, "roi")
        roi.get_by_role("button", name="‘투자 자본 수익률’ 정의 고치기").click()
        roi.get_by_role("textbox").fill("투자한 돈에 견준 이익의 비율.")
        assert roi.locator(".kt-house input").is_checked()
        roi.get_by_role("button", name="정의 저장").click()
        expect(page.locator("#status")).to_contain_text("사내 용어집(")
        saved = glossary.load(tmp_path / "h.yaml")
        assert [(t.id, t.definition) for t in saved] == [("roi", "투자한 돈에 견준 이익의 비율.")]
    assert GLOSSARY["roi"].definition == "투자한 돈의 이익."


def _sentences(text: str, term_id: str) -> list[str]:
    """Every distinct sentence of ``text`` that mentions ``term_id``, by the tagger."""
    seen: dict[int, str] = {}
    for m in Tagger(GLOSSARY).tag(text):
        if m.term_id == term_id:
            seen.setdefault(m.sent_start, text[m.sent_start : m.sent_end].strip())
    return list(seen.values())


def test_the_example_can_be_any_sentence_that_mentions_the_term(page: Any) -> None:
    _analyse(page, LONG_ARTICLE)
    capex = _entry(page, "capex")
    offered = int(capex.locator(".kt-k").inner_text().split(" / ")[1])
    capex.get_by_role("button", name="‘자본 지출’ 예문 고르기").click()
    picks = capex.locator(".kt-picker button.pick")
    expected = _sentences(LONG_ARTICLE, "capex")
    assert picks.all_inner_texts() == expected
    assert len(expected) == 4 and CAPTION in expected
    assert offered <= len(expected)
    assert capex.locator(".kt-picker button.pick[aria-pressed=true]").count() == 1
    expect(capex.locator("button.pick[aria-pressed=true]")).to_be_focused()

    picks.nth(expected.index(CAPTION)).click()
    expect(capex.locator(".kt-picker")).to_have_count(0)
    assert capex.locator(".kt-quote").inner_text() == CAPTION
    assert capex.locator(".kt-quote mark").inner_text() == "자본 지출"
    expect(page.locator("#status")).to_have_text("‘자본 지출’의 예문을 바꿨습니다.")
    page.get_by_role("button", name="텍스트 복사").click()
    expect(page.locator("#status")).to_contain_text("클립보드에 복사했습니다")
    assert f'"{CAPTION}"' in page.evaluate("window.kotrendLastCopy")

    # Picking a sentence the library offered moves to it; the choice survives a reload.
    capex.get_by_role("button", name="‘자본 지출’ 예문 고르기").click()
    picks.nth(1).click()
    assert capex.locator(".kt-quote").inner_text() in expected[1]
    chosen = capex.locator(".kt-k").inner_text()
    page.reload()
    capex = _entry(page, "capex")
    expect(capex.locator(".kt-k")).to_have_text(chosen)
    assert capex.locator(".kt-quote").inner_text() in expected[1]


@pytest.mark.parametrize("way", ["ClipboardItem", "copy event"])
def test_html_copy_puts_styled_html_and_text_on_the_clipboard(page: Any, way: str) -> None:
    _analyse(page, ARTICLE)
    if way == "copy event":
        page.evaluate("delete window.ClipboardItem")
    page.get_by_role("button", name="HTML 복사").click()
    expect(page.locator("#status")).to_have_text(
        "서식 있는 HTML로 클립보드에 복사했습니다. 편집기에 붙여 넣으세요."
    )
    clip = page.evaluate(
        """async () => {
            const [item] = await navigator.clipboard.read();
            const out = {};
            for (const type of item.types) out[type] = await (await item.getType(type)).text();
            return out;
        }"""
    )
    # Reading text/html back parses it in our page, whose CSP refuses its style attributes.
    page.kotrend_problems[:] = [
        p for p in page.kotrend_problems if not p.startswith("Applying inline style violates")
    ]
    assert set(clip) == {"text/html", "text/plain"}
    html, text = clip["text/html"], clip["text/plain"]
    lib = build_box([Document(id="1", text=ARTICLE)], GLOSSARY, top=10)
    assert text == lib.to_text()
    assert '<section style="' in html and "class=" not in html
    assert '<mark style="background:#fff2a8' in html and "word-break:keep-all" in html
    for entry in lib.entries:
        assert entry.term in html
    assert "&lt;img src=x" in html  # markup in a definition stays text

    # Pasted into a rich-text editor (a page of its own: ours forbids inline styles by
    # its Content-Security-Policy), it keeps its looks.
    editor = page.context.new_page()
    editor.set_content('<div id="editor" contenteditable="true"></div>')
    editor.focus("#editor")
    editor.keyboard.press("Control+V")
    pasted = editor.locator("#editor section")
    expect(pasted).to_have_count(1)
    assert pasted.evaluate("s => getComputedStyle(s).borderTopWidth") == "3px"
    assert (
        editor.locator("#editor mark").first.evaluate("m => getComputedStyle(m).backgroundColor")
        == "rgb(255, 242, 168)"
    )
    assert editor.locator("#editor li").count() == len(lib.entries)
    editor.close()
