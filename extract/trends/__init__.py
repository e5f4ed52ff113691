"""Term trends over time: period series, emerging terms, bursts and charts."""

from __future__ import annotations

from extract.trends.bursts import bursts
from extract.trends.emerging import emerging_terms
from extract.trends.plot import plot_trends
from extract.trends.related import plot_related, related_terms
from extract.trends.series import (
    FREQS,
    resolve_terms,
    tables_from_documents,
    term_trends,
    trends_from_documents,
    trends_from_run,
)

__all__ = [
    "FREQS",
    "bursts",
    "emerging_terms",
    "plot_related",
    "plot_trends",
    "related_terms",
    "resolve_terms",
    "tables_from_documents",
    "term_trends",
    "trends_from_documents",
    "trends_from_run",
]
