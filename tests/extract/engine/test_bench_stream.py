"""bench/tag_throughput.py's instrumented tagger (the ``--stream`` rows) tags as the
tagger does: its counting stand-ins must pass every call the tagger makes on."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from glossary import Glossary, Term


def _bench() -> object:
    path = Path(__file__).resolve().parents[3] / "bench" / "tag_throughput.py"
    spec = importlib.util.spec_from_file_location("_tag_throughput", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


def test_stream_instrumentation_tags_like_the_tagger() -> None:
    g = Glossary([Term(id="bank", term="은행"), Term(id="rate", term="금리")])
    tagger, kiwi, stats, _ = _bench().instrumented_tagger(g)  # type: ignore[attr-defined]
    # 단스케 은행 asks the word check whether the two words are one name (in_spaced_name),
    # 대출금리가 asks it about a hit glued to other Hangul.
    mentions = tagger.tag("단스케 은행은 대출금리가 올랐다고 밝혔다.")
    assert [m.surface for m in mentions] == ["금리"]
    assert stats["checks"] == 1 and kiwi.reads >= 2


def test_where_time_goes_counts_one_pass_and_restores_the_tagger() -> None:
    from corpus import Document
    from extract import Tagger
    from extract.engine.analyzer import KiwiView
    from extract.engine.wordcheck import WordCheck

    g = Glossary([Term(id="bank", term="은행"), Term(id="rate", term="금리")])
    docs = [Document(id="1", body="단스케 은행은 대출금리가 올랐다고 밝혔다. 금리는 내렸다.")]
    before = (KiwiView.analyze, WordCheck.__call__, Tagger._ends_in_particle)
    parts = _bench().where_time_goes(g, docs)  # type: ignore[attr-defined]
    assert (KiwiView.analyze, WordCheck.__call__, Tagger._ends_in_particle) == before
    # 은행 (a name with the word before it), 금리 glued (read), 금리 before a particle
    assert parts["hits"] == 3 and parts["ambiguous"] == 1 and parts["word_checks"] == 1
    assert parts["reads"] >= 2 and parts["kiwi_s"] > 0
    assert parts["total_s"] >= parts["scan_s"] + parts["kiwi_s"] + parts["output_s"]
