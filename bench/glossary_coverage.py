"""Glossary coverage on held-out real news: how many hand-listed terms the glossary knows.

    python bench/glossary_coverage.py [--data DIR] [--judged FILE]
    python bench/glossary_coverage.py --sheet [--data DIR] > /tmp/sheet.txt   # for judging

``bench/judged/coverage.json`` lists, for each sampled record (news file and record id),
the specialised terms an economics-desk editor would explain in a box, each as
``{"term": name, "at": [[field, start, end], ...]}``: the name a reader would use, and
every place it is written in the record's ``title`` or ``body`` (the rules are at the
top of that file). Only term names and offsets are stored, never the text.

A listed term of a record counts once. It is known when the tagger
(``Tagger(glossary.default())``) finds a mention of any term overlapping one of its
places, or when the default
glossary has a form (term, English name or alias) equal to the listed name once spaces,
middle dots and hyphens are taken out and case is folded. Coverage is printed for
articles, headlines and both, then every miss by name, then the terms known only
because a mention overlaps them without covering them (often a shorter, more general
term inside the listed one: worth a look, though they count as known).

The sample is drawn (see :func:`sample_records`) only from records whose id ends in
``7``, which the glossary writers were told to skip: it is held out from the writing.
``--sheet`` prints the sampled records for judging by hand. Its output is real news
text: keep it out of the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from pathlib import Path

import glossary
from corpus import Document, read_documents
from extract import Tagger

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "judged" / "coverage.json"
SEED = 13

#: Records drawn per news file: file-name stem -> (kind of sample, count).
SAMPLE: dict[str, tuple[str, int]] = {
    "naver_news_small_samples": ("article", 15),
    "kdi_epic_policy_materials": ("article", 13),
    "kdi_epic_research_ko": ("article", 13),
    "danews_daily_ko_headlines": ("headline", 70),
    "stocker_daum_samsung_headlines": ("headline", 65),
    "krfinbert_company_headlines": ("headline", 70),
}

#: KDI summaries are kept between these body lengths (characters), so that a few very
#: long reports do not take the judging time of a dozen summaries.
KDI_BODY = (150, 1200)

_MARKS = str.maketrans("", "", " ·-‧・")


def _eligible(stem: str, doc: Document) -> bool:
    if not doc.id.endswith("7"):
        return False
    if stem.startswith("naver"):
        return doc.extra.get("kind") == "article"
    if stem.startswith("kdi"):
        return KDI_BODY[0] <= len(doc.body or "") <= KDI_BODY[1]
    return bool(doc.title)


def sample_records(data: Path, *, seed: int = SEED) -> list[tuple[str, str, Document]]:
    """The seeded sample: ``(file stem, kind, document)`` per record, held-out ids only.

    Per file, the eligible records (id ending in ``7``; naver ``kind=article`` only; KDI
    bodies within :data:`KDI_BODY`) are sorted by id, shuffled with ``seed`` and the
    first :data:`SAMPLE` count taken.
    """
    out: list[tuple[str, str, Document]] = []
    for stem, (kind, n) in SAMPLE.items():
        docs = [
            d
            for d in read_documents(data / "news" / f"{stem}.jsonl", on_error="skip")
            if _eligible(stem, d)
        ]
        docs.sort(key=lambda d: d.id)
        random.Random(f"{seed}:{stem}").shuffle(docs)
        out.extend((stem, kind, d) for d in docs[:n])
    return out


def squeeze(form: str) -> str:
    """``form`` without spaces, middle dots and hyphens, case-folded.

    >>> squeeze("스트레스 DSR") == squeeze("스트레스DSR")
    True
    """
    return form.translate(_MARKS).casefold()


def load_judged(path: Path = JUDGED) -> list[dict]:
    """The judged records of ``path`` (its ``rules`` are for the reader)."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)["records"]


def _documents(data: Path, rows: list[dict]) -> dict[tuple[str, str], Document]:
    wanted: dict[str, set[str]] = {}
    for r in rows:
        wanted.setdefault(r["file"], set()).add(r["id"])
    found = {}
    for stem, ids in wanted.items():
        for d in read_documents(data / "news" / f"{stem}.jsonl", on_error="skip"):
            if d.id in ids:
                found[stem, d.id] = d
    missing = {(r["file"], r["id"]) for r in rows} - found.keys()
    if missing:
        raise SystemExit(f"judged records not found in {data}/news: {sorted(missing)[:5]}")
    return found


def score(data: Path, rows: list[dict]) -> dict[str, list[tuple[str, str]]]:
    """Per kind (``article``, ``headline``), ``(term, how)`` for every listed term.

    ``how`` is ``"form"`` (a glossary form equals the name), ``"whole"`` (a mention
    covers one of its places), ``"part"`` (mentions only overlap it, e.g. a shorter,
    more general term inside it) or ``"miss"``.
    """
    gloss = glossary.default()
    forms = {squeeze(f) for t in gloss.terms for f in t.forms}
    tagger = Tagger(gloss)
    docs = _documents(data, rows)
    out: dict[str, list[tuple[str, str]]] = {"article": [], "headline": []}
    for r in rows:
        doc = docs[r["file"], r["id"]]
        spans = {
            field: [(m.start, m.end) for m in tagger.tag(text, doc_id=doc.id, field=field)]
            for field, text in doc.texts()
        }
        for t in r["terms"]:
            pairs = [(p, m) for p in t["at"] for m in spans.get(p[0], [])]
            if squeeze(t["term"]) in forms:
                how = "form"
            elif any(s <= start and end <= e for (_, start, end), (s, e) in pairs):
                how = "whole"
            elif any(s < end and start < e for (_, start, end), (s, e) in pairs):
                how = "part"
            else:
                how = "miss"
            out[r["kind"]].append((t["term"], how))
    return out


def _sheet(data: Path) -> None:
    for i, (stem, kind, doc) in enumerate(sample_records(data)):
        print(f"### {i} {stem} {doc.id} {kind}")
        for field, text in doc.texts():
            print(f"[{field}] {text}")


def main() -> None:
    here = Path(__file__).resolve().parents[1]
    default_data = os.environ.get("KOTREND_DATA") or str(here.parent / "shared" / "data")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=default_data)
    ap.add_argument("--judged", type=Path, default=JUDGED)
    ap.add_argument("--sheet", action="store_true", help="print the sample for judging")
    args = ap.parse_args()
    data = Path(args.data)
    if not (data / "news").is_dir():
        raise SystemExit(f"no news directory under {data}")
    if args.sheet:
        _sheet(data)
        return
    rows = load_judged(args.judged)
    result = score(data, rows)
    both = result["article"] + result["headline"]
    n_art = sum(r["kind"] == "article" for r in rows)
    n_head = len(rows) - n_art
    print(f"records: {n_art} articles, {n_head} headlines")
    for name, pairs in (*result.items(), ("overall", both)):
        known = sum(how != "miss" for _, how in pairs)
        pct = 100 * known / len(pairs) if pairs else 0.0
        part = sum(how == "part" for _, how in pairs)
        print(
            f"{name:9s} {known:4d} / {len(pairs):4d} listed terms known = {pct:5.1f}%"
            f"  ({part} of them only through an overlapping, shorter mention)"
        )
    for how, title in (("miss", "misses"), ("part", "known only through an overlap")):
        names = Counter(t for t, h in both if h == how)
        print(f"{title} ({sum(names.values())} listed, {len(names)} terms):")
        for term, n in sorted(names.items(), key=lambda x: (-x[1], x[0])):
            print(f"  {term}" + (f" x{n}" if n > 1 else ""))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
