"""The bundled default glossary: built from the package data directory, cached."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary import GlossaryError, _default

BUNDLED = Path(glossary.__file__).parent / "data"
REQUIRED_IDS = {"capex", "hyperscaler", "roi", "cloud_backlog", "sovereign_ai"}

FILES = {
    "default/20_markets.yaml": (
        "name: ignored\nversion: '9'\nterms:\n"
        "  - id: roi\n    term: 투자 자본 수익률\n    aliases: [ROI]\n    related: [capex]\n"
    ),
    "default/10_corporate.yaml": (
        "terms:\n  - id: capex\n    term: 자본 지출\n    aliases: [Capex]\n"
        "    related: [roi, nvidia]\n"
    ),
    "default/notes.txt": "not a glossary",
    "entities/10_companies.yaml": "terms:\n  - id: nvidia\n    term: 엔비디아\n    en: NVIDIA\n",
    "VERSION": "2026.11\n",
}


def _make(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """Point the package data directory at ``tmp_path/data``; fill it with ``_make``.

    These glossaries are cached in a folder of their own: in the run's cache they would
    push the bundled glossary out (only the newest few entries of a kind are kept)."""
    root = tmp_path / "data"
    root.mkdir()
    monkeypatch.setattr(_default, "data_root", lambda: root)
    monkeypatch.setenv("KOTREND_CACHE_DIR", str(tmp_path / "cache"))
    return root


def test_default_merges_files_in_name_order(data_dir):
    _make(data_dir, FILES)
    g = glossary.default()
    assert [t.id for t in g] == ["capex", "roi"]
    assert (g.name, g.version, g.path) == ("kotrend-default", "2026.11", str(data_dir / "default"))
    assert g["roi"].line == 4


def test_default_with_entities(data_dir):
    _make(data_dir, FILES)
    assert [t.id for t in glossary.default(entities=True)] == ["capex", "roi", "nvidia"]


def test_links_to_entities_are_kept_only_with_entities(data_dir):
    _make(data_dir, FILES)
    assert glossary.default()["capex"].related == ("roi",)
    assert glossary.default(entities=True)["capex"].related == ("roi", "nvidia")
    assert glossary.validate(glossary.default()) == []


def test_entities_are_matched_only_as_written(data_dir):
    _make(data_dir, FILES)
    g = glossary.default(entities=True)
    assert [t.split for t in g] == [True, True, False]


def test_entities_are_checked_even_when_left_out(data_dir):
    _make(data_dir, {**FILES, "entities/20_more.yaml": "terms:\n  - {id: capex_co, term: CAPEX}\n"})
    with pytest.raises(GlossaryError, match=r"20_more\.yaml:2: term 'capex_co' field 'term'"):
        glossary.default()


def test_default_is_cached(data_dir):
    _make(data_dir, FILES)
    assert glossary.default() is glossary.default()
    assert glossary.default(entities=True) is not glossary.default()


def test_version_defaults_to_zero(data_dir):
    _make(data_dir, {k: v for k, v in FILES.items() if k != "VERSION"})
    assert glossary.default().version == "0"


@pytest.mark.parametrize(
    ("files", "entities", "match"),
    [
        ({}, False, r"no \*\.yaml files in .*default; the package data is missing"),
        ({"default/a.txt": "x"}, False, r"no \*\.yaml files in .*default"),
        ({"default/a.yaml": "terms: []\n"}, True, r"no \*\.yaml files in .*entities"),
    ],
)
def test_missing_data_is_a_clear_error(data_dir, files, entities, match):
    _make(data_dir, files)
    with pytest.raises(FileNotFoundError, match=match):
        glossary.default(entities=entities)


def test_errors_across_files_name_each_file(data_dir):
    _make(
        data_dir,
        {
            "default/a.yaml": "terms:\n  - {id: roi, term: 투자수익률}\n",
            "default/b.yaml": "terms:\n  - {id: x, term: 엑스}\n  - {id: roi, term: ROI}\n",
        },
    )
    with pytest.raises(GlossaryError, match=r"b\.yaml:3: term 'roi' field 'id': duplicate id") as e:
        glossary.default()
    assert f"also used at {data_dir / 'default' / 'a.yaml'}:2" in str(e.value)


def test_check_default_reports_every_issue_against_its_own_file(data_dir):
    _make(
        data_dir,
        {
            **FILES,
            "default/b.yaml": "terms:\n  - {id: rate, term: 금리, aliases: [금리]}\n",
            "entities/20_more.yaml": "terms:\n  - {id: capex_co, term: CAPEX}\n",
        },
    )
    found = {(Path(i.path or "").name, i.line, i.severity) for i in glossary.check_default()}
    # An error in the entities is returned (default() would raise on it), and the
    # warning about a repeated form points at b.yaml, not at the folder.
    assert ("20_more.yaml", 2, "error") in found
    assert ("b.yaml", 2, "warning") in found
    assert all(name.endswith(".yaml") for name, _, _ in found)


def _has_yaml(folder: str) -> bool:
    return any((BUNDLED / folder).glob("*.yaml"))


@pytest.mark.parametrize(
    "entities",
    [
        pytest.param(
            False,
            marks=pytest.mark.skipif(not _has_yaml("default"), reason="no bundled default yet"),
        ),
        pytest.param(
            True,
            marks=pytest.mark.skipif(
                not (_has_yaml("default") and _has_yaml("entities")),
                reason="no bundled entities yet",
            ),
        ),
    ],
)
def test_bundled_default_is_valid(entities):
    g = glossary.default(entities=entities)
    assert not [i for i in glossary.validate(g) if i.is_error]
    assert len(g) >= 5
    assert {t.id for t in g} >= REQUIRED_IDS


# A counterpart, an opposite or a cause named near a term is not another way of writing
# it: as an alias it makes the tagger count the wrong concept (선분양 counted as 후분양,
# 공사비 인상분 as a dispute over construction costs).
@pytest.mark.parametrize(
    ("form", "not_of"),
    [
        ("과매수", "oversold"),
        ("유동성 장세", "earnings_driven_market"),
        ("선분양", "post_construction_sale"),
        ("공사비 인상", "construction_cost_dispute"),
        ("공사비 증액", "construction_cost_dispute"),
        ("매수 호가", "asking_price"),
        ("비둘기파적 동결", "hawkish_hold"),
        ("매파적 인하", "hawkish_hold"),
        ("시세 하락", "market_price"),
        ("출고가", "point_of_sale_price"),
        ("의대정원", "medical_reform"),
        ("태그얼롱", "drag_along"),
        ("에스컬레이션 조항", "price_escalation"),
        ("분할 매도", "split_buying"),
        ("의견거절", "qualified_opinion"),
        ("부적정 의견", "qualified_opinion"),
    ],
)
def test_bundled_aliases_do_not_name_a_counterpart_or_cause(form, not_of):
    term = glossary.default().find(form)
    assert term is None or term.id != not_of
