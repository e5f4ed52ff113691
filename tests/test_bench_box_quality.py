"""The judged box benchmark: its example rules, and a judged file that is well-formed and
holds no article text (bench/box_quality.py, bench/judged/box_quality.json)."""

from __future__ import annotations

import doctest
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import glossary

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "box_quality.py"


def _load_bench() -> ModuleType:
    # bench/ is a folder of scripts, not a package: load the file as a module.
    spec = importlib.util.spec_from_file_location("box_quality", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("box_quality", module)
    spec.loader.exec_module(module)
    return module


bq = _load_bench()
JUDGED: dict[str, Any] = bq.load_judged()


def test_docstring_examples_run() -> None:
    result = doctest.testmod(bq, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


S = "하이퍼스케일러들은 올해 자본 지출을 40% 늘릴 계획이다."


@pytest.mark.parametrize(
    ("shown", "sentence", "before", "after", "expected"),
    [
        (S, S, "", "", {}),
        (S, S, "앞 문장이다. ", "", {}),  # after another sentence on the same line
        (S, S, "(서울=한빛뉴스) 홍길동 기자 = ", "", {}),  # after a dateline and byline
        (S, S, "- ", "", {}),  # after a list marker the box dropped
        ("…올해 자본 지출을 40% 늘릴 계획이다.", S, None, None, {"cut": "ellipsis"}),
        ("하이퍼스케일러들은 올해 자본…", S, None, None, {"cut": "ellipsis"}),
        (
            "실적이 개선된 것으로 풀이된다.SK하이닉스가 1위다.",
            None,
            None,
            None,
            {"mis-split": "run-on"},
        ),
        ("수요가 늘고 있다.◆ HBM 공급 부족이 이어진다.", None, None, None, {"mis-split": "bullet"}),
        ("실적이 개선됐다.'믿을맨'은 역시 HBM이었다.", None, None, None, {"mis-split": "run-on"}),
        ("'서울 국평 = 14억?'…고분양가 부담이 커졌다.", None, None, None, {}),
        (
            "수출이 감소하였음.1) 다만 반도체는 늘었다.",
            None,
            None,
            None,
            {"mis-split": "footnote after stop"},
        ),
        (S, S, "빅테크 가운데 ", "", {"mis-split": "starts mid-sentence"}),
        (
            "는 올해 자본 지출을 40% 늘릴 계획이다.",
            None,
            None,
            None,
            {"mis-split": "starts mid-sentence"},
        ),
        (
            "한빛은행 본점 전경./사진=한빛은행 제공",
            None,
            None,
            None,
            {"unusable": "caption or credit"},
        ),
        (
            "ⓒ 한빛경제, 무단 전재 및 재배포 금지 안내문입니다.",
            None,
            None,
            None,
            {"unusable": "caption or credit"},
        ),
        (
            "홍길동 기자 gildong@example.com 에게 문의하세요.",
            None,
            None,
            None,
            {"unusable": "byline"},
        ),
        ("[차이나 워치] 중국 증시가 사흘째 올랐다.", None, None, None, {"unusable": "series tag"}),
        (
            "(시사점) (1) 금리 인하 (2) 재정 확대가 필요함.",
            None,
            None,
            None,
            {"unusable": "list fragment"},
        ),
        (
            "AI반도체 시장 현황 및 전망 보고서 요약",
            None,
            None,
            None,
            {"unusable": "heading (no sentence end)"},
        ),
        (
            "제1편1)인 본 보고서는 실질중립금리를 분석함.",
            None,
            None,
            None,
            {"unusable": "footnote mark"},
        ),
        (
            "그러나 트럼프가 IRA 폐지를 공언하면서 불확실성이 커졌다.",
            None,
            None,
            None,
            {"unusable": "not standing alone"},
        ),
        (
            "이는 전년보다 40% 늘어난 수치로 사상 최대다.",
            None,
            None,
            None,
            {"unusable": "not standing alone"},
        ),
        (
            "대미 투자기업의 불확실성 우려가 커져서다.",
            None,
            None,
            None,
            {"unusable": "not standing alone"},
        ),
        (
            "그래서 비용 절감 효과를 낼 수 있기 때문이다.",
            None,
            None,
            None,
            {"unusable": "not standing alone"},
        ),
        ("베이지북은 연방준비은행이 경기 동향을 모은 보고서다.", None, None, None, {}),
        (
            "These instruments are used as liquidity by households.",
            None,
            None,
            None,
            {"unusable": "not Korean"},
        ),
        ("짧은 문장이다.", None, None, None, {"unusable": "fragment"}),
        # a headline's own ellipsis is not a cut (but a headline has no sentence end)
        ("관세 변화에 기업 긴장…정부 대응은 무엇인가?", None, None, None, {}),
        # inline ▲ enumerations are a whole sentence; a quote opening with ▲ is a list item
        ("주요 조치로는 ▲신규조사 증가 ▲규정 강화 등을 꼽을 수 있다.", None, None, None, {}),
        (
            "▲신규조사 건수 증가와 규정 강화가 이어졌다.",
            None,
            None,
            None,
            {"unusable": "list fragment"},
        ),
        (
            "지난 15일 총재가 본관에서 회견을 하고 있다.",
            None,
            "",
            " /사진=한빛뉴스\n본문이 이어진다.",
            {"unusable": "caption (credit line follows)"},
        ),
        # the next line is the caption of another photo, not this sentence's credit
        (
            "집을 사기에는 부담이 너무 커진 상황이다.",
            None,
            "",
            "\n견본주택 모습/사진=홍길동 기자",
            {},
        ),
        (
            "총재가 기자회견을 하고 있는 모습이다.",
            None,
            "",
            "\n[로이터 연합뉴스 자료사진. 재판매 및 DB 금지]\n본문.",
            {"unusable": "caption (credit line follows)"},
        ),
        ("총재가 기자회견을 하고 있는 모습이다.", None, "", "\n다음 문단이 이어진다.", {}),
    ],
)
def test_example_rules(
    shown: str, sentence: str | None, before: str | None, after: str | None, expected: dict
) -> None:
    assert bq.example_problems(shown, sentence or shown, before, after) == expected


def test_judged_file_is_well_formed() -> None:
    assert JUDGED["grading_rules"] and JUDGED["example_rules"]
    articles = JUDGED["articles"]
    keys = [(a["file"], a["id"]) for a in articles]
    assert len(keys) >= 24 and len(set(keys)) == len(keys)
    known = {t.id for t in glossary.default(entities=True)}
    for art in articles:
        assert set(art) == {"file", "id", "topic", "grades"}
        assert art["grades"], f"{art['id']}: no grades"
        assert set(art["grades"].values()) <= set(bq.GRADES), art["id"]
        assert set(art["grades"]) <= known, f"{art['id']}: unknown term ids"
    assert sum(g == "must" for a in articles for g in a["grades"].values()) >= 20
    graded = {(a["file"], a["id"]): a["grades"] for a in articles}
    for v in JUDGED["example_verdicts"]:
        assert (v["file"], v["id"]) in graded
        assert v["term_id"] in graded[v["file"], v["id"]]
        assert v["field"] in ("title", "body", "text")
        assert 0 <= v["sent_start"] < v["sent_end"]
        assert set(v["problems"]) <= set(bq.PROBLEMS)
        assert re.fullmatch(r"[0-9a-f]{12}", v["shown_sha1"])


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_per_article_records_hold_no_korean_text() -> None:
    # Topics and reasons are the judge's own English words; nothing from an article.
    records = JUDGED["articles"] + JUDGED["example_verdicts"]
    for s in _strings(records):
        assert s.isascii(), f"non-ASCII text in a per-article record: {s[:20]!r}"


_ID = re.compile(r'"id":\s*"([^"]+)"')


@pytest.fixture(scope="module")
def records(shared_data: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """The judged records as stored in the data files, by ``(file, id)``."""
    news = shared_data / "news"
    wanted: dict[str, set[str]] = {}
    for art in JUDGED["articles"]:
        wanted.setdefault(art["file"], set()).add(art["id"])
    out = {}
    for name, ids in wanted.items():
        path = news / name
        assert path.is_file(), f"{name} is not in {news}"
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                # Parse only the wanted lines: the policy file has 37,000 records.
                found = _ID.search(line[:200])
                if found and found.group(1) in ids:
                    out[name, found.group(1)] = json.loads(line)
    return out


def test_judged_ids_exist_in_the_data(records: dict[tuple[str, str], dict[str, Any]]) -> None:
    missing = [
        (a["file"], a["id"]) for a in JUDGED["articles"] if (a["file"], a["id"]) not in records
    ]
    assert missing == []
    for v in JUDGED["example_verdicts"]:
        text = records[v["file"], v["id"]].get(v["field"]) or ""
        assert v["sent_end"] <= len(text), f"{v['id']} {v['term_id']}: offsets beyond the field"
    for art in JUDGED["articles"]:
        rec = records[art["file"], art["id"]]
        if rec.get("kind") is not None:
            assert rec["kind"] in ("article", "research_material", "policy_material")


def test_rules_quote_no_article(records: dict[tuple[str, str], dict[str, Any]]) -> None:
    texts = ["\n".join(str(r.get(f) or "") for f in ("title", "body")) for r in records.values()]
    for s in _strings(
        {k: v for k, v in JUDGED.items() if k not in ("articles", "example_verdicts")}
    ):
        for i in range(0, max(len(s) - 14, 0) + 1):
            window = s[i : i + 15]
            assert not any(window in t for t in texts), f"rules quote an article: {window!r}"


def _tiny() -> tuple[dict[str, Any], dict[tuple[str, str], Any], Any]:
    from corpus import Document
    from extract import Tagger
    from glossary import Glossary, Term

    g = Glossary(
        [
            Term(id="capex", term="자본 지출", aliases=("자본지출",)),
            Term(id="ai", term="인공지능", aliases=("AI",)),
            Term(id="roi", term="투자 자본 수익률", aliases=("ROI",)),
        ]
    )
    body = "빅테크들이 올해 자본지출을 크게 늘려 사상 최대를 기록했다.\nAI 경쟁이 갈수록 치열해지고 있다."
    doc = Document(id="d1", title=None, body=body)
    judged = {
        "articles": [
            {
                "file": "f.jsonl",
                "id": "d1",
                "topic": "t",
                "grades": {"capex": "must", "roi": "must"},
            }
        ],
        "example_verdicts": [],
    }
    return judged, {("f.jsonl", "d1"): doc}, Tagger(g)


def test_evaluate_counts_precision_recall_and_current_verdicts() -> None:
    judged, docs, tagger = _tiny()
    t = bq.evaluate(docs, judged, tagger=tagger, top=5, options={})
    # capex (must) and ai (no grade: left out of P, counted apart); roi is never shown
    assert (t.shown, t.kept, t.ungraded, t.must, t.must_shown) == (2, 1, 1, 2, 1)
    assert t.examples == 2 and t.judged == 0 and len(t.todo) == 2
    row = next(r for r in t.todo if r["term_id"] == "capex")
    assert (row["field"], row["sent_start"]) == ("body", 0) and row["problems"] == []
    judged["example_verdicts"] = [{**row, "problems": ["unusable"], "reason": "test"}]
    t = bq.evaluate(docs, judged, tagger=tagger, top=5, options={})
    assert (t.judged, t.hand["unusable"], t.agree) == (1, 1, 0)
    # a verdict on other shown text is stale: it no longer counts
    judged["example_verdicts"] = [{**row, "shown_sha1": "0" * 12, "problems": []}]
    t = bq.evaluate(docs, judged, tagger=tagger, top=5, options={})
    assert t.judged == 0 and len(t.todo) == 2


def test_report_has_one_column_per_ranking() -> None:
    judged, docs, tagger = _tiny()
    t = bq.evaluate(docs, judged, tagger=tagger, top=5, options={})
    lines = bq.report({"default": t, "frequency": t}, top=5)
    assert lines[0].split() == ["default", "frequency"]
    p_row = next(line for line in lines if line.startswith("P@5"))
    assert p_row.split()[-4:] == ["100.0%", "(1/1)", "100.0%", "(1/1)"]
