"""The optional ``context`` cue of a glossary entry: sentence words that tell a generic
term's sense from another common one (상장 as an award certificate)."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary import Context, Glossary, Term

LISTING = Term(id="listing", term="상장", context=Context(avoid=("수여", "상금")))
FRANCHISE = Term(
    id="franchise",
    term="프랜차이즈",
    aliases=("가맹점",),
    context=Context(avoid=("카드",), forms=("가맹점",)),
)
NCC = Term(
    id="ncc", term="나프타분해설비", aliases=("NCC",), context=Context(require_any=("석유화학",))
)


@pytest.mark.parametrize(
    ("cue", "surface", "sentence", "allowed"),
    [
        (LISTING.context, "상장", "우수팀에 상장과 상금을 수여한다", False),
        (LISTING.context, "상장", "코스닥 상장을 추진한다", True),
        (FRANCHISE.context, "가맹점", "카드 가맹점 수수료", False),
        (FRANCHISE.context, "프랜차이즈", "프랜차이즈 카드 결제", True),  # not a cued form
        (FRANCHISE.context, "가맹 점", "카드 가맹 점", False),  # spacing does not matter
        (NCC.context, "NCC", "석유화학 업계의 NCC 감산", True),
        (NCC.context, "NCC", "건설사 NCC의 수주", False),
        (Context(avoid=("Cruise",)), "전세", "cruise 전세 운항", False),  # Latin in any case
    ],
)
def test_allows(cue: Context, surface: str, sentence: str, allowed: bool) -> None:
    assert cue.allows(surface, sentence) is allowed


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_round_trips(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"g{suffix}"
    g = Glossary([LISTING, FRANCHISE, NCC, Term(id="loan", term="대출")], name="g", version="1")
    glossary.save(g, path)
    loaded = glossary.load(path)
    assert list(loaded) == list(g)
    assert loaded["franchise"].context == Context(avoid=("카드",), forms=("가맹점",))
    assert "context" not in loaded["loan"].to_dict()


def test_csv_cannot_hold_it(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"'listing' has a context cue.*YAML or JSON"):
        glossary.save(Glossary([LISTING]), tmp_path / "g.csv")


def _load_yaml(tmp_path: Path, entry: str) -> Glossary:
    path = tmp_path / "g.yaml"
    path.write_text(f"name: g\nversion: '1'\nterms:\n  - id: listing\n    term: 상장\n{entry}")
    return glossary.load(path)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "    context: [수여]\n",
            r"expected a mapping with keys \('avoid', 'require_any', 'forms'\)",
        ),
        ("    context: {avoid: 수여}\n", r"'avoid' should be a list of strings.*write \[수여\]"),
        ("    context: {near: [수여]}\n", r"unknown key 'near'; valid keys"),
        ("    context: {forms: [상장]}\n", "needs words to 'avoid' or to 'require_any'"),
        ("    context: {avoid: [수여], forms: [상장식]}\n", "'상장식' in 'forms' is not a form"),
        ("    context: {avoid: [상 장]}\n", "avoid word '상 장' is a form of the term itself"),
        ("    context: {avoid: ['']}\n", "empty string '' in 'avoid'"),
    ],
)
def test_bad_cues_are_errors_naming_the_value(tmp_path: Path, entry: str, message: str) -> None:
    with pytest.raises(glossary.GlossaryError, match=message):
        _load_yaml(tmp_path, entry)


def test_a_good_cue_loads(tmp_path: Path) -> None:
    g = _load_yaml(tmp_path, "    context: {avoid: [수여, 상금]}\n")
    assert g["listing"].context == Context(avoid=("수여", "상금"))


def test_merge_keeps_an_earlier_cue() -> None:
    later = Glossary([Term(id="listing", term="상장", aliases=("증시 상장",))])
    merged = glossary.merge(Glossary([LISTING]), later).glossary
    assert merged["listing"].context == LISTING.context


def test_bundled_cues_are_few_and_valid() -> None:
    g = glossary.default()
    cued = [t.id for t in g if t.context is not None]
    # Used sparingly: only for generic words whose other sense is common (at most 1 in
    # 100 concepts; excludes and longer forms come first).
    assert "listing" in cued and len(cued) <= 0.01 * len(g), cued
    assert not [i for i in glossary.validate(g) if i.field == "context"]


@pytest.mark.parametrize("surface", ["경·공매", "경-공매", "경/공매", "경 공매", "경공매"])
def test_a_cue_governs_every_way_its_form_is_written(surface: str) -> None:
    # The tagger matches a form written with a middle dot, hyphen or slash between its
    # parts (경·공매 for 경공매): the cue on the form must govern those mentions too.
    cue = Context(require_any=("PF",), forms=("경공매",))
    assert cue.applies_to(surface)
    assert not cue.allows(surface, "부동산 경공매 데이터업체가 밝혔다")
    assert cue.allows(surface, "PF 사업장 경공매가 늘었다")
