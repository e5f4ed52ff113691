"""The ``kotrend_glossary`` spaCy component: glossary mentions as ``doc.spans``.

Registered through an entry point, so after ``pip install kotrend[spacy]``
``nlp.add_pipe("kotrend_glossary")`` works without importing kotrend first.
"""

# No ``from __future__ import annotations`` here: spaCy reads the factory's annotations
# at runtime to validate its config.
import bisect
import itertools
import os
import tempfile
from pathlib import Path
from typing import Any

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
    from spacy.util import ensure_path
except ImportError:
    raise ImportError(
        "kotrend's spaCy component needs spaCy: pip install 'kotrend[spacy]'"
    ) from None

from extract.engine.tagger import MODES, Tagger
from glossary import BUNDLED, Glossary, check_spec, load, resolve, save

__all__ = ["BUILTIN_GLOSSARIES", "GlossaryComponent", "make_glossary_component"]

#: The glossary names the component knows besides file paths (see :func:`glossary.resolve`).
BUILTIN_GLOSSARIES = BUNDLED
_FILE = "glossary.yaml"
_NO_CATEGORY = "TERM"


class GlossaryComponent:
    """Find glossary mentions with the kotrend :class:`~extract.Tagger` and store them
    as spans.

    Each mention becomes a span in ``doc.spans[spans_key]`` with ``kb_id_`` = the
    term's id and ``label_`` = its category (``"TERM"`` when it has none), and
    ``span.text`` is the mention as written: a token that a mention starts or ends
    inside is split there (상장사 into 상장 + 사, or with ``spacy.blank("xx")``
    하이퍼스케일러들은 into 하이퍼스케일러 + 들은; the pieces keep the token's tag). With
    ``split_tokens=False`` the tokens stay as they are and such spans grow to whole
    tokens instead (``alignment_mode="expand"``).

    The glossary is part of the pipeline: ``nlp.to_disk`` writes it into the
    component's folder as YAML and ``spacy.load`` reads it back from there, so a saved
    pipeline keeps working when the original glossary file is gone. For the same
    reason a glossary path that does not exist is only reported when the component is
    first used (or by ``nlp.initialize()``): a pipeline being loaded gets its glossary
    from disk instead.

    Parameters
    ----------
    name : str
        Component name in the pipeline.
    glossary : str
        ``"default"``, ``"default+entities"`` (the bundled glossary with named
        entities) or a path to a YAML, JSON or CSV glossary file.
    spans_key : str
        Key in ``doc.spans``.
    mode : {"fast", "full"}
        The tagger's mode (see :class:`~extract.Tagger`).
    split_tokens : bool
        Split tokens at mention boundaries inside them (default), or keep the tokens.

    Examples
    --------
    >>> import spacy
    >>> cfg = {"nlp": {"tokenizer": {"@tokenizers": "kotrend.KiwiTokenizer"}}}
    >>> nlp = spacy.blank("ko", config=cfg)
    >>> _ = nlp.add_pipe("kotrend_glossary", config={"glossary": "default"})
    >>> doc = nlp("하이퍼스케일러들은 올해 자본 지출을 늘렸다.")
    >>> [(s.text, s.kb_id_) for s in doc.spans["kotrend"]]
    [('하이퍼스케일러', 'hyperscaler'), ('자본 지출', 'capex')]
    """

    def __init__(
        self,
        name: str = "kotrend_glossary",
        *,
        glossary: str = "default",
        spans_key: str = "kotrend",
        mode: str = "fast",
        split_tokens: bool = True,
    ) -> None:
        check_spec(glossary)  # a bad name fails now; a missing file only when it is read
        if mode not in MODES:
            raise ValueError(f"`mode` should be one of {MODES}, but got {mode!r}")
        if not isinstance(spans_key, str) or not spans_key:
            raise ValueError(f"`spans_key` should be a non-empty str, but got {spans_key!r}")
        if not isinstance(split_tokens, bool):
            raise TypeError(f"`split_tokens` should be true or false, got {split_tokens!r}")
        self.name = name
        self.source = glossary
        self.spans_key = spans_key
        self.mode = mode
        self.split_tokens = split_tokens
        self._glossary: Glossary | None = None
        self._tagger: Tagger | None = None
        if glossary in BUILTIN_GLOSSARIES or os.path.exists(glossary):
            self._glossary = resolve(glossary)

    def __repr__(self) -> str:
        return (
            f"GlossaryComponent(name={self.name!r}, glossary={self.source!r}, "
            f"spans_key={self.spans_key!r}, mode={self.mode!r}, "
            f"split_tokens={self.split_tokens!r})"
        )

    def __getstate__(self) -> dict[str, Any]:
        # The tagger is rebuilt on demand; Kiwi never travels.
        return {**self.__dict__, "_tagger": None}

    @property
    def glossary(self) -> Glossary:
        """The glossary in use (read on first access if it was not yet)."""
        if self._glossary is None:
            self._glossary = resolve(self.source)
        return self._glossary

    @property
    def tagger(self) -> Tagger:
        """The kotrend tagger for :attr:`glossary` (built on first access)."""
        if self._tagger is None:
            self._tagger = Tagger(self.glossary, mode=self.mode)  # type: ignore[arg-type]
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        mentions = self.tagger.tag(doc.text)
        if self.split_tokens:
            _split_tokens(doc, {m.start for m in mentions} | {m.end for m in mentions})
        for m in mentions:
            term = self.glossary[m.term_id]
            label = term.category or _NO_CATEGORY
            span = doc.char_span(m.start, m.end, label=label, kb_id=m.term_id)
            if span is None:  # a mention boundary falls inside a token
                span = doc.char_span(
                    m.start, m.end, label=label, kb_id=m.term_id, alignment_mode="expand"
                )
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Read the glossary now, so that a bad path fails here rather than on first use."""
        self._tagger = None
        _ = self.tagger

    def to_disk(self, path: str | os.PathLike[str], *, exclude: Any = ()) -> None:
        """Write the glossary to ``path/glossary.yaml``."""
        folder = ensure_path(path)
        folder.mkdir(parents=True, exist_ok=True)
        save(self.glossary, folder / _FILE)

    def from_disk(self, path: str | os.PathLike[str], *, exclude: Any = ()) -> "GlossaryComponent":
        """Read the glossary written by :meth:`to_disk` (it replaces the configured one)."""
        # It was validated when first read; a saved glossary is taken as it is.
        self._glossary = load(ensure_path(path) / _FILE, validate=False)
        self._tagger = None
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        """The glossary as YAML bytes."""
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / _FILE
            save(self.glossary, file)
            return file.read_bytes()

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> "GlossaryComponent":
        """Read the glossary from :meth:`to_bytes` output."""
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / _FILE
            file.write_bytes(data)
            g = load(file, validate=False)
        g.path = None
        self._glossary = g
        self._tagger = None
        return self


def _split_tokens(doc: Doc, offsets: set[int]) -> None:
    """Split every token of ``doc`` that one of ``offsets`` falls strictly inside."""
    starts = [t.idx for t in doc]
    cuts: dict[int, list[int]] = {}
    for offset in offsets:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and starts[i] < offset < starts[i] + len(doc[i].text):
            cuts.setdefault(i, []).append(offset - starts[i])
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, inner in cuts.items():
            token = doc[i]
            edges = [0, *sorted(inner), len(token.text)]
            orths = [token.text[a:b] for a, b in itertools.pairwise(edges)]
            attrs: dict[str | int, list[Any]] = {"LEMMA": orths}
            if token.tag_:
                attrs["TAG"] = [token.tag_] * len(orths)
            # Without a parse, heads only need to stay inside the token.
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths), attrs=attrs)


@Language.factory(
    "kotrend_glossary",
    default_config={
        "glossary": "default",
        "spans_key": "kotrend",
        "mode": "fast",
        "split_tokens": True,
    },
    assigns=["doc.spans"],
)
def make_glossary_component(
    nlp: Language, name: str, glossary: str, spans_key: str, mode: str, split_tokens: bool
) -> GlossaryComponent:
    """spaCy factory ``kotrend_glossary``; see :class:`GlossaryComponent`.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("xx")
    >>> nlp.add_pipe("kotrend_glossary", config={"glossary": "default", "mode": "fast"})
    GlossaryComponent(name='kotrend_glossary', glossary='default', spans_key='kotrend', mode='fast', split_tokens=True)
    """
    return GlossaryComponent(
        name, glossary=glossary, spans_key=spans_key, mode=mode, split_tokens=split_tokens
    )
