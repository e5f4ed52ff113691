"""How a surface form is compared: one rule shared by validation and the matcher."""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = [
    "compound_splits",
    "dotted_variants",
    "form_key",
    "is_acronym",
    "is_case_sensitive",
    "joiner_variants",
    "latin_plurals",
    "script_splits",
    "spacing_variants",
]

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{0,3}$")
_LATIN_WORD_END = re.compile(r"[A-Za-z]+$")
_WS = re.compile(r"\s+")
#: Hangul syllables, as a character-class range (glossary imports nothing of ours, so it
#: keeps this one copy of what corpus.korean holds for the rest of the project).
HANGUL_RANGE = "\uac00-\ud7a3"
_HANGUL_WORD = re.compile(f"^[{HANGUL_RANGE}]{{4,}}$")
# Marks writers put between the parts of a compound, or leave out: 미·중, 미-중, 미/중, 미중.
JOINER_MARKS = "·‧・∙•/\\-"
_JOINER = re.compile(rf"(?<=[\w])\s*[{JOINER_MARKS}]\s*(?=[\w])")
_JOINER_CHOICES = ("·", "-", "/", " ", "")
# Where writers put a space or not between scripts and camel-case parts: AI반도체 and
# AI 반도체, OpenAI and Open AI.
_SCRIPT_CUT = re.compile(
    f"(?<=[A-Za-z0-9])(?=[{HANGUL_RANGE}])|(?<=[{HANGUL_RANGE}])(?=[A-Za-z0-9])|(?<=[a-z])(?=[A-Z])"
)


def is_acronym(form: str) -> bool:
    """Return True for all-caps Latin acronyms of up to 4 letters (PER, EV, ROI, HBM).

    Examples
    --------
    >>> is_acronym("ROI"), is_acronym("Capex"), is_acronym("CAPEX")
    (True, False, False)
    """
    return bool(_ACRONYM.match(form)) and sum(c.isalpha() for c in form) >= 2


def is_case_sensitive(form: str, override: bool | None = None) -> bool:
    """Whether ``form`` must match with its exact letter case.

    Short all-caps acronyms are case-sensitive (so ``PER`` does not match ``per``);
    everything else matches case-insensitively, unless ``override`` says otherwise.
    """
    if override is not None:
        return override
    return is_acronym(form)


def form_key(form: str, *, case_sensitive: bool | None = None) -> str:
    """The key two forms share when they would match the same text.

    Spacing is ignored (자본 지출 = 자본지출) and Latin letters are lower-cased unless
    the form is case-sensitive.

    Examples
    --------
    >>> form_key("자본 지출") == form_key("자본지출")
    True
    >>> form_key("CapEx") == form_key("capex"), form_key("PER") == form_key("per")
    (True, False)
    """
    compact = _WS.sub("", form)
    if is_case_sensitive(form, case_sensitive):
        return compact
    return compact.lower()


def spacing_variants(form: str, *, limit: int = 16) -> list[str]:
    """All ways of writing ``form`` with or without each of its inner spaces.

    Examples
    --------
    >>> spacing_variants("투자 자본 수익률")
    ['투자 자본 수익률', '투자 자본수익률', '투자자본 수익률', '투자자본수익률']
    """
    parts = _WS.split(form.strip())
    if len(parts) == 1:
        return [parts[0]]
    if 2 ** (len(parts) - 1) > limit:
        return [" ".join(parts), "".join(parts)]
    out = []
    for mask in range(2 ** (len(parts) - 1)):
        s = parts[0]
        for i, part in enumerate(parts[1:]):
            # Bit set means the space is dropped; mask 0 is the form as written.
            s += ("" if mask >> (len(parts) - 2 - i) & 1 else " ") + part
        out.append(s)
    return out


def compound_splits(form: str, words: Collection[str] = ()) -> list[str]:
    """Ways of writing a one-word Hangul compound as two words.

    Writers space compounds freely (무역수지, 무역 수지; 하이퍼스케일러, 하이퍼 스케일러). A
    form of four or more Hangul syllables without spaces is split wherever both parts
    have two or more syllables. A hit on such a variant still has to pass the matcher's
    boundary checks, so "X 수지" inside a longer word does not count. ``words`` (the
    glossary's one-word forms) are listed first among the splits; a one-syllable part is
    never split off (공 매도, 자사 주 are other words).

    Examples
    --------
    >>> compound_splits("무역수지", {"무역"}), compound_splits("기준금리")
    (['무역 수지'], ['기준 금리'])
    >>> compound_splits("하이퍼스케일러")
    ['하이퍼 스케일러', '하이 퍼스케일러', '하이퍼스 케일러', '하이퍼스케 일러']
    >>> compound_splits("자본 지출"), compound_splits("공매도")
    ([], [])
    """
    if not _HANGUL_WORD.match(form):
        return []
    cuts = range(2, len(form) - 1)
    known = [i for i in cuts if form[:i] in words or form[i:] in words]
    # Morpheme-like cuts first (a known word, else a three-syllable loanword head),
    # only for readability of the list: every cut is matched.
    order = known + sorted((i for i in cuts if i not in known), key=lambda i: (i != 3, i))
    return [f"{form[:i]} {form[i:]}" for i in order]


def joiner_variants(form: str) -> list[str]:
    """``form`` with each mark between its parts written as ·, -, /, a space or nothing.

    Examples
    --------
    >>> joiner_variants("미·중 갈등")
    ['미·중 갈등', '미-중 갈등', '미/중 갈등', '미 중 갈등', '미중 갈등']
    >>> joiner_variants("P/E"), joiner_variants("자본 지출")
    (['P/E', 'P·E', 'P-E'], ['자본 지출'])
    """
    if not _JOINER.search(form):
        return [form]

    def join(choice: str) -> str:
        def one(m: re.Match[str]) -> str:
            # Between Latin letters only the marks vary: P/E as PE would be private equity.
            latin = form[m.start() - 1].isascii() and form[m.end()].isascii()
            return m.group() if latin and choice in (" ", "") else choice

        return _JOINER.sub(one, form)

    return list(dict.fromkeys([form, *(join(c) for c in _JOINER_CHOICES)]))


#: At most this many leading syllables are dotted off (산·학·연·관: three).
_MAX_DOTTED = 3
_HANGUL_ONLY = re.compile(f"^[{HANGUL_RANGE}]{{3,}}$")


def dotted_variants(form: str) -> list[str]:
    """``form``, a one-word Hangul compound, with a middle dot after each of its first
    one, two or three syllables.

    Compounds of one-syllable abbreviations (산학연관 for 산업·학계·연구·관, 농수산물,
    소부장) are as often written with the dots that stand between their words (산·학·연·관,
    농·수산물, 농·축·수산물, 소·부·장). Forms of two syllables are left out: dotted, most
    are two other words (한·우 for Korea and Uzbekistan, not 한우), so the few that are
    abbreviation pairs (노·사) are written as forms of their own.

    Examples
    --------
    >>> dotted_variants("산학연관")
    ['산·학연관', '산·학·연관', '산·학·연·관']
    >>> dotted_variants("노사"), dotted_variants("자본 지출"), dotted_variants("AI칩")
    ([], [], [])
    """
    if not _HANGUL_ONLY.match(form):
        return []
    return ["·".join((*form[:k], form[k:])) for k in range(1, min(len(form), _MAX_DOTTED + 1))]


def script_splits(form: str) -> list[str]:
    """``form`` spaced where it changes script or camel-case word, if written without.

    Examples
    --------
    >>> script_splits("AI반도체"), script_splits("OpenAI"), script_splits("코로나19")
    (['AI 반도체'], ['Open AI'], ['코로나 19'])
    """
    if " " in form:
        return []
    spaced = _SCRIPT_CUT.sub(" ", form)
    return [spaced] if spaced != form else []


def latin_plurals(form: str) -> list[str]:
    """Regular English plurals of a form ending in a Latin word (``[]`` otherwise).

    Examples
    --------
    >>> latin_plurals("capital expenditure"), latin_plurals("hyperscaler")
    (['capital expenditures'], ['hyperscalers'])
    >>> latin_plurals("GPU"), latin_plurals("자본 지출")
    (['GPUs'], [])
    """
    m = _LATIN_WORD_END.search(form)
    if not m or len(m.group()) < 2:
        return []
    word = m.group()
    head = form[: m.start()]
    lower = word.lower()
    if is_acronym(word):
        return [form + "s"]
    if lower.endswith("s") or lower.endswith("x") or lower.endswith("ch") or lower.endswith("sh"):
        if lower.endswith("ss") or not lower.endswith("s"):
            return [head + word + ("ES" if word.isupper() else "es")]
        return []
    if lower.endswith("y") and len(lower) > 2 and lower[-2] not in "aeiou":
        return [head + word[:-1] + ("IES" if word.isupper() else "ies")]
    return [head + word + ("S" if word.isupper() else "s")]
