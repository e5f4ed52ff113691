"""Combine glossaries, later ones taking precedence, and say what was overridden."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Literal

from ._model import Glossary, Term
from ._validate import FormRef, form_refs, forms_overlap

__all__ = ["MergeConflict", "MergeResult", "merge"]


@dataclass(frozen=True, slots=True)
class MergeConflict:
    """Something a later glossary changed in an earlier one during :func:`merge`.

    Attributes
    ----------
    kind : {"override", "form"}
        ``override``: a later entry with the same id and different content replaced the
        earlier one. ``form``: a later term claimed a form of an earlier term with
        another id; the earlier term lost that form (and was dropped if it was its
        display term).
    term_id : str
        Id of the later (winning) entry.
    other_id : str or None
        Id of the earlier term that lost a form (None for ``override``).
    form : str or None
        The form the later term claimed, as it wrote it (None for ``override``).
    earlier, later : str
        Where the two entries come from, ``path:line`` (or the glossary's name).
    message : str
        The whole story in one sentence.
    """

    kind: Literal["override", "form"]
    term_id: str
    other_id: str | None
    form: str | None
    earlier: str
    later: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged glossary and every conflict met on the way.

    Attributes
    ----------
    glossary : Glossary
    conflicts : tuple of MergeConflict
    """

    glossary: Glossary
    conflicts: tuple[MergeConflict, ...]


def _where(g: Glossary, t: Term) -> str:
    place = g.path or g.name
    return f"{place}:{t.line}" if t.line is not None else place


def _without(t: Term, lost: list[FormRef]) -> Term | None:
    """``t`` minus the ``lost`` forms, or None when it loses its display term."""
    gone = {r.form for r in lost}
    if t.term in gone:
        return None
    return replace(
        t,
        en=None if t.en in gone else t.en,
        aliases=tuple(a for a in t.aliases if a not in gone),
        case=tuple((f, v) for f, v in t.case if f not in gone),
    )


_FILLED = ("en", "aliases", "definition", "category", "related", "exclude", "case", "context")


def _fill(new: Term, old: Term) -> Term:
    """``new`` with its empty fields taken from ``old`` (same id, earlier glossary)."""
    changes = {f: getattr(old, f) for f in _FILLED if not getattr(new, f) and getattr(old, f)}
    if old.basic and not new.basic:
        changes["basic"] = True
    if not old.split and new.split:  # a flag left at its default keeps the earlier one
        changes["split"] = False
    return replace(new, **changes) if changes else new


def merge(
    *glossaries: Glossary, name: str | None = None, version: str | None = None
) -> MergeResult:
    """Merge glossaries; later ones override earlier entries with the same id.

    A later entry overrides the fields it sets; fields it leaves empty keep the earlier
    entry's values, so a reviewed proposal that only adds aliases keeps the definition
    and ``related`` links it did not repeat. An entry keeps the position where its id
    first appeared. A form claimed by terms
    with different ids in different glossaries goes to the later term; every such
    change is reported in ``conflicts``.

    Parameters
    ----------
    *glossaries : Glossary
    name, version : str, optional
        Default: the inputs' names (versions) joined with ``+``.

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> base = Glossary([Term(id="oil", term="유가", aliases=("국제유가",))], name="base")
    >>> mine = Glossary([Term(id="intl_oil", term="국제 유가")], name="mine")
    >>> res = merge(base, mine)
    >>> res.glossary["oil"].aliases, [c.kind for c in res.conflicts]
    ((), ['form'])
    """
    if not glossaries:
        raise ValueError("merge() needs at least one glossary")
    for g in glossaries:
        if not isinstance(g, Glossary):
            raise TypeError(f"merge() takes glossary.Glossary objects, got {type(g).__name__}")
    slots: dict[str, tuple[Term | None, int]] = {}
    conflicts: list[MergeConflict] = []
    for k, g in enumerate(glossaries):
        index: dict[str, set[str]] = defaultdict(set)
        for tid, (t, _) in slots.items():
            for ref in form_refs(t) if t is not None else ():
                index[ref.loose].add(tid)
        for t in g:
            old = slots.get(t.id)
            if old is not None and old[0] is not None:
                t = _fill(t, old[0])
            if old is not None and old[0] is not None and old[0] != t:
                earlier, later = _where(glossaries[old[1]], old[0]), _where(g, t)
                conflicts.append(
                    MergeConflict(
                        "override",
                        t.id,
                        None,
                        None,
                        earlier,
                        later,
                        f"term {t.id!r} at {later} overrides the different entry at {earlier}",
                    )
                )
            slots[t.id] = (t, k)
        for t in g:
            for ref in form_refs(t):
                for other_id in sorted(index.get(ref.loose, ())):
                    other, source = slots[other_id]
                    if other is None or source == k or other_id == t.id:
                        continue
                    lost = [r for r in form_refs(other) if forms_overlap(r, ref)]
                    if not lost:
                        continue
                    kept = _without(other, lost)
                    slots[other_id] = (kept, source)
                    earlier, later = _where(glossaries[source], other), _where(g, t)
                    outcome = (
                        f"{other_id!r} is dropped, since that was its display term"
                        if kept is None
                        else f"{other_id!r} loses {', '.join(repr(r.form) for r in lost)}"
                    )
                    conflicts.append(
                        MergeConflict(
                            "form",
                            t.id,
                            other_id,
                            ref.form,
                            earlier,
                            later,
                            f"form {ref.form!r} of term {t.id!r} ({later}) was also claimed "
                            f"by term {other_id!r} ({earlier}): {outcome}",
                        )
                    )
    dropped = {tid for tid, (t, _) in slots.items() if t is None}
    terms = []
    for t, _ in slots.values():
        if t is None:
            continue
        if dropped.intersection(t.related):
            t = replace(t, related=tuple(r for r in t.related if r not in dropped))
        terms.append(t)
    merged = Glossary(
        terms,
        name=name if name is not None else "+".join(g.name for g in glossaries),
        version=version if version is not None else "+".join(g.version for g in glossaries),
    )
    return MergeResult(merged, tuple(conflicts))
