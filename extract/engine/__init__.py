"""The tagging engine: kiwipiepy analyzer, Aho-Corasick matcher, word checks and the tagger.

It imports nothing else from ``extract``; everything else builds on it.
"""

from __future__ import annotations

from extract.engine.tagger import MODES, Mention, Tagger

__all__ = ["MODES", "Mention", "Tagger"]
