"""A boundary model distilled from kiwipiepy's word checks: answers the sure ones.

On a stream of fresh news most words the fast path checks are new, and each new word
costs a kiwipiepy read (about 0.05-0.1 ms, most of the fast path's time). Yet the verdict
is often plain from the letters around the hit: 금리 ending 대출금리 after a glossary
word, 유가 before 증권. A logistic regression over those letters (the hit, the syllables
glued before and after it, the rest of the word, whether those parts are glossary words)
was fitted offline on :class:`extract.engine.wordcheck.WordCheck`'s own verdicts by
``bench/build_boundary_model.py`` and is kept as plain JSON weights (no pickle, no
scikit-learn at run time: a sum of dictionary lookups). The word check asks it only about
words not read yet, and takes its answer only where it is surer than the thresholds the
build chose so that it agrees with kiwipiepy's verdict on at least 99.9% of the checks of
records held back from fitting; everything else is read as before.

The model is fitted for one glossary (kiwipiepy reads a glossary's compounds as it was
taught them): it names the glossary's user words and the kiwipiepy version by a hash,
and any other glossary or version gets no model (:func:`model_for`). ``mode="full"``
never uses it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BoundaryModel", "features", "model_for", "words_key"]

#: The shipped model (written by ``bench/build_boundary_model.py``).
MODEL_FILE = Path(__file__).with_name("boundary_model.json")


def _kind(ch: str) -> str:
    """The script of one character: H(angul), L(atin), D(igit), empty, or O(ther)."""
    if not ch:
        return "_"
    if "가" <= ch <= "힣":
        return "H"
    if ch.isascii() and ch.isalpha():
        return "L"
    if ch.isdigit():
        return "D"
    return "O"


def features(word: str, start: int, end: int, forms: frozenset[str]) -> list[str]:
    """The binary features of a hit ``word[start:end]`` (``word``: its stem, a particle
    that ends it folded off, see :func:`extract.engine.wordcheck.fold_particle`).

    ``forms``: the glossary's user words (:func:`extract.engine.analyzer.user_words`).

    Examples
    --------
    >>> f = features("대출금리", 2, 4, frozenset({"대출", "금리"}))
    >>> "h=금리" in f, "b1=출" in f, "Hf=1" in f, "Tn=0" in f
    (True, True, True, True)
    """
    hit, head, tail = word[start:end], word[:start], word[end:]
    h1, t1 = head[-1:], tail[:1]
    out = [
        "h=" + hit,
        "hf=" + hit[:1],
        "hl=" + hit[-1:],
        f"hn={min(len(hit), 6)}",
        "b1=" + h1,
        "b2=" + head[-2:],
        "b3=" + head[-3:],
        "H=" + head,
        f"Hn={min(len(head), 5)}",
        "a1=" + t1,
        "a2=" + tail[:2],
        "a3=" + tail[:3],
        "T=" + tail,
        f"Tn={min(len(tail), 5)}",
        "Tl=" + tail[-1:],
        "ea=" + hit[-1:] + t1,
        "eb=" + h1 + hit[:1],
        "ha=" + hit + "|" + t1,
        "bh=" + h1 + "|" + hit,
        "hT=" + hit + "|" + tail,
        "Hh=" + head + "|" + hit,
        "k=" + _kind(h1) + _kind(t1),
        f"Hf={int(head in forms)}",
        f"Tf={int(tail in forms)}",
    ]
    for k in (1, 2, 3):
        if len(tail) > k:
            out.append(f"ts{k}={int(tail[:k] in forms)}")
            out.append(f"tr{k}={int(tail[k:] in forms)}")
        if len(head) > k:
            out.append(f"he{k}={int(head[-k:] in forms)}")
            out.append(f"hr{k}={int(head[:-k] in forms)}")
    return out


def words_key(words: Sequence[str], kiwi_version: str) -> str:
    """What a model's verdicts depend on: the glossary's user words and kiwipiepy's
    version, as a short hash.

    Examples
    --------
    >>> words_key(("금리", "대출금리"), "0.0") == words_key(["금리", "대출금리"], "0.0")
    True
    """
    digest = hashlib.sha256(kiwi_version.encode())
    digest.update("\n".join(words).encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class BoundaryModel:
    """Logistic-regression weights that answer a word check when sure, else ``None``.

    Attributes
    ----------
    weights : dict of str to float
        Weight per feature of :func:`features` (absent: 0).
    bias : float
    accept, reject : float
        Answer True where the score (log-odds) is at least ``accept``, False where it is
        at most ``reject``; between them, defer to kiwipiepy.
    key : str
        :func:`words_key` of the glossary and kiwipiepy the model was fitted with.
    forms : frozenset of str
        The glossary's user words (for :func:`features`).

    Examples
    --------
    >>> m = BoundaryModel({"h=금리": 9.0, "h=유가": -9.0}, 0.0, 8.0, -8.0, "", frozenset())
    >>> m.answer("대출금리", 2, 4), m.answer("유가증권", 0, 2), m.answer("대출", 0, 2)
    (True, False, None)
    """

    weights: dict[str, float] = field(repr=False)
    bias: float
    accept: float
    reject: float
    key: str
    forms: frozenset[str] = field(repr=False)

    def score(self, word: str, start: int, end: int) -> float:
        """Log-odds that kiwipiepy's verdict on ``word[start:end]`` is True."""
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in features(word, start, end, self.forms))

    def answer(self, word: str, start: int, end: int) -> bool | None:
        """True or False where the model is sure of kiwipiepy's verdict, else ``None``."""
        z = self.score(word, start, end)
        if z >= self.accept:
            return True
        if z <= self.reject:
            return False
        return None

    def to_dict(self) -> dict[str, object]:
        """The JSON form (forms are the glossary's, not stored)."""
        return {
            "key": self.key,
            "bias": self.bias,
            "accept": self.accept,
            "reject": self.reject,
            "weights": self.weights,
        }


_loaded: dict[str, object] | None = None


def model_for(words: Sequence[str], kiwi_version: str) -> BoundaryModel | None:
    """The shipped model if it was fitted for a glossary with user words ``words`` and
    this kiwipiepy version, else ``None`` (the word check then reads every new word).

    Examples
    --------
    >>> model_for(("금리",), "0.0") is None
    True
    """
    global _loaded
    if _loaded is None:
        try:
            _loaded = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _loaded = {}
    data = _loaded
    if not data or data.get("key") != words_key(words, kiwi_version):
        return None
    weights = data["weights"]
    assert isinstance(weights, dict)
    return BoundaryModel(
        weights,
        float(data["bias"]),  # type: ignore[arg-type]
        float(data["accept"]),  # type: ignore[arg-type]
        float(data["reject"]),  # type: ignore[arg-type]
        str(data["key"]),
        frozenset(words),
    )


def sigmoid(z: float) -> float:
    """The probability of a log-odds ``z``.

    Examples
    --------
    >>> round(sigmoid(0.0), 2), sigmoid(50.0) > 0.999
    (0.5, True)
    """
    return 1.0 / (1.0 + math.exp(-max(-500.0, min(500.0, z))))
