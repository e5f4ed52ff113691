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
