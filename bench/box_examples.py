"""Share of shown box examples an editor could not print, on real news.

    python bench/box_examples.py [--data ../shared/data] [--kdi 300] [--full] [--show]

Builds keyword boxes the way a user would: one box (all terms) over ``--kdi`` KDI
research summaries (every 40th record), one box (all terms) over the full Naver articles,
and a default box (top 5) for each Naver article on its own. For every example a box
shows, it checks the quoted text with rules written independently of the example
picker, and prints the share that is cut ("…"), holds a bullet (◆ ▶ ■ …), a caption or
credit, a series tag ("[차이나 워치]" at the start), a footnote mark glued to a full stop,
or a run-on (a full stop glued to the next sentence), and the share of entries of the
same box that quote one sentence twice. ``--show`` prints the flawed quotes: real text,
keep it out of the repository.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from corpus import Document
from extract import KeywordBox, Tagger, build_box

# Each flaw an editor would not print, as found in the quoted text (never the picker's rules).
FLAWS = {
    "cut": re.compile(r"^…|…$"),
    "bullet": re.compile(r"[◆◇▶▷►■□●○▲△▼▽※☞•]"),
    "caption": re.compile(
        r"(?:/|\(|\[|^)\s*(?:사진|자료|그래픽|출처)\s*(?:제공)?\s*[=:]"
        r"|[가-힣]{2,4}\s*(?:기자|특파원)\s*(?:=|$|[\w.-]+@)|ⓒ|무단\s*전재"
    ),
    "series_tag": re.compile(r"^\s*[\[【〔<〈][^\]】〕>〉]{2,20}[\]】〕>〉]"),
    "footnote": re.compile(r"[가-힣][.!?]\s*\d{1,2}\)|[가-힣]\.\d{1,2}(?![\d.,%])\s"),
    "run_on": re.compile(r"(?:[다음함됨요]|니다)\.[\"'”’]?(?=[가-힣A-Za-z◆▶■●▲])"),
    "list_fragment": re.compile(r"\(\s*\d\s*\).*\(\s*\d\s*\)"),
}


def flaws(quote: str) -> list[str]:
    """Names of the flaws found in one shown quote (empty if it is printable).

    >>> flaws("금리가 올랐다.◆ 환율은 내렸다.")
    ['bullet', 'run_on']
    """
    return [name for name, pattern in FLAWS.items() if pattern.search(quote)]


def shown_quotes(box: KeywordBox) -> list[tuple[str, str]]:
    """(term id, quoted text as printed) for each entry that shows an example."""
    out = []
    for entry in box.entries:
        ex = entry.example
        if ex is not None:
            out.append((entry.term_id, ex.to_dict()["snippet"]))
    return out


def _read(path: Path, *, step: int, limit: int, keep: str | None = None) -> list[Document]:
    docs = []
    with path.open(encoding="utf-8") as stream:
        for line in itertools.islice(stream, 0, None, step):
            rec = json.loads(line)
            if not rec.get("body") or (keep and rec.get("kind") != keep):
                continue
            docs.append(Document(id=rec["id"], title=rec.get("title"), body=rec["body"]))
            if len(docs) == limit:
                break
    return docs


def boxes(data: Path, tagger: Tagger, *, kdi: int = 300) -> Iterable[tuple[str, KeywordBox]]:
    """The boxes measured: (name, box)."""
    research = _read(data / "news" / "kdi_epic_research_ko.jsonl", step=40, limit=kdi)
    yield (
        f"kdi-research x{len(research)}",
        build_box(research, tagger=tagger, top=None, rank="frequency"),
    )
    naver = _read(data / "news" / "naver_news_small_samples.jsonl", step=1, limit=10_000)
    naver = [d for d in naver if len(d.body or "") > 400]
    yield (
        f"naver articles x{len(naver)}",
        build_box(naver, tagger=tagger, top=None, rank="frequency"),
    )
    for doc in naver:
        yield f"naver {doc.id}", build_box([doc], tagger=tagger, top=5)


def measure(data: Path, tagger: Tagger, *, kdi: int = 300) -> dict[str, object]:
    """Counts of shown quotes, flawed ones and flaws by name, and repeated quotes."""
    counts: Counter[str] = Counter()
    entries = shown = flawed = repeated = unused = 0
    bad: list[tuple[str, str, list[str]]] = []
    for name, box in boxes(data, tagger, kdi=kdi):
        entries += len(box.entries)
        # Entries with quotable sentences, all of them quoted for other entries of the box.
        unused += sum(1 for e in box.entries if e.example is None and e.n_examples)
        sentences = [
            re.sub(r"[\s\W_]+", "", e.example.sentence)
            for e in box.entries
            if e.example is not None
        ]
        repeated += len(sentences) - len(set(sentences))
        for term_id, quote in shown_quotes(box):
            shown += 1
            found = flaws(quote)
            counts.update(found)
            if found:
                flawed += 1
                bad.append((name, f"{term_id}: {quote}", found))
    return {
        "entries": entries,
        "without_example": entries - shown,
        "all_quoted_elsewhere": unused,
        "shown": shown,
        "flawed": flawed,
        "share": flawed / shown if shown else 0.0,
        "by_flaw": dict(counts),
        "repeated": repeated,
        "bad": bad,
    }


def main() -> None:
    here = Path(__file__).resolve().parents[1]
    default_data = os.environ.get("KOTREND_DATA") or str(here.parent / "shared" / "data")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=default_data)
    ap.add_argument("--kdi", type=int, default=300)
    ap.add_argument("--full", action="store_true", help="tag with mode='full' (Kiwi sentences)")
    ap.add_argument("--show", action="store_true", help="print the flawed quotes (real text)")
    args = ap.parse_args()
    import glossary

    tagger = Tagger(glossary.default(), mode="full" if args.full else "fast")
    result = measure(Path(args.data), tagger, kdi=args.kdi)
    if args.show:
        for name, what, found in result["bad"]:  # type: ignore[attr-defined]
            print(f"{','.join(found):20s} {name:28s} {what}")
    print(
        f"box entries: {result['entries']} ({result['without_example']} without an example, "
        f"{result['all_quoted_elsewhere']} of them because other entries quote its sentences), "
        f"shown examples: {result['shown']}, flawed: {result['flawed']} "
        f"({100 * result['share']:.1f}%), by flaw: {result['by_flaw']}, "  # type: ignore[operator]
        f"same sentence twice in a box: {result['repeated']}"
    )


if __name__ == "__main__":
    main()
