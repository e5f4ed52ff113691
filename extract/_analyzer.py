"""kiwipiepy behind a lazy, per-process accessor that knows the glossary's words.

``Kiwi`` cannot be pickled and takes about a second to load, so objects that travel to
worker processes (taggers, spaCy components) keep only the list of user words and ask
:func:`get_kiwi` for the process's instance when they first need it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from glossary import Glossary

__all__ = ["get_kiwi", "user_words"]

_HANGUL_ONLY = re.compile(r"^[\uac00-\ud7a3]{2,}$")
_WS = re.compile(r"\s+")
_lock = threading.Lock()
_instances: dict[tuple[str, ...], Any] = {}


def user_words(glossary: Glossary) -> tuple[str, ...]:
    """Words to teach kiwipiepy so it keeps glossary forms and known traps whole.

    Compact (space-free) pure-Hangul forms of two or more syllables, and every
    ``exclude`` word, sorted. Latin and mixed forms are left to the matcher's own
    boundary rules, since kiwipiepy already splits scripts apart.

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="oil", term="유가", exclude=("유가증권",))])
    >>> user_words(g)
    ('유가', '유가증권')
    """
    words: set[str] = set()
    for term in glossary:
        for form in (*term.forms, *term.exclude):
            compact = _WS.sub("", form)
            if _HANGUL_ONLY.match(compact):
                words.add(compact)
    return tuple(sorted(words))


def get_kiwi(words: Iterable[str] = ()) -> Any:
    """Return this process's ``Kiwi`` taught ``words`` (created on first use, then cached).

    Parameters
    ----------
    words : iterable of str
        User words (see :func:`user_words`); instances are cached per distinct set.
    """
    key = tuple(words)
    kiwi = _instances.get(key)
    if kiwi is None:
        with _lock:
            kiwi = _instances.get(key)
            if kiwi is None:
                from kiwipiepy import Kiwi

                kiwi = Kiwi()
                for word in key:
                    # NNG at score 0 is enough for kiwipiepy to prefer the whole word
                    # (유가증권 stays one morpheme instead of 유가 + 증권).
                    kiwi.add_user_word(word, "NNG", 0)
                _instances[key] = kiwi
    return kiwi
