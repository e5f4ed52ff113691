"""The glossary bundled with the package (``glossary/data/``)."""

from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import replace
from importlib import resources
from typing import TYPE_CHECKING

from ._background import BACKGROUND_FILE, BackgroundFrequencies
from ._cache import cached, code_key
from ._forms import HANGUL_RANGE
from ._io import parse_text
from ._issues import GlossaryError, GlossaryIssue
from ._model import Glossary, Term
from ._validate import everyday_warnings, validate_terms

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["DEFAULT_NAME", "check_default", "data_root", "default"]

DEFAULT_NAME = "kotrend-default"
_HANGUL = re.compile(f"^[{HANGUL_RANGE}]{{2,}}$")


def data_root() -> Traversable:
    """The package data directory (tests point this elsewhere with monkeypatch)."""
    return resources.files("glossary") / "data"


def _yaml_files(folder: Traversable) -> list[Traversable]:
    if not folder.is_dir():
        return []
    files = [f for f in folder.iterdir() if f.name.endswith(".yaml") and f.is_file()]
    return sorted(files, key=lambda f: f.name)


def _version(root: Traversable) -> str:
    file = root / "VERSION"
    return (file.read_text(encoding="utf-8").strip() or "0") if file.is_file() else "0"


def _missing(folder: Traversable) -> FileNotFoundError:
    return FileNotFoundError(
        f"the bundled glossary has no *.yaml files in {folder}; the package data is missing "
        "(reinstall kotrend, or use glossary.load(path) for your own glossary)"
    )


def _read(
    root: Traversable, entities: bool
) -> tuple[list[Term], list[GlossaryIssue], int, list[str | None]]:
    """Every bundled term (concepts, then entities), all files' issues, the concept count
    and each term's file.

    Entities are always read and checked with the concepts, so an id or form claimed in
    two files is an error even when only the concepts are wanted.
    """
    concept_files = _yaml_files(root / "default")
    entity_files = _yaml_files(root / "entities")
    if not concept_files:
        raise _missing(root / "default")
    if entities and not entity_files:
        raise _missing(root / "entities")
    terms: list[Term] = []
    sources: list[str | None] = []
    issues: list[GlossaryIssue] = []
    n_concepts = 0
    for file in concept_files + entity_files:
        where = str(file)
        g, found_issues = parse_text(file.read_text(encoding="utf-8"), format="yaml", path=where)
        issues += found_issues
        if file in entity_files:
            # Names are matched as written: their parts spaced apart are other words
            # (한미반도체 is a company, 한미 반도체 is Korea-US chips).
            terms += [replace(t, split=False) for t in g.terms]
        else:
            terms += g.terms
        sources += [where] * len(g)
        if file in concept_files:
            n_concepts = len(terms)
    issues += validate_terms(terms, sources)
    return terms, issues, n_concepts, sources


def check_default() -> list[GlossaryIssue]:
    """Every problem in the bundled glossary and entity list, each naming its own file.

    What ``kotrend glossary check default`` prints. :func:`default` raises on the errors
    among these; warnings never stop it. Besides :func:`validate`'s issues: a concept not
    marked basic in over 3% of the bundled background's documents, and one-syllable
    Hangul forms without ``exclude`` words (:func:`glossary._validate.everyday_warnings`).

    Examples
    --------
    >>> [str(i) for i in check_default() if i.is_error]
    []
    """
    root = data_root()
    # Reading and checking every file takes seconds, and the CLI's `glossary check` and
    # the tests ask often: kept on disk like the glossary itself, keyed on the same files
    # and code, and on the background the warnings read.
    bg_file = root / BACKGROUND_FILE
    parts = _bundle_parts(root, True)
    parts.append(bg_file.read_bytes() if bg_file.is_file() else b"")
    return list(cached("glossary-check", parts, lambda: _check(root)))


def _check(root: Traversable) -> list[GlossaryIssue]:
    terms, issues, n_concepts, files = _read(root, True)
    background = None
    bg_file = root / BACKGROUND_FILE
    if bg_file.is_file():
        data = json.loads(bg_file.read_text(encoding="utf-8"))
        background = BackgroundFrequencies.from_dict(data, where=str(bg_file))
    # Shares are measured for concepts; entity names are never in a box by default.
    issues += everyday_warnings(terms[:n_concepts], files[:n_concepts], background=background)
    issues += everyday_warnings(terms[n_concepts:], files[n_concepts:])
    return issues


def _names_excluded(concepts: list[Term], names: list[Term]) -> list[Term]:
    """``concepts`` with every bundled name that holds one of their Hangul forms added to
    their ``exclude`` words: 은행 is not counted in 한국은행, 수출 not in 수출입은행, whether
    or not the names are tagged too.

    Examples
    --------
    >>> bank, bok = Term(id="bank", term="은행"), Term(id="bok", term="한국은행")
    >>> _names_excluded([bank], [bok])[0].exclude
    ('한국은행',)
    """
    hangul = [(t, [f for f in t.forms if _HANGUL.match(f)]) for t in concepts]
    by_form: dict[str, list[int]] = {}
    for i, (_, forms) in enumerate(hangul):
        for f in forms:
            by_form.setdefault(f, []).append(i)
    extra: dict[int, list[str]] = {}
    for name in names:
        for form in name.forms:
            compact = form.replace(" ", "")
            if not _HANGUL.match(compact):
                continue
            for n in range(2, len(compact)):
                for k in range(len(compact) - n + 1):
                    for i in by_form.get(compact[k : k + n], ()):
                        extra.setdefault(i, []).append(form)
    return [
        replace(t, exclude=tuple(dict.fromkeys((*t.exclude, *extra[i])))) if i in extra else t
        for i, t in enumerate(concepts)
    ]


@functools.lru_cache(maxsize=8)
def _bundle(root: Traversable, entities: bool) -> Glossary:
    """The bundled glossary, from the on-disk cache when its files and this package's
    code are unchanged (parsing and validating the YAML takes over a second)."""
    return cached("glossary", _bundle_parts(root, entities), lambda: _build_bundle(root, entities))


def _bundle_parts(root: Traversable, entities: bool) -> list[bytes | str]:
    """What the bundle read from ``root`` depends on: its files and this package's code."""
    parts: list[bytes | str] = [str(root), str(entities), code_key()]
    for folder in ("default", "entities"):
        for file in _yaml_files(root / folder):
            parts += [f"{folder}/{file.name}", file.read_bytes()]
    version = root / "VERSION"
    parts.append(version.read_bytes() if version.is_file() else b"")
    return parts


def _build_bundle(root: Traversable, entities: bool) -> Glossary:
    terms, issues, n_concepts, _ = _read(root, entities)
    if any(i.is_error for i in issues):
        raise GlossaryError(issues)
    concepts = _names_excluded(terms[:n_concepts], terms[n_concepts:])
    if entities:
        terms = concepts + terms[n_concepts:]
    else:
        # Concepts may relate to entities (gpu -> nvidia); without the entities those
        # links would point nowhere, so they are left out.
        entity_ids = {t.id for t in terms[n_concepts:]}
        terms = [
            replace(t, related=tuple(r for r in t.related if r not in entity_ids))
            if entity_ids.intersection(t.related)
            else t
            for t in concepts
        ]
    bundle = Glossary(terms, name=DEFAULT_NAME, version=_version(root), path=str(root / "default"))
    bundle.content_hash()  # kept with the cached bundle: every tagger asks for it
    return bundle


def default(*, entities: bool = False) -> Glossary:
    """The bundled default glossary of Korean finance terms.

    Every ``*.yaml`` file in ``glossary/data/default/`` in file-name order, plus
    ``glossary/data/entities/`` (companies, institutions) when ``entities`` is true.
    All files are validated together either way; without entities, ``related`` links
    to entity ids are left out. Entities get ``split=False`` (names are matched only as
    written). The result is cached: do not modify it. It is also kept on disk between
    runs, keyed by the files' content (see :mod:`glossary._cache`; ``KOTREND_NO_CACHE=1``
    turns that off).

    Parameters
    ----------
    entities : bool
        Also include named entities.

    Raises
    ------
    FileNotFoundError
        When the package data is missing.
    GlossaryError
        When the bundled files have errors (a bug: please report it).

    Examples
    --------
    >>> g = default()  # doctest: +SKIP
    >>> g["capex"].term  # doctest: +SKIP
    '자본 지출'
    """
    # files() gives a pathlib.Path (or zipfile.Path): hashable, though Traversable
    # does not promise it.
    return _bundle(data_root(), bool(entities))  # type: ignore[arg-type]
