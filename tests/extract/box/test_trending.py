"""rank="trending": the keyword box ordered by rise in a window (default: newest quarter)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from corpus import Document
from extract import Tagger, build_box
from extract.trends.emerging import recent_window, trending_scores

# 금리 (interest_rate) all year round, twice per article; 수소 (hydrogen) only at the end.
STEADY = [
    Document(
        id=f"r{m}",
        date=dt.date(2026, m, 10),
        title="금리 동결",
        body="시장은 금리 인하를 기다린다. 금리가 관건이다.",
    )
    for m in range(1, 11)
]
LATE = [
    Document(
        id=f"h{d}",
        date=dt.date(2026, 10, d),
        title="수소 경제",
        body="정부가 수소 생산 설비에 투자한다.",
    )
    for d in (20, 25, 30)
]
DOCS = STEADY + LATE


@pytest.mark.parametrize(
    ("rank", "first"), [("frequency", "interest_rate"), ("trending", "hydrogen")]
)
def test_late_term_ranks_first_only_when_trending(
    fast_tagger: Tagger, rank: str, first: str
) -> None:
    box = build_box(DOCS, tagger=fast_tagger, top=None, rank=rank)
    assert box.entries[0].term_id == first
    assert box.rank == rank
    assert {e.term_id for e in box.entries} == {"interest_rate", "hydrogen", "rate_cut"}


def test_trending_needs_enough_window_documents(fast_tagger: Tagger) -> None:
    # one late article is not a trend: the frequency order stays
    box = build_box(STEADY + LATE[:1], tagger=fast_tagger, rank="trending")
    assert box.entries[0].term_id == "interest_rate"


def test_trending_without_dates_warns_and_keeps_frequency_order(fast_tagger: Tagger) -> None:
    undated = [Document(id=d.id, title=d.title, body=d.body) for d in DOCS]
    with pytest.warns(
        UserWarning, match=r"needs documents from at least two dates, got 0 date\(s\) in 13"
    ):
        box = build_box(undated, tagger=fast_tagger, rank="trending")
    assert [e.term_id for e in box.entries] == [
        e.term_id for e in build_box(undated, tagger=fast_tagger, rank="frequency").entries
    ]


def test_unknown_rank(fast_tagger: Tagger) -> None:
    with pytest.raises(
        ValueError,
        match=r"`rank` should be one of \('explain', 'frequency', 'trending'\), but got 'new'",
    ):
        build_box(DOCS, tagger=fast_tagger, rank="new")


@pytest.mark.parametrize(
    ("first", "last", "start"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31), dt.date(2026, 10, 1)),  # 365 days -> 92
        (dt.date(2026, 3, 1), dt.date(2026, 3, 4), dt.date(2026, 3, 4)),
        (dt.date(2026, 3, 1), dt.date(2026, 3, 1), dt.date(2026, 3, 1)),
    ],
)
def test_recent_window(first: dt.date, last: dt.date, start: dt.date) -> None:
    assert recent_window(first, last) == start


def test_trending_scores() -> None:
    doc_dates = {dt.date(2026, 1, 1): 30, dt.date(2026, 12, 31): 10}
    scores = trending_scores(
        {
            "new": {dt.date(2026, 12, 31): 5},
            "old": {dt.date(2026, 1, 1): 9},
            "few": {dt.date(2026, 12, 31): 2},
        },
        doc_dates,
    )
    assert scores["new"] > 0 > scores["old"] and scores["few"] == -math.inf


MARCH = [
    Document(id=f"m{d}", date=dt.date(2026, 3, d), title="수소 경제", body="수소 설비 투자.")
    for d in (5, 12, 19)
]


@pytest.mark.parametrize(
    ("window", "first"),
    [
        (None, "interest_rate"),  # the newest quarter has no 수소 at all
        (("2026-03-01", "2026-03-31"), "hydrogen"),
        ((dt.date(2026, 3, 1), dt.datetime(2026, 3, 31, 23, 59)), "hydrogen"),
        (("2026-05-01", "2026-10-31"), "interest_rate"),  # March is baseline here
    ],
)
def test_window_chooses_the_dates_compared(
    fast_tagger: Tagger, window: tuple | None, first: str
) -> None:
    box = build_box(STEADY + MARCH, tagger=fast_tagger, top=None, rank="trending", window=window)
    assert box.entries[0].term_id == first


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        (
            {"rank": "frequency", "window": ("2026-03-01", "2026-03-31")},
            r"only with rank='trending'",
        ),
        ({"rank": "trending", "window": ("2026-03-01",)}, r"should be \(start, end\)"),
        ({"rank": "trending", "window": ("2026-03-01", "March")}, r"YYYY-MM-DD, got 'March'"),
        ({"rank": "trending", "window": ("2026-04-01", "2026-03-01")}, r"starts after it ends"),
    ],
)
def test_bad_window_fails_before_tagging(kwargs: dict, match: str) -> None:
    def docs():  # a generator that must never be consumed
        raise AssertionError("tagged before the window was checked")
        yield

    with pytest.raises(ValueError, match=match):
        build_box(docs(), **kwargs)


def test_the_box_records_and_shows_its_window(fast_tagger: Tagger) -> None:
    box = build_box(
        STEADY + MARCH, tagger=fast_tagger, rank="trending", window=("2026-03-01", "2026-03-31")
    )
    assert box.window == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert box.to_dict()["window"] == ["2026-03-01", "2026-03-31"]
    assert "상승 기준 2026-03-01 ~ 2026-03-31" in box.to_text()
    default = build_box(DOCS, tagger=fast_tagger, rank="trending")
    first, last = dt.date(2026, 1, 10), dt.date(2026, 10, 30)
    assert default.window == (recent_window(first, last), last)  # the newest quarter
    plain = build_box(DOCS, tagger=fast_tagger)
    assert plain.window is None and "상승 기준" not in plain.to_text()
