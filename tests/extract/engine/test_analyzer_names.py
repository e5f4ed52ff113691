"""The process's Kiwi loads only the multi-word names that hold a taught word, unless a
caller asks for every name (discovery, the spaCy tokenizer)."""

from __future__ import annotations

import json
import subprocess
import sys

from extract.engine.analyzer import _names_holding

_FRESH = """
import json
from extract.engine.analyzer import get_kiwi

def forms(view, text):
    return [t.form for t in view.tokenize(text)]

tagger = get_kiwi(("타이어",))
out = {"held": forms(tagger, "노키안 타이어가 잭 바우어를")}
get_kiwi(all_names=True)
out["all"] = forms(tagger, "노키안 타이어가 잭 바우어를")
print(json.dumps(out, ensure_ascii=False))
"""


def test_only_names_holding_a_taught_word_until_every_name_is_asked_for():
    # A fresh process: the names loaded depend on what the process was taught before.
    res = subprocess.run([sys.executable, "-c", _FRESH], capture_output=True, text=True, check=True)
    out = json.loads(res.stdout)
    assert "노키안 타이어" in out["held"]  # holds 타이어: one proper noun, as before
    assert "잭 바우어" not in out["held"]  # holds no taught word: not loaded
    assert "잭 바우어" in out["all"]


def test_names_holding_keeps_the_name_a_variant_spelling_points_to():
    lines = _names_holding(["은행"]).splitlines()
    assert lines and all(
        "은행" in line.split("\t")[0].replace(" ", "") or "/" not in line.split("\t")[1]
        for line in lines
    )
    position = {line.split("\t")[0]: i for i, line in enumerate(lines)}
    variants = [line.split("\t") for line in lines if "/" in line.split("\t")[1]]
    assert variants  # 은행's names have variant spellings in kiwipiepy's dictionary
    for form, target, *_ in variants:
        name = target.rpartition("/")[0]
        assert position.get(name, len(lines)) < position[form], (form, name)


def test_no_words_hold_no_names_and_none_means_all():
    assert _names_holding([]) == ""
    assert len(_names_holding(None).splitlines()) > 200_000
