"""Whether a mined alias is safe: acronyms that spell their name, no everyday words.

An alias changes what the tagger marks everywhere, so a wrong one does harm far beyond
its evidence (활용 tagged as carbon capture in 16% of documents). These checks decide,
for a form proposed as an alias of a glossary term, whether it is one (``"alias"``),
another concept written with a known acronym (``"sense"``: 생애주기비용 for LCC, which
the glossary reads as 저비용 항공사) or not to be proposed at all (``"refuse"``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from corpus.korean import HANGUL
from glossary import Term

__all__ = [
    "acronym_matches",
    "alias_verdict",
    "clipped_from",
    "garbled_name",
    "min_documents",
    "names_match",
]

# Capitals, maybe with digits (5G, COP): an acronym.
_ACRONYM = re.compile(r"^(?=[0-9]*[A-Z])[A-Z0-9][A-Z0-9&+\-]{1,7}$")
_DIGITS = re.compile(r"[0-9]+")
_SYMBOL = re.compile(r"[^\w\s\-·&./']")
_WORD = re.compile(r"[A-Za-z]+")
# Words an acronym usually skips (Carbon Capture and Storage: CCS).
_SKIPPED = frozenset({"a", "an", "and", "for", "in", "of", "on", "the", "to", "by", "with"})


#: Heads that say which kind of thing a term is: a certificate, a body, a scheme, a law.
_KIND_HEADS = frozenset(
    {"인증", "인증제", "인증제도", "위원회", "제도", "기준", "센터", "공단", "협회", "재단", "법"}
)


def acronym_matches(acronym: str, name: str) -> bool:
    """Whether the letters of ``acronym`` spell ``name``: its initials, or, when the form
    has lower-case letters, ``name`` clipped (CapEx, FinTech; see :func:`clipped_from`).

    Examples
    --------
    >>> [acronym_matches(a, n) for a, n in (("HBM", "High Bandwidth Memory"),
    ...     ("CCS", "Carbon Capture and Storage"), ("AI", "Highly Pathogenic Avian Influenza"),
    ...     ("BSI", "Business Survey Index"), ("BSI", "British Standards Institution"))]
    [True, True, False, True, True]
    """
    letters = "".join(c for c in acronym.upper() if c.isalpha())
    words = [w for w in _WORD.findall(name) if w.lower() not in _SKIPPED]
    if not letters or not words:
        return False
    initials = "".join(w[0] for w in words).upper()
    if letters == initials:
        return True
    # Letters from inside the words (CapEx, FinTech) only when the form shows them in
    # lower case; capitals alone must be initials (NHS is not National Health Insurance).
    return not acronym.isupper() and clipped_from(acronym, name)


def clipped_from(form: str, name: str) -> bool:
    """Whether the one-word Latin ``form`` is ``name`` clipped: the start of each of its
    words, two letters or more, run together (Capex, Opex, FinTech, RegTech).

    Examples
    --------
    >>> [clipped_from(f, "Capital Expenditure") for f in ("Capex", "CapEx", "Cape", "ExCap")]
    [True, True, False, False]
    >>> clipped_from("Fintech", "Financial Technology"), clipped_from("Fit", "Financial Technology")
    (True, False)
    """
    words = [w.lower() for w in _WORD.findall(name) if w.lower() not in _SKIPPED]
    rest = form.lower()
    if len(words) < 2 or not rest.isalpha():
        return False

    def spell(rest: str, words: list[str]) -> bool:
        if not words:
            return not rest
        word = words[0]
        return any(
            rest.startswith(word[:n]) and spell(rest[n:], words[1:])
            for n in range(2, min(len(word), len(rest)) + 1)
        )

    return spell(rest, words)


def _english_names(term: Term) -> list[str]:
    names = [term.en] if term.en else []
    names += [f for f in term.forms if f.isascii() and len(_WORD.findall(f)) > 1]
    return names


def _names_alike(a: str, b: str) -> bool:
    short, long = sorted((a.replace(" ", ""), b.replace(" ", "")), key=len)
    if not short or short[0] != long[0]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance between two short words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def garbled_name(form: str, names: list[str], *, acronyms: Sequence[str] = ()) -> bool:
    """Whether the Latin ``form`` is one of ``names`` written wrongly rather than another
    name: a mark beside a space (Carbon- Free Alliance), two of its words run together
    (New productiveforces), one word misspelt (Lone Prime Rate for Loan Prime Rate), or
    a word left out after its first (Trade and Investment Framework for Trade and
    Investment Promotion Framework: a programme's name without a word is no name;
    leaving out leading words, as Neural Network does, keeps the head), unless the
    shorter name spells one of the term's ``acronyms`` (General Agency for GA).

    Examples
    --------
    >>> [garbled_name(f, ["Loan Prime Rate"]) for f in
    ...     ("Lone Prime Rate", "Loan Prime Rates", "Prime Rate", "Loan Rate")]
    [True, False, False, True]
    >>> garbled_name("Carbon- Free Alliance", ["Carbon Free Alliance"])
    True
    >>> garbled_name("General Agency", ["General Insurance Agency"], acronyms=["GA"])
    False
    """
    if re.search(r"\s[-/]|[-/]\s", form):
        return True
    got = [w.lower() for w in _WORD.findall(form)]
    for name in names:
        have = [w.lower() for w in _WORD.findall(name)]
        if len(have) < 2 or got == have:
            continue
        joined = {a + b for a, b in itertools.pairwise(have)}
        if any(w in joined for w in got):
            return True
        if len(got) == len(have):
            diff = [(g, h) for g, h in zip(got, have, strict=True) if _stem(g) != _stem(h)]
            if len(diff) == 1 and min(map(len, diff[0])) >= 3 and _edits(*diff[0]) <= 2:
                return True
        if (
            1 < len(got) < len(have)
            and got[0] == have[0]
            and not any(acronym_matches(a, form) for a in acronyms)
        ):
            it = iter(have)
            if all(w in it for w in got):
                return True
    return False


def _stem(word: str) -> str:
    w = word.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") else w


def names_match(form: str, names: list[str]) -> bool:
    """Whether the Latin name ``form`` is one of ``names`` (English names of a term)
    written otherwise: the same letters (De-Fi, DeFi), its words among a name's
    (Neural Network of Artificial Neural Network; plural or a prefix glued on, as in
    Wages, Photolithography, allowed), or a name of three words or more with one
    added (… Partnership Agreement). A one-word name with a word added is something
    narrower (Surprise Recession, On Semiconductor).

    Examples
    --------
    >>> [names_match(f, ["Artificial Neural Network"]) for f in ("Neural Network", "Neural Nets")]
    [True, False]
    >>> [names_match(f, ["Recession"]) for f in ("Recessions", "Surprise Recession")]
    [True, False]

    The expansion of an acronym among the names counts only when that acronym
    abbreviates the term's own English name (not SAF in the entry of Jet Fuel):

    >>> names_match("Sustainable Aviation Fuel", ["Jet Fuel", "SAF"])
    False
    """
    compact = "".join(c for c in form.lower() if c.isalnum())
    found = _WORD.findall(form)
    # A small word that starts a name is part of it (On Semiconductor, a company).
    words = [_stem(w) for i, w in enumerate(found) if i == 0 or w.lower() not in _SKIPPED]
    if not words:
        return False
    for name in names:
        if compact == "".join(c for c in name.lower() if c.isalnum()):
            return True
        have = [_stem(w) for w in _WORD.findall(name) if w.lower() not in _SKIPPED]
        if not have:
            continue

        def among(w: str, pool: list[str]) -> bool:
            return any(w == h or (len(h) > 3 and w.endswith(h)) for h in pool)

        if all(among(w, have) for w in words):
            return True
        if len(have) >= 3 and len(words) == len(have) + 1 and all(among(h, words) for h in have):
            return True
        if any(
            h.isupper() and acronym_matches(h, form) and _own_acronym(h, names)
            for h in _WORD.findall(name)
        ):
            return True  # Tech Incubator Program for Startup, for TIPS Program
    return False


def _own_acronym(acronym: str, names: list[str]) -> bool:
    """Whether ``acronym`` abbreviates one of ``names`` itself, or has no name to check
    against. An entry may hold the acronym of a narrower thing (LMO in the entry of
    Genetically Modified Food, SAF in Jet Fuel, BIM in Smart Construction): its
    expansion names that narrower thing, not the entry."""
    longer = [n for n in names if len(_WORD.findall(n)) > 1]
    return not longer or any(
        acronym_matches(acronym, n) or acronym in _WORD.findall(n) for n in longer
    )


def min_documents(form: str) -> int:
    """Documents a form needs before it is proposed as an alias: two for an acronym of
    two letters (PM, CE, DB name many things; one parenthesis is not enough), else one.

    Examples
    --------
    >>> [min_documents(f) for f in ("PM", "HBM", "탄소 포집")]
    [2, 1, 1]
    """
    return 2 if _ACRONYM.match(form) and len(form) == 2 else 1


def alias_verdict(term: Term, known_form: str, form: str, everyday: Callable[[str], bool]) -> str:
    """``"alias"``, ``"sense"`` or ``"refuse"`` for ``form``, seen in parentheses with
    ``known_form`` of ``term`` (see the module docstring).

    ``everyday(form)`` says whether a form is a common word of the language.

    Examples
    --------
    >>> lcc = Term(id="lcc", term="저비용 항공사", en="Low Cost Carrier", aliases=("LCC",))
    >>> [alias_verdict(lcc, "LCC", f, lambda s: s == "활용") for f in
    ...     ("저비용항공사들", "생애주기비용", "활용", "Low-Cost Carrier", "XYZ")]
    ['alias', 'sense', 'refuse', 'alias', 'refuse']
    """
    if everyday(form):
        return "refuse"
    loose = form.replace(" ", "").lower()
    forms = [f.replace(" ", "").lower() for f in term.forms]
    # A number the term's names do not have makes one instance of it (COP26, Stoxx50).
    if set(_DIGITS.findall(form)) - {d for f in forms for d in _DIGITS.findall(f)}:
        return "refuse"
    # A longer name holding one of the term's (비과세 특례, 치앙마이 이니셔티브 다자화) is a
    # narrower thing; a Latin name that only starts one of them (On-Device) a fragment.
    # (A syllable more is a suffix: 저비용항공사들, 벤처투자사.)
    if any(f in loose and len(loose) - len(f) > 1 and HANGUL.search(f) for f in forms):
        return "refuse"
    # The term without the head that says what kind of thing it is (식품안전관리 of
    # 식품안전관리인증) names the activity, not the certificate, body or scheme.
    if HANGUL.search(form) and any(
        f.startswith(loose) and f[len(loose) :] in _KIND_HEADS for f in forms
    ):
        return "refuse"
    names = _english_names(term)
    if _ACRONYM.match(form) and any(
        form in _WORD.findall(n) for n in (*names, *term.forms) if n.isascii()
    ):
        return "alias"  # TIPS of TIPS Program
    if form.isascii() and any(f.startswith(loose) and f != loose for f in forms if f.isascii()):
        return "refuse"
    # A symbol that is no part of a name (소매판매+서비스업), or three words or more
    # (은행권 신속금융지원 프로그램): a description, not another name of the term.
    if _SYMBOL.search(form) or (HANGUL.search(form) and len(form.split()) >= 3):
        return "refuse"
    if _ACRONYM.match(form):
        return "alias" if any(acronym_matches(form, n) for n in names) else "refuse"
    if not HANGUL.search(form):
        latin = [f for f in term.forms if f.isascii()]
        if garbled_name(form, names, acronyms=[f for f in latin if _ACRONYM.match(f)]):
            return "refuse"
        if " " not in form and any(clipped_from(form, n) for n in names):
            return "alias"  # Capex of Capital Expenditure
        return "alias" if names_match(form, [*names, *latin]) else "refuse"
    if _ACRONYM.match(known_form) or known_form.isascii():
        # The glossary knows the acronym for one concept; a name that does not spell it
        # or look like the term's own names is another concept with the same letters.
        if HANGUL.search(form):
            hangul = [f for f in term.forms if HANGUL.search(f)]
            return "alias" if any(_names_alike(form, f) for f in hangul) else "sense"
        return "alias" if acronym_matches(known_form, form) else "sense"
    return "alias"
