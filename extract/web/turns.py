"""Turns at the process's one Kiwi for the server's request threads.

kiwipiepy's ``Kiwi`` is one instance per process (:mod:`extract.engine.analyzer`), shared
by every glossary, and is not used from two threads at once here: its lazy rebuild after
``add_user_word`` (a glossary loading) is not safe against a concurrent analysis. So the
server tags under one lock, but a large text does not hold it for its whole length: it is
tagged a piece at a time and queues again after each piece, behind the requests that came
meanwhile, so a short article waits for one piece, not for 2 MB.
"""

from __future__ import annotations

import re
import threading
from collections import deque
from types import TracebackType

from extract.engine.tagger import Mention, Tagger
from glossary import Glossary

__all__ = ["CHUNK_CHARS", "FairLock", "TurnTagger", "chunk_bounds"]

#: Longest piece of a text tagged in one turn (about 30-60 ms of tagging).
CHUNK_CHARS = 8_000

# Where a text may be cut without changing its mentions, best first: a blank line (no form
# or sentence spans one), a line break, a space after a sentence's end, any space.
_CUTS = (
    re.compile(r"\n[ \t\r\f\v]*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?。])\s"),
    re.compile(r"\s"),
)


class FairLock:
    """A lock granted in the order it was asked for (``threading.Lock`` is not: a thread
    that releases it and asks again at once usually gets it back before the waiters).

    Examples
    --------
    >>> lock = FairLock()
    >>> with lock:
    ...     "기준금리 동결"
    '기준금리 동결'
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._waiting: deque[threading.Lock] = deque()
        self._held = False

    def acquire(self) -> None:
        with self._guard:
            if not self._held:
                self._held = True
                return
            turn = threading.Lock()
            turn.acquire()
            self._waiting.append(turn)
        turn.acquire()  # released by the holder that hands over to us; we hold it now

    def release(self) -> None:
        with self._guard:
            if not self._held:
                raise RuntimeError("release of a FairLock that is not held")
            if self._waiting:
                self._waiting.popleft().release()  # still held: handed to the next
            else:
                self._held = False

    def __enter__(self) -> FairLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


#: The turns at this process's Kiwi, shared by every server and glossary in it.
KIWI_TURNS = FairLock()


def chunk_bounds(text: str, *, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text``, each at most ``size`` long where it can be cut
    (see ``_CUTS``; a piece with no place to cut is cut at ``size``), together all of it.

    Examples
    --------
    >>> chunk_bounds("금리가 올랐다.\\n\\n유가가 내렸다.", size=12)
    [(0, 10), (10, 18)]
    >>> chunk_bounds("금리", size=12)
    [(0, 2)]
    """
    if size < 1:
        raise ValueError(f"`size` should be a positive int, got {size!r}")
    out, start, n = [], 0, len(text)
    while n - start > size:
        end = start + size
        cut = None
        for pattern in _CUTS:  # the last place of the best kind in the piece's second half
            for m in pattern.finditer(text, start + size // 2, end):
                cut = m.end()
            if cut is not None:
                break
        cut = cut or end
        out.append((start, cut))
        start = cut
    if start < n or not out:
        out.append((start, n))
    return out


class TurnTagger(Tagger):
    """A :class:`Tagger` that takes a turn at ``lock`` for every piece of a text it tags
    (pieces of at most ``chunk`` characters, see :func:`chunk_bounds`); the mentions are
    those of the whole text, with offsets into it.

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="rate", term="기준금리")])
    >>> t = TurnTagger(g, lock=FairLock(), chunk=10)
    >>> [(m.start, m.sent_start, m.sent_end) for m in t.tag("기준금리 동결.\\n\\n기준금리 인상.")]
    [(0, 0, 8), (10, 10, 18)]
    """

    def __init__(self, glossary: Glossary, *, lock: FairLock, chunk: int = CHUNK_CHARS) -> None:
        super().__init__(glossary)
        self.lock = lock
        self.chunk = chunk

    def tag(self, text: str, *, doc_id: str = "", field: str = "text") -> list[Mention]:
        if not isinstance(text, str):
            raise TypeError(f"`text` should be a str, got {type(text).__name__}")
        out: list[Mention] = []
        for start, end in chunk_bounds(text, size=self.chunk):
            with self.lock:
                found = super().tag(text[start:end], doc_id=doc_id, field=field)
            out.extend(
                Mention(
                    m.doc_id,
                    m.field,
                    m.term_id,
                    m.surface,
                    m.start + start,
                    m.end + start,
                    m.sent_start + start,
                    m.sent_end + start,
                )
                for m in found
            )
        return out
