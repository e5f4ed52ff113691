"""Check a glossary file: reading, content, and everyday words the bundled glossary knows."""

from __future__ import annotations

from ._default import default
from ._io import PathLike, read
from ._issues import GlossaryError, GlossaryIssue
from ._validate import everyday_warnings, form_refs, validate_terms

__all__ = ["check"]


def check(path: PathLike, *, format: str | None = None) -> list[GlossaryIssue]:
    """Every problem in a glossary file, reading and content, errors and warnings.

    Never raises for the file's content; a missing file raises :class:`FileNotFoundError`.
    Besides :func:`validate`'s issues, a file that reads cleanly gets the warnings of
    :func:`glossary._validate.everyday_warnings`: a form the bundled glossary marks basic
    (an everyday word such as 금리) on a term not marked basic, and a one-syllable Hangul
    form without ``exclude`` words.

    Examples
    --------
    >>> for issue in check("my.yaml"):  # doctest: +SKIP
    ...     print(issue)
    my.yaml:12: term 'capex' field 'related': unknown id 'rio': no term has this id
    """
    glossary, issues = read(path, format=format)
    sources = [glossary.path] * len(glossary)
    issues += validate_terms(glossary.terms, sources)
    if not any(i.is_error for i in issues):
        # Only for a file that reads cleanly: the bundled glossary takes seconds to load,
        # and a file that cannot be read (an alias bomb) must fail fast.
        basic_forms = _bundled_basic_forms()
        issues += everyday_warnings(glossary.terms, sources, basic_forms=basic_forms)
    return sorted(issues, key=lambda i: i.line or 0)


def _bundled_basic_forms() -> dict[str, str]:
    """Every form of the bundled glossary's basic terms (spaces removed) -> term id."""
    try:
        bundled = default()
    except (FileNotFoundError, GlossaryError):
        return {}  # without its data, a user's file is still checked on its own
    return {ref.loose: t.id for t in bundled if t.basic for ref in form_refs(t)}
