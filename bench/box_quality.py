"""Judged benchmark of the keyword box: are its terms and examples what an editor would print?

    python bench/box_quality.py [--data ../shared/data] [--top 5] [--judged FILE]
    python bench/box_quality.py --show       # also print each box (real text: keep it out of git)
    python bench/box_quality.py --todo       # keys of shown examples that have no hand verdict

For every article of the judged set (``bench/judged/box_quality.json``: file name, record
id and an editor's grade for every term id the default glossary finds in it, never text)
it builds a one-article box with the public API, ``build_box([doc], tagger=Tagger(
glossary.default()), top=N)``, once as the library ranks by default and once with
``rank="frequency"`` as the baseline, and prints:

- **P@N**: the share of shown entries graded "must" or "ok" (over entries shown, since a
  box may show fewer than N; shown terms the judged file has no grade for are counted
  apart and left out);
- **must recall**: the share of "must" terms that the box shows;
- for the example each entry shows, the shares that are **cut** (an ellipsis the source
  sentence does not have), **mis-split** (a bullet, two sentences run together, a footnote
  number after the full stop, or a quote starting mid-sentence) and **unusable**
  (caption, credit, byline, series tag, heading, list fragment, footnote mark, or a
  sentence that does not stand alone), detected by the rules in :func:`example_problems`;
- the same shares from the hand verdicts stored for examples (keyed by file, record id,
  term id, field, the sentence's offsets and a hash of the text shown). A verdict counts
  only while the box still shows exactly that text, so it goes stale when the box changes;
  how many shown examples had a current verdict is printed with it, and how often the
  rules agree with the hand. (The rules cannot see a quote whose subject or speaker is
  only named in an earlier sentence; the hand verdicts count those as unusable.)

``--todo`` prints, as JSON lines, the keys of shown examples with no current verdict
(with the rules' problems filled in): judge them with ``--show`` and add them to
``example_verdicts``.

The corpora are read from ``--data`` (default ``$KOTREND_DATA`` or ``../shared/data``);
without them the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import glossary
from corpus import Document, read_documents
from extract import Tagger, build_box
from extract.box.examples import lead_marker

HERE = Path(__file__).resolve().parent
DEFAULT_JUDGED = HERE / "judged" / "box_quality.json"
GRADES = ("must", "ok", "no")
PROBLEMS = ("cut", "mis-split", "unusable")
KEPT = frozenset({"must", "ok"})

# --- what counts as a bad example (one place, so the rules can be read and argued with) ---
# Block bullets: a quote holding one has swallowed a list item or a heading. (Inline
# "▲A ▲B" enumerations are ordinary sentences; a quote starting with ▲ is a list item.)
BULLETS = "◆◇▶▷■□●※☞"
_BULLET = re.compile(f"[{BULLETS}]")
# "풀이된다.SK하이닉스가", "있다.'믿을맨'": a sentence end glued to the next sentence.
# (Straight quotes are not taken as the next sentence's opening: after "억?'" a closing one.)
_RUN_ON = re.compile(r"[가-힣][.!?][\"'”’)]*(?=[가-힣A-Za-z\[(<‘“])")
# "분석하였음.1) 다음…": a footnote number right after the full stop.
_FOOTNOTE_AFTER_STOP = re.compile(r"[가-힣][.!?]\d{1,2}\)?(?=\s|$|[가-힣])")
# A footnote mark inside a sentence: "제1편1)인 본 보고서".
_FOOTNOTE_MARK = re.compile(r"[가-힣]\d{1,2}\)(?=[가-힣\s])")
# A quote that opens on a particle or a closing mark is the tail of a sentence.
_TAIL_START = re.compile(r"^(?:[,.)\]」』]|(?:은|는|을|를|와|과|의|에|며|고|면|나)\s)")
# What may precede a sentence's start on its line: nothing, or the end of another
# sentence, a closing bracket (a dateline "(서울=한빛뉴스)", a tag), or "기자 =".
_STARTS_CLEAN = frozenset(".!?。…\"'”’)]}>」』=")
_LINE_LEAD = re.compile(rf"^[\s{BULLETS}\-–—*•·ㅇ○◦▪]*")
_SENT_END = re.compile(
    r"(?:[.!?。]|(?:다|요|음|함|임|됨|죠|까))[\"'”’」』)\]]*$",
)
_CREDIT = re.compile(
    r"/\s*(?:사진|그래픽|자료|영상|이미지)\s*=|(?:사진|그래픽|자료|영상|이미지)\s*(?:제공|=)"
    r"|\S\s*제공\.?$|[ⓒ©]|무단\s*(?:전재|배포)|재판매|DB\s*금지|자료\s*사진|게티이미지"
    r"|^\s*사진은\s|연합뉴스\s*$"
)
# A credit that opens the text right after a caption: " /사진=…", "[로이터 연합뉴스 자료사진]".
_CREDIT_LEAD = re.compile(
    r"^\s*(?:/?\s*(?:사진|그래픽|자료|영상|이미지)\s*=|[\[(〔][^\])〕]{0,40}"
    r"(?:자료\s*사진|사진|그래픽|제공|DB\s*금지|무단))"
)
# A bare credit that ends the caption's line: " 연합뉴스", " 뉴스1", " 서울시 제공".
_CREDIT_REST = re.compile(
    r"^\s*(?:연합뉴스|뉴스1|뉴시스|AFP|AP|EPA|로이터|블룸버그|게티이미지\S*|[^.!?]{1,20}\s제공"
    r"|[^.!?]{1,20}\sDB)\s*$"
)
_BYLINE = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|기자\s*=|=\s*[가-힣]{2,4}\s*(?:기자|특파원)(?![가-힣])"
    r"|\[[^\]]*(?:기자|특파원)\]|^[가-힣]{2,4}\s*(?:기자|특파원)(?![가-힣])|(?:기자|특파원)\s*$"
)
_TAG = re.compile(
    r"^\s*[\[【〔〈<][^\]】〕〉>]{1,30}[\]】〕〉>]|[\[【〔〈<][^\]】〕〉>]{1,30}[\]】〕〉>]\s*$"
)
_LIST = re.compile(
    r"^\s*(?:\(?\d{1,2}[.)]|[①-⑳]|[▲△]|[-–—－·•ㅇ○ㅁ*]\s|[-–—－][가-힣「『]"
    r"|\([가-힣A-Za-z·\s]{1,8}\))"
    r"|\(\d{1,2}\).*\(\d{1,2}\)"
)
# Openers that point back to the previous sentence: quoted alone, the reader is lost.
_NOT_ALONE = re.compile(
    r"^(?:이는|이에|이를|이로|이로써|이와|이같은|이 같은|이러한|이런|이처럼|이 때문에"
    r"|그러나|하지만|다만|그럼에도|그러면서|따라서|반면|또한|이어|그는|그녀는|이들은|이들의)[\s,]"
)
# Endings that give the reason for, or explain, the sentence before ("…커져서다.",
# "…있기 때문이다.", "…견조하다는 것이다.", "…상실한 것이다.").
_DEPENDENT_END = re.compile(
    r"(?:(?:[아어여해져워라쳐겨려와]|에)서다|때문이다|다는 것이다|[한된던]\s?것이다)"
    r"[.!?]?[\"'”’」』)]*$"
)
_HANGUL = re.compile(r"[가-힣]")
MIN_CHARS = 20


def example_problems(
    shown: str, sentence: str, before: str | None = None, after: str | None = None
) -> dict[str, str]:
    """Problems of one shown example, as ``{problem: rule}`` (empty when printable).

    Parameters
    ----------
    shown : str
        The text the box prints (it may be cut with ``…``).
    sentence : str
        The whole sentence the example was taken from.
    before, after : str, optional
        The text of the field before and after ``sentence``: whether it starts a
        sentence, and whether a credit line follows it (then it is a photo caption).

    Examples
    --------
    >>> example_problems("…올해 자본 지출을 크게 늘렸다.", "빅테크들이 올해 자본 지출을 크게 늘렸다.")
    {'cut': 'ellipsis'}
    >>> example_problems("실적이 늘었다.SK하이닉스가 1위다.", "실적이 늘었다.SK하이닉스가 1위다.")
    {'mis-split': 'run-on'}
    >>> example_problems("한빛은행 본점 전경./사진=한빛은행 제공", "한빛은행 본점 전경./사진=한빛은행 제공")
    {'unusable': 'caption or credit'}
    >>> example_problems("하이퍼스케일러들은 올해 자본 지출을 40% 늘릴 계획이다.", "하이퍼스케일러들은 올해 자본 지출을 40% 늘릴 계획이다.")
    {}
    """
    out: dict[str, str] = {}
    s = sentence.strip()
    flat, whole = " ".join(shown.split()), " ".join(s.split())
    if flat.count("…") > whole.count("…") or len(flat) < len(whole):
        out["cut"] = "ellipsis"
    split = _mis_split(flat, s, before)
    if split:
        out["mis-split"] = split
    bad = _unusable(s)
    if bad is None and after is not None:
        # A credit right after the sentence ("…하고 있다. /사진=…") or, when the sentence
        # ends its line, on the next line ("[로이터 연합뉴스 자료사진]") marks a caption.
        rest, _, following = after.partition("\n")
        if _CREDIT_LEAD.match(rest if rest.strip() else following) or _CREDIT_REST.match(rest):
            bad = "caption (credit line follows)"
    if bad:
        out["unusable"] = bad
    return out


def _mis_split(shown: str, sentence: str, before: str | None) -> str | None:
    if _BULLET.search(shown):
        return "bullet"
    if _RUN_ON.search(shown):
        return "run-on"
    if _FOOTNOTE_AFTER_STOP.search(shown):
        return "footnote after stop"
    if _TAIL_START.match(sentence):
        return "starts mid-sentence"
    if before is not None:
        line = before.rsplit("\n", 1)[-1]
        lead = line.rstrip()
        if lead and not _LINE_LEAD.fullmatch(lead) and lead[-1] not in _STARTS_CLEAN:
            # The box may quote a sentence without what only tied it to the one before
            # (다만, 한편) or a caption glued before it: that is a clean start too.
            start = max(lead.rfind(c) for c in _STARTS_CLEAN) + 1
            whole = line[start:].lstrip() + shown
            if lead_marker(whole) != len(whole) - len(shown):
                return "starts mid-sentence"
    return None


def _unusable(s: str) -> str | None:
    if len(s) < MIN_CHARS:
        return "fragment"
    if not _HANGUL.search(s):
        return "not Korean"
    if _CREDIT.search(s):
        return "caption or credit"
    if _BYLINE.search(s):
        return "byline"
    if _TAG.search(s):
        return "series tag"
    if _LIST.search(s):
        return "list fragment"
    if not _SENT_END.search(s):
        return "heading (no sentence end)"
    if _FOOTNOTE_MARK.search(s):
        return "footnote mark"
    if _NOT_ALONE.match(s) or _DEPENDENT_END.search(s):
        return "not standing alone"
    return None


# --- the judged set ---


def load_judged(path: Path = DEFAULT_JUDGED) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_articles(news: Path, judged: Mapping[str, Any]) -> dict[tuple[str, str], Document]:
    """The judged articles, by ``(file, id)``, read with :func:`corpus.read_documents`."""
    wanted: dict[str, set[str]] = {}
    for art in judged["articles"]:
        wanted.setdefault(art["file"], set()).add(art["id"])
    out: dict[tuple[str, str], Document] = {}
    for name, ids in wanted.items():
        for doc in read_documents(news / name, on_error="skip"):
            if doc.id in ids:
                out[name, doc.id] = doc
    missing = [(f, i) for f, ids in wanted.items() for i in sorted(ids) if (f, i) not in out]
    if missing:
        raise SystemExit(f"judged articles not found in {news}: {missing}")
    return out


def shown_hash(text: str) -> str:
    """Short hash of the text a box shows, so a hand verdict applies to that text only."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _shown_text(ex: Any) -> str:
    cut = getattr(ex, "snippet", None)
    if callable(cut):
        value = cut()
        return value[0] if isinstance(value, tuple) else str(value)
    return str(ex.sentence)


def _locate(doc: Document, field_name: str, sentence: str) -> int | None:
    """Offset of ``sentence`` in the document field (its first occurrence), or ``None``
    when the box quotes a sentence that is not in the text as it stands."""
    pos = (doc.get(field_name) or "").find(sentence)
    return pos if pos >= 0 else None


@dataclass
class Tally:
    """Counts for one ranking over the whole judged set."""

    articles: int = 0
    empty: int = 0
    shown: int = 0
    kept: int = 0
    must_shown: int = 0
    ungraded: int = 0
    must: int = 0
    examples: int = 0
    missing_example: int = 0
    duplicate: int = 0
    auto: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*PROBLEMS, "any"), 0))
    judged: int = 0
    hand: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*PROBLEMS, "any"), 0))
    agree: int = 0
    cut_or_unusable: int = 0
    hand_cut_or_unusable: int = 0
    todo: list[dict[str, Any]] = field(default_factory=list)


def evaluate(
    docs: Mapping[tuple[str, str], Document],
    judged: Mapping[str, Any],
    *,
    tagger: Tagger,
    top: int,
    options: Mapping[str, Any],
    show: bool = False,
) -> Tally:
    """Build one box per judged article with ``build_box(..., **options)`` and count."""
    verdicts = {
        (v["file"], v["id"], v["term_id"], v["field"], v["sent_start"], v["sent_end"]): v
        for v in judged.get("example_verdicts", [])
    }
    t = Tally()
    for art in judged["articles"]:
        key = (art["file"], art["id"])
        doc = docs[key]
        grades: dict[str, str] = art["grades"]
        box = build_box([doc], tagger=tagger, top=top, **options)
        t.articles += 1
        t.empty += not box.entries
        musts = {tid for tid, g in grades.items() if g == "must"}
        t.must += len(musts)
        shown_ids = [e.term_id for e in box.entries]
        t.must_shown += len(musts & set(shown_ids))
        seen_sentences: set[tuple[str, str]] = set()
        if show:
            print(f"\n## {art['file']} {art['id']} ({art.get('topic', '')})")
        for entry in box.entries:
            grade = grades.get(entry.term_id)
            t.shown += 1
            if grade is None:
                t.ungraded += 1
            elif grade in KEPT:
                t.kept += 1
            ex = entry.example
            line = f"  {grade or '?':4s} {entry.term_id:28s} {entry.term}"
            if ex is None:
                t.missing_example += 1
                if show:
                    print(line + "  (no example)")
                continue
            t.examples += 1
            text = _shown_text(ex)
            start = _locate(doc, ex.field, ex.sentence)
            before = after = None
            if start is not None:
                whole = doc.get(ex.field) or ""
                before, after = whole[:start], whole[start + len(ex.sentence) :]
            if (ex.field, ex.sentence) in seen_sentences:
                t.duplicate += 1
            seen_sentences.add((ex.field, ex.sentence))
            found = example_problems(text, ex.sentence, before, after)
            for p in found:
                t.auto[p] += 1
            t.auto["any"] += bool(found)
            t.cut_or_unusable += "cut" in found or "unusable" in found
            vkey = (
                art["file"],
                art["id"],
                entry.term_id,
                ex.field,
                start if start is not None else -1,
                (start + len(ex.sentence)) if start is not None else -1,
            )
            v = verdicts.get(vkey)
            if v is not None and v.get("shown_sha1") == shown_hash(text):
                hand = set(v["problems"])
                t.judged += 1
                for p in hand:
                    t.hand[p] += 1
                t.hand["any"] += bool(hand)
                t.hand_cut_or_unusable += "cut" in hand or "unusable" in hand
                t.agree += hand == set(found)
            else:
                t.todo.append(
                    {
                        "file": vkey[0],
                        "id": vkey[1],
                        "term_id": vkey[2],
                        "field": vkey[3],
                        "sent_start": vkey[4],
                        "sent_end": vkey[5],
                        "shown_sha1": shown_hash(text),
                        "problems": sorted(found),
                        "reason": "",
                    }
                )
            if show:
                flags = ",".join(f"{p}:{r}" for p, r in found.items()) or "ok"
                print(f"{line}  [{flags}] {vkey[4]}-{vkey[5]}\n       {text}")
    return t


def _share(k: int, n: int) -> str:
    return f"{k / n:6.1%} ({k}/{n})" if n else "     - (0/0)"


def report(tallies: Mapping[str, Tally], *, top: int) -> list[str]:
    """The printed table: one column per ranking."""
    names = list(tallies)
    rows: list[tuple[str, list[str]]] = [
        ("articles (empty boxes)", [f"{t.articles} ({t.empty})" for t in tallies.values()]),
        ("entries shown", [str(t.shown) for t in tallies.values()]),
        (
            f"P@{top}: must+ok / graded shown",
            [_share(t.kept, t.shown - t.ungraded) for t in tallies.values()],
        ),
        ("  shown without a grade", [str(t.ungraded) for t in tallies.values()]),
        ("must recall", [_share(t.must_shown, t.must) for t in tallies.values()]),
        ("examples shown", [str(t.examples) for t in tallies.values()]),
        ("  entries without example", [str(t.missing_example) for t in tallies.values()]),
        ("  same sentence twice", [str(t.duplicate) for t in tallies.values()]),
    ]
    for p in (*PROBLEMS, "any"):
        rows.append((f"  auto: {p}", [_share(t.auto[p], t.examples) for t in tallies.values()]))
    rows.append(
        (
            "  auto: cut or unusable",
            [_share(t.cut_or_unusable, t.examples) for t in tallies.values()],
        )
    )
    rows.append(("hand verdicts current", [_share(t.judged, t.examples) for t in tallies.values()]))
    for p in (*PROBLEMS, "any"):
        rows.append((f"  hand: {p}", [_share(t.hand[p], t.judged) for t in tallies.values()]))
    rows.append(
        (
            "  hand: cut or unusable",
            [_share(t.hand_cut_or_unusable, t.judged) for t in tallies.values()],
        )
    )
    rows.append(("  auto agrees with hand", [_share(t.agree, t.judged) for t in tallies.values()]))
    width = max(len(label) for label, _ in rows)
    out = [f"{'':{width}s}  " + "  ".join(f"{n:>18s}" for n in names)]
    for label, values in rows:
        out.append(f"{label:{width}s}  " + "  ".join(f"{v:>18s}" for v in values))
    return out


def default_data() -> Path:
    env = os.environ.get("KOTREND_DATA")
    return Path(env) if env else HERE.parents[1] / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_data(), help="folder holding news/")
    ap.add_argument("--top", type=int, default=5, help="entries per box (default 5)")
    ap.add_argument("--judged", type=Path, default=DEFAULT_JUDGED, help="judged set (JSON)")
    ap.add_argument("--show", action="store_true", help="print each default box (real text)")
    ap.add_argument(
        "--todo", action="store_true", help="print JSON keys of shown examples without a verdict"
    )
    args = ap.parse_args(argv)
    if args.top < 1:
        ap.error(f"--top should be a positive int, got {args.top}")
    news = args.data / "news"
    if not news.is_dir():
        print(f"skipped: no news corpora in {args.data} (give --data or set KOTREND_DATA)")
        return 0
    judged = load_judged(args.judged)
    docs = load_articles(news, judged)
    tagger = Tagger(glossary.default())
    tallies = {
        "default": evaluate(docs, judged, tagger=tagger, top=args.top, options={}, show=args.show),
        "frequency": evaluate(
            docs, judged, tagger=tagger, top=args.top, options={"rank": "frequency"}
        ),
    }
    print(
        f"\nbox quality on {len(judged['articles'])} judged articles ({args.judged.name}), "
        f"build_box([article], top={args.top}); the default glossary"
    )
    print("\n".join(report(tallies, top=args.top)))
    if args.todo:
        seen = set()
        for row in tallies["default"].todo + tallies["frequency"].todo:
            line = json.dumps(row, ensure_ascii=False)
            if line not in seen:  # both rankings often show the same example
                seen.add(line)
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
