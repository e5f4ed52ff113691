"""Check a glossary's content: ids, empty values, forms two terms both claim, references."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ._forms import _WS, form_key
from ._issues import GlossaryIssue, Severity
from ._model import Glossary, Term, lookup_key

if TYPE_CHECKING:
    from ._background import BackgroundFrequencies

__all__ = [
    "EVERYDAY_SHARE",
    "ID_PATTERN",
    "FormRef",
    "everyday_warnings",
    "form_refs",
    "forms_overlap",
    "validate",
    "validate_terms",
]

ID_PATTERN = re.compile(r"^[a-z0-9_]+$")

#: A term in more than this share of background documents is an everyday word:
#: :func:`everyday_warnings` asks for ``basic: true`` (the bundled glossary's most
#: frequent concepts, 반도체 and 인공지능, are in under 4%).
EVERYDAY_SHARE = 0.03

_ONE_SYLLABLE = re.compile(r"^[가-힣]$")

#: Words whose pair names the opposite thing. An alias that says one where its term says
#: the other (매수 호가 under 매도 호가, 비둘기파적 동결 under 매파적 동결) makes the
#: tagger count the opposite concept as this one.
OPPOSITE_WORDS: tuple[tuple[str, str], ...] = (
    ("매수", "매도"),
    ("매파", "비둘기파"),
    ("인상", "인하"),
    ("강세", "약세"),
    ("흑자", "적자"),
    ("상승", "하락"),
    ("급등", "급락"),
    ("증가", "감소"),
    ("확대", "축소"),
    ("유입", "유출"),
    ("긴축", "완화"),
    ("호황", "불황"),
    ("매입", "매각"),
    ("상한", "하한"),
    ("고점", "저점"),
    ("상향", "하향"),
    ("호재", "악재"),
    ("선분양", "후분양"),
    ("강달러", "약달러"),
    ("인플레이션", "디플레이션"),
    ("hawkish", "dovish"),
    ("bull", "bear"),
    ("long", "short"),
    ("surplus", "deficit"),
    ("buy", "sell"),
    ("inflow", "outflow"),
    ("upgrade", "downgrade"),
    ("overbought", "oversold"),
    ("tightening", "easing"),
)


@functools.cache
def _whole_latin_word(word: str) -> re.Pattern[str]:
    # Compiled once per word: checking a whole glossary asks about a million times.
    return re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])")


def _says(form: str, word: str) -> bool:
    """Whether ``form`` contains ``word``: anywhere for Hangul (it glues into compounds),
    as a whole word for Latin (``short`` is not in ``shortlist``)."""
    if word.isascii():
        return _whole_latin_word(word).search(form.lower()) is not None
    return word in form


def _opposite_in(term: str, alias: str) -> tuple[str, str] | None:
    """The first (word of ``term``, its opposite in ``alias``) when ``alias`` says the
    opposite of what ``term`` says and not the word itself."""
    for a, b in OPPOSITE_WORDS:
        for said, other in ((a, b), (b, a)):
            if (
                _says(term, said)
                and not _says(term, other)
                and _says(alias, other)
                and not _says(alias, said)
            ):
                return said, other
    return None


def _unmatchable(form: str) -> str | None:
    """Why ``form`` cannot be a glossary form, or ``None``: it must show something, hold
    a letter (``.`` or ``1`` would match in every article), and not be one kana (which
    matches inside any Japanese word; Latin forms match whole words only).

    Examples
    --------
    >>> _unmatchable("금리"), _unmatchable("5G"), _unmatchable("1")
    (None, None, 'has no letter, so it would match numbers or punctuation anywhere')
    """
    visible = [ch for ch in form if not ch.isspace() and unicodedata.category(ch) != "Cf"]
    if not visible:
        return "has only invisible characters (zero-width spaces, joiners)"
    letters = [ch for ch in visible if unicodedata.category(ch).startswith("L")]
    if not letters:
        return "has no letter, so it would match numbers or punctuation anywhere"
    if len(visible) == 1:
        name = unicodedata.name(visible[0], "")
        if name.startswith(("HIRAGANA", "KATAKANA", "HALFWIDTH KATAKANA")):
            return "is one kana: it would match inside any Japanese word"
    return None


class FormRef(NamedTuple):
    """A surface form of a term with the keys it is compared by."""

    form: str
    field: str
    case_sensitive: bool
    loose: str  # spaces removed, lower-cased: equal for every form that can match alike
    exact: str  # form_key with the term's own case rule


def form_refs(term: Term) -> list[FormRef]:
    """Every form of ``term`` (display term, English name, aliases) with its keys.

    Spacing variants need no keys of their own: :func:`form_key` drops spaces, so every
    variant of a form has the form's key.
    """
    out = []
    fields = [("term", term.term), ("en", term.en)] + [("aliases", a) for a in term.aliases]
    for name, form in fields:
        if not form or not form.strip():
            continue
        cs = term.is_case_sensitive(form)
        loose = form_key(form, case_sensitive=False)
        out.append(FormRef(form, name, cs, loose, form_key(form, case_sensitive=cs)))
    return out


def forms_overlap(a: FormRef, b: FormRef) -> bool:
    """Whether some text would match both forms.

    Two case-sensitive forms match the same text only if they are written alike; a
    case-insensitive form also matches any capitalisation of the other (``per`` would
    match the text ``PER``).
    """
    if a.loose != b.loose:
        return False
    return a.exact == b.exact if a.case_sensitive and b.case_sensitive else True


class _Checker:
    def __init__(self, terms: Sequence[Term], sources: Sequence[str | None]) -> None:
        self.terms = terms
        self.sources = sources
        self.issues: list[GlossaryIssue] = []

    def add(self, i: int, field: str | None, message: str, severity: Severity = "error") -> None:
        t = self.terms[i]
        issue = GlossaryIssue(self.sources[i], t.line, t.id or None, field, message, severity)
        self.issues.append(issue)

    def where(self, i: int, j: int) -> str:
        """How to point from entry ``i`` to entry ``j`` ("line 12", "other.yaml:12")."""
        line = self.terms[j].line
        at = f"line {line}" if line is not None else "an earlier entry"
        if self.sources[j] != self.sources[i]:
            at = f"{self.sources[j] or '<glossary>'}:{line}" if line is not None else at
        return at

    def run(self) -> list[GlossaryIssue]:
        first: dict[str, int] = {}
        for i, t in enumerate(self.terms):
            self.check_strings(i, t)
            if t.id and t.id in first:
                j = first[t.id]
                self.add(i, "id", f"duplicate id {t.id!r}: also used at {self.where(i, j)}")
            first.setdefault(t.id, i)
        by_key: dict[str, list[tuple[int, FormRef]]] = defaultdict(list)
        for i, t in enumerate(self.terms):
            refs = form_refs(t)
            for ref in refs:
                self.check_claims(i, ref, by_key[ref.loose])
                by_key[ref.loose].append((i, ref))
            self.check_exclude(i, t, refs)
            self.check_related(i, t, first)
            self.check_case(i, t)
            self.check_opposites(i, t)
            self.check_context(i, t)
        return self.issues

    def check_strings(self, i: int, t: Term) -> None:
        if not t.id.strip():
            self.add(i, "id", "missing id")
        elif not ID_PATTERN.match(t.id):
            self.add(i, "id", f"bad id {t.id!r}: use lower-case letters a-z, digits and '_' only")
        if not t.term.strip():
            self.add(i, "term", "missing term (the display form)")
        for name in ("en", "definition", "category"):
            value = getattr(t, name)
            if value is not None and not value.strip():
                self.add(i, name, f"empty string {value!r}; leave the field out instead")
        for name in ("aliases", "related", "exclude"):
            for value in getattr(t, name):
                if not value.strip():
                    self.add(i, name, f"empty string {value!r} in the list")
        for name, value in [("term", t.term), ("en", t.en or "")] + [
            ("aliases", a) for a in t.aliases
        ]:
            if value.strip() and value != value.strip():
                self.add(i, name, f"form {value!r} has spaces at its ends", "warning")
            problem = _unmatchable(value) if value.strip() else None
            if problem is not None:
                self.add(i, name, f"form {value!r} {problem}")
            if not unicodedata.is_normalized("NFC", value):
                self.add(
                    i,
                    name,
                    f"form {value!r} is not in Unicode NFC, so it may never match normal "
                    "text (decomposed Hangul, compatibility Hanja); re-save the file as NFC",
                    "warning",
                )

    def check_claims(self, i: int, ref: FormRef, bucket: list[tuple[int, FormRef]]) -> None:
        t = self.terms[i]
        for j, other in bucket:
            if not forms_overlap(ref, other):
                continue
            o = self.terms[j]
            if j == i:
                if _WS.sub("", ref.form) != _WS.sub("", other.form):
                    # Spellings differing in letter case (CapEx, CAPEX) are how writers
                    # write the term; the box shows them. Spacing alone is a repeat.
                    continue
                self.add(
                    i,
                    ref.field,
                    f"form {ref.form!r} repeats {other.form!r} ({other.field}): "
                    "both match the same text",
                    "warning",
                )
                return
            if o.id == t.id:
                continue  # a duplicate id is reported once, as such
            self.add(
                i,
                ref.field,
                f"form {ref.form!r} is also a form of term {o.id!r} "
                f"({other.field} {other.form!r} at {self.where(i, j)}); "
                "a surface form can belong to one term only",
            )
            return

    def check_exclude(self, i: int, t: Term, refs: list[FormRef]) -> None:
        for word in t.exclude:
            if not word.strip():
                continue
            key = form_key(word, case_sensitive=False)
            if any(key == r.loose for r in refs):
                self.add(
                    i,
                    "exclude",
                    f"exclude word {word!r} is a form of the term itself, so it would "
                    "block every match",
                )
            elif not any(r.loose in key for r in refs):
                forms = ", ".join(repr(r.form) for r in refs)
                self.add(
                    i,
                    "exclude",
                    f"exclude word {word!r} contains none of the term's forms ({forms}), "
                    "so it never blocks a match",
                    "warning",
                )

    def check_related(self, i: int, t: Term, ids: dict[str, int]) -> None:
        for rid in t.related:
            if not rid.strip():
                continue
            if rid == t.id:
                self.add(i, "related", f"the term lists itself ({rid!r}) as related", "warning")
            elif rid not in ids:
                close = difflib.get_close_matches(rid, list(ids), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.add(i, "related", f"unknown id {rid!r}: no term has this id{hint}")

    def check_opposites(self, i: int, t: Term) -> None:
        heads = [t.term] + ([t.en] if t.en else [])
        for alias in t.aliases:
            for head in heads:
                found = _opposite_in(head, alias)
                if found is not None:
                    said, other = found
                    self.add(
                        i,
                        "aliases",
                        f"alias {alias!r} says {other!r} where the term says {said!r} "
                        f"({head!r}): an opposite is a related term, not another way "
                        "of writing this one",
                        "warning",
                    )
                    break

    def check_case(self, i: int, t: Term) -> None:
        forms = set(t.forms)
        for form, _ in t.case:
            if form not in forms:
                self.add(
                    i,
                    "case_sensitive",
                    f"{form!r} is not a form of this term (forms: {', '.join(t.forms)})",
                    "warning",
                )

    def check_context(self, i: int, t: Term) -> None:
        c = t.context
        if c is None:
            return
        if not (c.avoid or c.require_any):
            self.add(i, "context", "a context cue needs words to 'avoid' or to 'require_any'")
        for name in ("avoid", "require_any", "forms"):
            for word in getattr(c, name):
                if not word.strip():
                    self.add(i, "context", f"empty string {word!r} in {name!r}")
        keys = {lookup_key(f) for f in t.forms}
        for form in c.forms:
            if form.strip() and lookup_key(form) not in keys:
                self.add(
                    i,
                    "context",
                    f"{form!r} in 'forms' is not a form of this term (forms: {', '.join(t.forms)})",
                )
        for word in c.avoid:
            if word.strip() and lookup_key(word) in keys:
                self.add(
                    i,
                    "context",
                    f"avoid word {word!r} is a form of the term itself, so it would block "
                    "every mention",
                )


def validate_terms(
    terms: Sequence[Term], sources: Sequence[str | None] | None = None
) -> list[GlossaryIssue]:
    """Check ``terms``; ``sources[i]`` is the file ``terms[i]`` came from."""
    if sources is None:
        sources = [None] * len(terms)
    return _Checker(terms, sources).run()


def validate(glossary: Glossary) -> list[GlossaryIssue]:
    """Every problem in ``glossary``, errors and warnings, in file order.

    Errors: a missing or malformed id, a duplicate id, a missing term, empty strings, a
    surface form claimed by two terms (compared by :func:`form_key`, so spacing and,
    for case-insensitive forms, letter case do not matter), an unknown ``related`` id,
    an ``exclude`` word that is a form of the term itself, a ``context`` cue without
    words, with a form the term does not have, or avoiding a form of the term itself.
    Warnings: a form repeated within one term, an ``exclude`` word that contains none of
    the term's forms, a ``case_sensitive`` override for a form the term does not have,
    forms with spaces at the ends or not in Unicode NFC.

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="oil", term="유가", exclude=("유가증권",)),
    ...               Term(id="oil_price", term="국제 유가", aliases=("유가",))])
    >>> [str(i) for i in validate(g)]  # doctest: +ELLIPSIS
    ["<glossary>: term 'oil_price' field 'aliases': form '유가' is also a form of term 'oil' ..."]
    """
    return validate_terms(glossary.terms, [glossary.path] * len(glossary))


def everyday_warnings(
    terms: Sequence[Term],
    sources: Sequence[str | None] | None = None,
    *,
    background: BackgroundFrequencies | None = None,
    basic_forms: Mapping[str, str] | None = None,
    share: float = EVERYDAY_SHARE,
) -> list[GlossaryIssue]:
    """Warnings about forms that would put everyday words in a box (never errors).

    A term not marked ``basic`` is warned about when

    - ``background`` counts it in more than ``share`` of its documents (an everyday word
      of the news: mark it basic or narrow its forms);
    - one of its forms is a form of a basic term of another glossary (``basic_forms``:
      :func:`form_key` without spaces -> that term's id; ``kotrend glossary check`` uses
      the bundled glossary's basic terms for a user's file).

    Any term, basic or not, is warned about for a one-syllable Hangul form without
    ``exclude`` words: 금 or 빚 is a morpheme of countless other words.

    Examples
    --------
    >>> from glossary import BackgroundFrequencies, Term
    >>> bg = BackgroundFrequencies(documents=100, df={"rate": 9})
    >>> [i.message for i in everyday_warnings([Term(id="rate", term="금리")], background=bg)]
    ["form '금리' is in 9.0% of the background's 100 documents (over 3%): an everyday word; mark the term `basic: true` or narrow its forms"]
    """
    if sources is None:
        sources = [None] * len(terms)
    checker = _Checker(terms, sources)
    for i, t in enumerate(terms):
        refs = form_refs(t)
        if not t.basic and background is not None and background.documents:
            frac = background.share(t.id)
            if frac > share:
                checker.add(
                    i,
                    "term",
                    f"form {t.term!r} is in {frac:.1%} of the background's "
                    f"{background.documents:,} documents (over {share:.0%}): an everyday "
                    "word; mark the term `basic: true` or narrow its forms",
                    "warning",
                )
        if not t.basic and basic_forms:
            for ref in refs:
                other = basic_forms.get(ref.loose)
                if other is not None and other != t.id:
                    checker.add(
                        i,
                        ref.field,
                        f"form {ref.form!r} is an everyday word: the bundled glossary marks "
                        f"it basic (term {other!r}); a box would show it for any story that "
                        "uses the word. Mark the term `basic: true` or drop the form",
                        "warning",
                    )
        if not t.exclude:
            for ref in refs:
                if _ONE_SYLLABLE.match(ref.loose):
                    checker.add(
                        i,
                        ref.field,
                        f"form {ref.form!r} is one Hangul syllable and the term has no "
                        "exclude words: it is also part or sense of many other words; add "
                        "exclude words or use a longer form",
                        "warning",
                    )
    return checker.issues
