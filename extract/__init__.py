"""Link glossary terms in Korean text, rank them and render the trend-keyword box.

Examples
--------
>>> from glossary import Glossary, Term
>>> from extract import Tagger
>>> g = Glossary([Term(id="capex", term="자본 지출", aliases=("CapEx",))])
>>> [m.surface for m in Tagger(g).tag("빅테크의 CapEx가 늘고 자본지출 경쟁이 붙었다.")]
['CapEx', '자본지출']
"""

from extract.batch import (
    BatchSummary,
    MentionWriter,
    load_table,
    tag_archive,
    tag_archive_dask,
    tag_batch,
    tag_dask,
)
from extract.box import (
    FORMATS,
    BoxEntry,
    CorpusContext,
    Example,
    KeywordBox,
    build_box,
    corpus_context,
    example_score,
    is_junk_sentence,
    render,
    snippet,
)
from extract.discovery import (
    AliasProposal,
    CoverageReport,
    Evidence,
    TermCandidate,
    TermDiscoverer,
    coverage_report,
    junk_reason,
    mine_aliases,
    noun_phrases,
    parenthetical_pairs,
    proposals_yaml,
    write_proposals,
)
from extract.engine import MODES, Mention, Tagger
from extract.trends import (
    FREQS,
    bursts,
    emerging_terms,
    plot_related,
    plot_trends,
    plot_trends_html,
    related_terms,
    tables_from_documents,
    term_trends,
    top_surfaces,
    trends_from_documents,
    trends_from_run,
)
from extract.web import EditorServer, make_server

__all__ = [
    "FORMATS",
    "FREQS",
    "MODES",
    "AliasProposal",
    "BatchSummary",
    "BoxEntry",
    "CorpusContext",
    "CoverageReport",
    "EditorServer",
    "Evidence",
    "Example",
    "KeywordBox",
    "Mention",
    "MentionWriter",
    "Tagger",
    "TermCandidate",
    "TermDiscoverer",
    "build_box",
    "bursts",
    "corpus_context",
    "coverage_report",
    "emerging_terms",
    "example_score",
    "is_junk_sentence",
    "junk_reason",
    "load_table",
    "make_server",
    "mine_aliases",
    "noun_phrases",
    "parenthetical_pairs",
    "plot_related",
    "plot_trends",
    "plot_trends_html",
    "proposals_yaml",
    "related_terms",
    "render",
    "snippet",
    "tables_from_documents",
    "tag_archive",
    "tag_archive_dask",
    "tag_batch",
    "tag_dask",
    "term_trends",
    "top_surfaces",
    "trends_from_documents",
    "trends_from_run",
    "write_proposals",
]
