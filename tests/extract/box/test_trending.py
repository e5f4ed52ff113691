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
    ("rank", "ids"),
    [
        ("frequency", ["interest_rate", "rate_cut", "hydrogen"]),
        # 금리 is in two documents of the newest quarter (Sep, Oct): too few to have risen
        ("trending", ["hydrogen"]),
    ],
)
def test_trending_lists_only_risen_terms(fast_tagger: Tagger, rank: str, ids: list[str]) -> None:
    box = build_box(DOCS, tagger=fast_tagger, top=None, rank=rank)
    assert [e.term_id for e in box.entries] == ids
    assert box.rank == rank


def test_trending_does_not_pad_to_top(fast_tagger: Tagger) -> None:
    box = build_box(DOCS, tagger=fast_tagger, top=25, rank="trending")
    assert [e.term_id for e in box.entries] == ["hydrogen"]


def test_trending_needs_enough_window_documents(fast_tagger: Tagger) -> None:
    # one late article is not a trend, and nothing else rose: an empty box, said so
    box = build_box(STEADY + LATE[:1], tagger=fast_tagger, rank="trending")
    assert box.entries == ()
    assert "언급이 늘어난 용어가 없습니다" in box.to_text()


def test_falling_terms_are_left_out(fast_tagger: Tagger) -> None:
    # 금리 in every one of 10 baseline documents but only 3 of 6 window documents: it fell
    window_docs = [
        Document(id=f"w{d}", date=dt.date(2026, 11, d), title="수소", body="수소 설비.")
        for d in (2, 3, 4)
    ] + [
        Document(id=f"x{d}", date=dt.date(2026, 11, d), title="금리", body="금리 동결.")
        for d in (5, 6, 7)
    ]
    box = build_box(
        STEADY + window_docs,
        tagger=fast_tagger,
        top=None,
        rank="trending",
        window=("2026-11-01", "2026-11-30"),
    )
    assert [e.term_id for e in box.entries] == ["hydrogen"]
    assert all(e.trend is not None and e.trend > 0 for e in box.entries)


# The window 2026-03-01..03-31 holds MIXED: 수소 in three documents and 금리 (rising from a
# small base) with its own sentences, while the baseline holds other 금리 sentences.
BASE = [
    Document(id=f"b{m}", date=dt.date(2026, m, 10), title="유가", body=f"{m}월 유가가 올랐다.")
    for m in (1, 2)
] + [Document(id="b3", date=dt.date(2026, 2, 20), title="기준 금리", body="예전 금리 문장이다.")]
MIXED = [
    Document(
        id=f"m{d}",
        date=dt.date(2026, 3, d),
        title="수소 경제",
        body=f"3월 {d}일 수소 설비 투자가 늘고 금리 부담이 커졌다.",
    )
    for d in (5, 12, 19)
]


def test_trending_counts_and_examples_come_from_the_window(fast_tagger: Tagger) -> None:
    box = build_box(
        BASE + MIXED,
        tagger=fast_tagger,
        top=None,
        rank="trending",
        window=("2026-03-01", "2026-03-31"),
    )
    by_id = {e.term_id: e for e in box.entries}
    assert set(by_id) == {"hydrogen", "interest_rate"}  # 유가 only in the baseline
    rate = by_id["interest_rate"]
    assert (rate.documents, rate.mentions, rate.baseline_documents) == (3, 3, 1)
    assert rate.n_examples == 3  # the baseline's "예전 금리 문장이다." is not counted
    assert all(ex.date and ex.date.month == 3 for e in box.entries for ex in e.examples)
    assert (box.n_documents, box.baseline_documents) == (3, 3)
    assert box.baseline == (dt.date(2026, 1, 10), dt.date(2026, 2, 28))
    assert box.n_mentions == sum(e.mentions for e in box.entries)


@pytest.mark.parametrize("window", [None, ("2026-03-01", "2026-03-31")])
def test_default_window_counts_the_window_only_too(fast_tagger: Tagger, window) -> None:
    # The default window (newest quarter of 2026-01-10..03-19: 03-02 on) holds MIXED too:
    # examples gathered before the window is known are dropped all the same.
    box = build_box(BASE + MIXED, tagger=fast_tagger, top=None, rank="trending", window=window)
    rate = next(e for e in box.entries if e.term_id == "interest_rate")
    assert (rate.documents, rate.n_examples, rate.baseline_documents) == (3, 3, 1)
    assert all(ex.date and ex.date.month == 3 for ex in rate.examples)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "문서 3건 중 1건 → 3건 중 3건"),
        ("markdown", "문서 3건 중 1건 → 3건 중 3건"),
        ("html", '<p class="kt-rise">문서 3건 중 1건 → 3건 중 3건</p>'),
        ("json", '"rise": "3건 중 1건 → 3건 중 3건"'),
    ],
)
def test_every_format_shows_the_rise_and_both_periods(
    fast_tagger: Tagger, fmt: str, expected: str
) -> None:
    box = build_box(
        BASE + MIXED, tagger=fast_tagger, rank="trending", window=("2026-03-01", "2026-03-31")
    )
    out = box.render(fmt)
    assert expected in out
    if fmt == "json":
        assert '"baseline": [\n    "2026-01-10",\n    "2026-02-28"\n  ]' in out
        assert '"baseline_documents": 3' in out
    else:
        assert "상승 기준 2026-03-01 ~ 2026-03-31: 문서 3건" in out
        assert "비교 기간 2026-01-10 ~ 2026-02-28: 문서 3건" in out


def test_frequency_boxes_show_no_rise(fast_tagger: Tagger) -> None:
    box = build_box(BASE + MIXED, tagger=fast_tagger)
    assert all(e.rise is None for e in box.entries)
    assert "rise" not in box.to_json() and "→" not in box.to_text()


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
        ({"rank": "trending", "window": ("2026-03-01",)}, r"`window` should be START,END"),
        ({"rank": "trending", "window": ("2026-03-01", "March")}, r"unparseable end 'March'"),
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
