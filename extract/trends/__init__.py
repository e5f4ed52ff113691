"""Term trends over time: period series, emerging terms, bursts and charts."""

from __future__ import annotations

from extract.trends.bursts import bursts
from extract.trends.emerging import emerging_terms
from extract.trends.labels import label_terms, top_surfaces
from extract.trends.plot import plot_trends, plot_trends_html
from extract.trends.related import plot_related, related_terms
from extract.trends.series import (
    FREQS,
    resolve_terms,
    select_documents,
    tables_from_documents,
    term_trends,
    trends_from_documents,
    trends_from_run,
)

__all__ = [
    "FREQS",
    "bursts",
    "emerging_terms",
    "label_terms",
    "plot_related",
    "plot_trends",
    "plot_trends_html",
    "related_terms",
    "resolve_terms",
    "select_documents",
    "tables_from_documents",
    "term_trends",
    "top_surfaces",
    "trends_from_documents",
    "trends_from_run",
]
