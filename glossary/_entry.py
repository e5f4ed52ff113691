"""Turn parsed entries into :class:`Term` objects, checking every field's type.

A field with the wrong type is reported (file, line, field, the bad value) and replaced
by its empty value, so one bad entry does not hide the problems in the others.
"""

from __future__ import annotations

import difflib

from ._issues import GlossaryIssue, describe, short_repr
from ._model import CONTEXT_KEYS, Context, Glossary, Term
from ._read import ENTRY_FIELDS, RawDoc, RawEntry

__all__ = ["ENTRY_FIELDS", "TOP_FIELDS", "build_glossary"]

TOP_FIELDS = ("name", "version", "terms")
_ALIAS_KEYS = ("form", "case_sensitive")


def _unknown_key(key: str, valid: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, valid, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown field {key!r}{hint}; valid fields: {', '.join(valid)}"


def _type_hint(value: object) -> str:
    if isinstance(value, (bool, int, float)):
        # YAML reads unquoted yes/no/on/off as booleans and 2024 as a number.
        return "; put it in quotes"
    return ""


class _EntryReader:
    def __init__(self, entry: RawEntry, path: str | None, issues: list[GlossaryIssue]) -> None:
        self.entry = entry
        self.path = path
        self.issues = issues
        self.term_id: str | None = None

    def report(self, name: str, message: str) -> None:
        line = self.entry.field_lines.get(name, self.entry.line)
        self.issues.append(GlossaryIssue(self.path, line, self.term_id, name, message))

    def string(self, name: str, *, required: bool) -> str | None:
        value = self.entry.data.get(name)
        if value is None:
            return "" if required else None
        if not isinstance(value, str):
            self.report(name, f"expected a string, got {describe(value)}{_type_hint(value)}")
            return short_repr(value) if required else None
        return value

    def strings(self, name: str) -> tuple[str, ...]:
        value = self.entry.data.get(name)
        if value is None:
            return ()
        if not isinstance(value, list):
            hint = f" (write [{value}])" if isinstance(value, str) else ""
            self.report(name, f"expected a list of strings, got {describe(value)}{hint}")
            return (value,) if isinstance(value, str) else ()
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                self.report(
                    name, f"item {i} should be a string, got {describe(item)}{_type_hint(item)}"
                )
        return tuple(out)

    def case_map(self) -> dict[str, bool]:
        value = self.entry.data.get("case_sensitive")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.report(
                "case_sensitive", f"expected a mapping of form: true/false, got {describe(value)}"
            )
            return {}
        out = {}
        for form, flag in value.items():
            if not isinstance(form, str) or not isinstance(flag, bool):
                self.report(
                    "case_sensitive",
                    f"expected form: true/false, got {short_repr(form)}: {short_repr(flag)} "
                    f"(the form must be a string, the value true or false)",
                )
                continue
            out[form] = flag
        return out

    def aliases(self, case: dict[str, bool]) -> tuple[str, ...]:
        """Aliases as strings or ``{form: Fed, case_sensitive: true}`` mappings."""
        value = self.entry.data.get("aliases")
        if not isinstance(value, list):
            return self.strings("aliases")
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
                continue
            if not isinstance(item, dict):
                self.report(
                    "aliases",
                    f"item {i} should be a string or a mapping with keys {_ALIAS_KEYS}, "
                    f"got {describe(item)}{_type_hint(item)}",
                )
                continue
            form, flag = item.get("form"), item.get("case_sensitive")
            extra = [k for k in item if k not in _ALIAS_KEYS]
            if extra or not isinstance(form, str) or not isinstance(flag, (bool, type(None))):
                self.report(
                    "aliases",
                    f"item {i} {short_repr(item)}: expected keys 'form' (a string) and optionally "
                    "'case_sensitive' (true or false)",
                )
                continue
            out.append(form)
            if flag is None:
                continue
            if case.get(form, flag) != flag:
                self.report(
                    "aliases", f"case_sensitive for {form!r} is given as both true and false"
                )
            case[form] = flag
        return tuple(out)

    def term(self) -> Term:
        data = self.entry.data
        raw_id = data.get("id")
        self.term_id = (
            (raw_id if isinstance(raw_id, str) else short_repr(raw_id))
            if raw_id not in (None, "")
            else None
        )
        term_id = self.string("id", required=True)
        for key, line in self.entry.duplicate_keys:
            first = self.entry.field_lines.get(key)
            also = f" (first at line {first})" if first is not None and line is not None else ""
            self.issues.append(
                GlossaryIssue(
                    self.path,
                    line or self.entry.line,
                    self.term_id,
                    key,
                    f"field {key!r} is given twice in this entry{also}; only the last is read",
                )
            )
        for key in data:
            if key not in ENTRY_FIELDS:
                self.report(str(key), _unknown_key(str(key), ENTRY_FIELDS))
        case = self.case_map()
        aliases = self.aliases(case)
        return Term(
            id=term_id or "",
            term=self.string("term", required=True) or "",
            en=self.string("en", required=False),
            aliases=aliases,
            definition=self.string("definition", required=False),
            category=self.string("category", required=False),
            related=self.strings("related"),
            exclude=self.strings("exclude"),
            case=tuple(case.items()),
            basic=self.flag("basic"),
            split=self.flag("split", default=True),
            context=self.context(),
            line=self.entry.line,
        )

    def context(self) -> Context | None:
        """The optional ``context`` cue: a mapping of lists of words (see :class:`Context`)."""
        value = self.entry.data.get("context")
        if value is None:
            return None
        if not isinstance(value, dict):
            self.report(
                "context",
                f"expected a mapping with keys {CONTEXT_KEYS} (lists of words), "
                f"got {describe(value)}",
            )
            return None
        lists: dict[str, tuple[str, ...]] = {}
        for key, words in value.items():
            if key not in CONTEXT_KEYS:
                self.report("context", f"unknown key {key!r}; valid keys: {CONTEXT_KEYS}")
                continue
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                hint = f" (write [{words}])" if isinstance(words, str) else ""
                self.report(
                    "context", f"{key!r} should be a list of strings, got {describe(words)}{hint}"
                )
                continue
            lists[str(key)] = tuple(words)
        return Context(**lists)

    def flag(self, key: str, *, default: bool = False) -> bool:
        """An optional true/false field (``default`` when absent)."""
        value = self.entry.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.report(key, f"expected true or false, got {describe(value)}")
            return default
        return value


def _top_string(doc: RawDoc, key: str, path: str | None, issues: list[GlossaryIssue]) -> str | None:
    value = doc.top.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    issues.append(
        GlossaryIssue(
            path, doc.top_lines.get(key), None, key, f"expected a string, got {describe(value)}"
        )
    )
    return None


def build_glossary(
    doc: RawDoc, *, path: str | None, name: str, version: str
) -> tuple[Glossary, list[GlossaryIssue]]:
    """The glossary in ``doc`` and every problem found while reading it.

    ``name`` and ``version`` are used when the file does not give its own.
    """
    issues = list(doc.issues)
    for key in doc.top:
        if key not in TOP_FIELDS:
            issues.append(
                GlossaryIssue(
                    path, doc.top_lines.get(key), None, str(key), _unknown_key(key, TOP_FIELDS)
                )
            )
    if "terms" in doc.top:
        value = doc.top["terms"]
        message = (
            "missing list of terms"
            if value is None
            else f"expected a list of terms, got {describe(value)}"
        )
        issues.append(GlossaryIssue(path, doc.top_lines.get("terms"), None, "terms", message))
    terms = []
    for entry in doc.entries:
        if not isinstance(entry.data, dict):
            issues.append(
                GlossaryIssue(
                    path,
                    entry.line,
                    None,
                    None,
                    f"each entry of 'terms' should be a mapping with fields {ENTRY_FIELDS}, "
                    f"got {describe(entry.data)}",
                )
            )
            continue
        terms.append(_EntryReader(entry, path, issues).term())
    glossary = Glossary(
        terms,
        name=_top_string(doc, "name", path, issues) or name,
        version=_top_string(doc, "version", path, issues) or version,
        path=path,
    )
    return glossary, issues
