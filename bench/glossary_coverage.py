"""Glossary coverage on held-out real news: how many hand-listed terms the glossary knows.

    python bench/glossary_coverage.py [--data DIR] [--judged FILE]
    python bench/glossary_coverage.py --sheet [--data DIR] > /tmp/sheet.txt   # for judging
    python bench/glossary_coverage.py --sheet --seed 1203 > /tmp/sheet2.txt    # a fresh sample

``bench/judged/coverage.json`` lists, for each sampled record (news file and record id),
the specialised terms an economics-desk editor would explain in a box, each as
``{"term": name, "at": [[field, start, end], ...]}``: the name a reader would use, and
every place it is written in the record's ``title`` or ``body`` (the rules are at the
top of that file). Only term names and offsets are stored, never the text.

A listed term of a record counts once. It is known when the tagger
(``Tagger(glossary.default())``) finds a mention of any term overlapping one of its
places, or when the default glossary has a form (term, English name or alias) equal to
the listed name once spaces, middle dots and hyphens are taken out and case is folded.
Coverage is printed for articles, headlines and both (also strictly, without the
overlaps below), then every miss by name, then the terms known only because a mention
overlaps them without covering them (often a shorter, more general term inside the
listed one: worth a look, though they count as known).

The sample is drawn (see :func:`sample_records`) only from records whose id ends in
``7``, which the glossary writers were told to skip: it is held out from the writing.
``--sheet`` prints the sampled records for judging by hand. Its output is real news
text: keep it out of the repository.

Misses found on a judged sample may be shown to the glossary writers, and then that
sample no longer measures held-out coverage. ``--sheet --seed N`` with a new seed
draws a fresh sample of :data:`FRESH` sizes that leaves out every judged record; :data:`DRAWS` says which seed, sizes and exclusions each judged file was
drawn with, so ``--sheet --judged FILE`` reprints the records of ``FILE``.
``bench/judged/coverage2.json`` (seed 1203), ``coverage3.json`` (seed 1301),
``coverage4.json`` (seed 1401), ``coverage5.json`` (seed 1501), ``coverage6.json``
(seed 1601), ``coverage7.json`` (seed 1701) and ``coverage8.json`` (seed 1801) are such
samples, each judged blind.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import NamedTuple

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

#: Sizes of a fresh sample: the naver articles all went into the first one, so the 40
#: articles are KDI summaries, half policy, half research.
FRESH: dict[str, tuple[str, int]] = {
    "kdi_epic_policy_materials": ("article", 20),
    "kdi_epic_research_ko": ("article", 20),
    "danews_daily_ko_headlines": ("headline", 70),
    "stocker_daum_samsung_headlines": ("headline", 65),
    "krfinbert_company_headlines": ("headline", 65),
}


class Draw(NamedTuple):
    """How a judged file's sample was drawn."""

    seed: int
    #: records per news file, as :data:`SAMPLE`
    counts: Mapping[str, tuple[str, int]]
    #: judged files (names in ``bench/judged``) whose records it leaves out
    exclude: tuple[str, ...] = ()


#: Seeds of the fresh samples after the first, in the order they were judged.
_FRESH_SEEDS = {
    "coverage2.json": 1203,
    "coverage3.json": 1301,
    "coverage4.json": 1401,
    "coverage5.json": 1501,
    "coverage6.json": 1601,
    "coverage7.json": 1701,
    "coverage8.json": 1801,
}

#: Judged file name -> its draw.  A new sample excludes every judged file before it.
DRAWS: dict[str, Draw] = {"coverage.json": Draw(SEED, SAMPLE)}
for _name, _seed in _FRESH_SEEDS.items():
    DRAWS[_name] = Draw(_seed, FRESH, tuple(DRAWS))

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


def sample_records(
    data: Path,
    *,
    seed: int = SEED,
    counts: Mapping[str, tuple[str, int]] = SAMPLE,
    exclude: Collection[tuple[str, str]] = (),
) -> list[tuple[str, str, Document]]:
    """The seeded sample: ``(file stem, kind, document)`` per record, held-out ids only.

    Per file of ``counts``, the eligible records (id ending in ``7``; naver
    ``kind=article`` only; KDI bodies within :data:`KDI_BODY`; no ``(file stem, id)`` of
    ``exclude``) are sorted by id, shuffled with ``seed`` and the first count taken.
    """
    out: list[tuple[str, str, Document]] = []
    exclude = set(exclude)
    for stem, (kind, n) in counts.items():
        docs = [
            d
            for d in read_documents(data / "news" / f"{stem}.jsonl", on_error="skip")
            if _eligible(stem, d) and (stem, d.id) not in exclude
        ]
        docs.sort(key=lambda d: d.id)
        random.Random(f"{seed}:{stem}").shuffle(docs)
        out.extend((stem, kind, d) for d in docs[:n])
    return out


def draw_of(judged: Path) -> Draw:
    """The :data:`DRAWS` entry of a judged file, by its name."""
    try:
        return DRAWS[judged.name]
    except KeyError:
        raise ValueError(
            f"judged={str(judged)!r} has no recorded draw; known: {sorted(DRAWS)}"
        ) from None


def drawn_for(data: Path, judged: Path) -> list[tuple[str, str, Document]]:
    """The records ``judged`` was drawn as (:func:`sample_records` with its :class:`Draw`)."""
    draw = draw_of(judged)
    exclude = {
        (r["file"], r["id"]) for name in draw.exclude for r in load_judged(judged.parent / name)
    }
    return sample_records(data, seed=draw.seed, counts=draw.counts, exclude=exclude)


def fresh_records(data: Path, *, seed: int) -> list[tuple[str, str, Document]]:
    """A new sample of :data:`FRESH` sizes, none of it in any judged file drawn before.

    A seed of :data:`DRAWS` gives that file's records again.
    """
    for name, draw in DRAWS.items():
        if draw.seed == seed:
            return drawn_for(data, JUDGED.parent / name)
    judged = [JUDGED.parent / name for name in DRAWS]
    exclude = {(r["file"], r["id"]) for path in judged if path.exists() for r in load_judged(path)}
    return sample_records(data, seed=seed, counts=FRESH, exclude=exclude)


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


def _sheet(records: list[tuple[str, str, Document]]) -> None:
    for i, (stem, kind, doc) in enumerate(records):
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
    ap.add_argument(
        "--seed",
        type=int,
        help="with --sheet: a fresh sample with this seed, leaving out every judged record",
    )
    args = ap.parse_args()
    data = Path(args.data)
    if not (data / "news").is_dir():
        raise SystemExit(f"no news directory under {data}")
    if args.sheet:
        if args.seed is not None:
            _sheet(fresh_records(data, seed=args.seed))
        else:
            _sheet(drawn_for(data, args.judged))
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
        # strict: an overlapping, shorter mention (보험 inside 예금보험) is not the term
        strict = 100 * (known - part) / len(pairs) if pairs else 0.0
        print(
            f"{name:9s} {known:4d} / {len(pairs):4d} listed terms known = {pct:5.1f}%"
            f"  ({part} of them only through an overlapping, shorter mention;"
            f" strict {strict:5.1f}%)"
        )
    for how, title in (("miss", "misses"), ("part", "known only through an overlap")):
        names = Counter(t for t, h in both if h == how)
        print(f"{title} ({sum(names.values())} listed, {len(names)} terms):")
        for term, n in sorted(names.items(), key=lambda x: (-x[1], x[0])):
            print(f"  {term}" + (f" x{n}" if n > 1 else ""))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
