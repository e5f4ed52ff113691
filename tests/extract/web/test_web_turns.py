"""Turns at Kiwi (extract.web.turns): granted in order, and a text tagged in pieces gives
the mentions of the whole text."""

from __future__ import annotations

import json
import threading
import time
from itertools import islice, pairwise

import pytest

from extract.engine.tagger import Tagger
from extract.web.turns import FairLock, TurnTagger, chunk_bounds
from glossary import Glossary


def test_fair_lock_is_granted_in_the_order_asked() -> None:
    lock, order = FairLock(), []
    lock.acquire()
    threads = []
    for i in range(6):
        t = threading.Thread(target=lambda i=i: (lock.acquire(), order.append(i), lock.release()))
        t.start()
        threads.append(t)
        time.sleep(0.05)  # each is waiting before the next asks
    # The holder asks again at once, as a large request does between two pieces: it must
    # queue behind the six, which threading.Lock does not promise.
    lock.release()
    lock.acquire()
    order.append("again")
    lock.release()
    for t in threads:
        t.join(5)
    assert order == [0, 1, 2, 3, 4, 5, "again"]


def test_fair_lock_refuses_a_release_it_does_not_hold() -> None:
    with pytest.raises(RuntimeError, match="not held"):
        FairLock().release()


@pytest.mark.parametrize(
    "text",
    ["", "금리", "가" * 50, "금리 동결.\n\n" * 20, "한 줄\n" * 30, "문장. " * 40, "가나 " * 40],
)
@pytest.mark.parametrize("size", [1, 7, 25])
def test_chunks_cover_the_text_and_keep_to_their_size(text: str, size: int) -> None:
    bounds = chunk_bounds(text, size=size)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert all(0 < e - s <= size for s, e in bounds if text)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))


def test_chunks_are_cut_at_a_blank_line_when_there_is_one() -> None:
    text = "기준금리가 올랐다. 유가는 내렸다.\n\n환율은 그대로다. 코스피는 올랐다."
    (s, e), _ = chunk_bounds(text, size=30)
    assert text[s:e].endswith("\n\n")


def test_pieces_give_the_mentions_of_the_whole_text(test_glossary: Glossary) -> None:
    text = (
        "하이퍼스케일러들은 올해 자본 지출을 늘렸다. 메타의 CapEx는 늘었다.\n\n"
        "시장은 투자 자본 수익률(ROI)을 묻는다.\n기준금리는 동결됐다.\n\n"
    ) * 40
    whole = Tagger(test_glossary).tag(text, doc_id="d")
    assert whole
    for chunk in (50, 200, 1000):
        assert (
            TurnTagger(test_glossary, lock=FairLock(), chunk=chunk).tag(text, doc_id="d") == whole
        )


@pytest.mark.slow
def test_pieces_give_the_mentions_of_whole_real_articles(shared_data) -> None:
    """Real news (never committed), one article per paragraph and, harder, one per line,
    with the bundled glossary: pieces change no mention."""
    import glossary

    path = shared_data / "news" / "naver_news_small_samples.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in islice(f, 120)]
    # Bodies keep their own line breaks, so "one per paragraph" still cuts at single ones.
    bodies = [f"{r.get('title') or ''}\n{r.get('body') or ''}" for r in records]
    g = glossary.default()
    plain, pieces = Tagger(g), TurnTagger(g, lock=FairLock())
    for sep in ("\n\n", "\n"):
        text = sep.join(bodies)
        whole = plain.tag(text)
        assert len(whole) > 1000
        assert pieces.tag(text) == whole
