"""Link glossary terms in Korean text, rank them and render the trend-keyword box.

Examples
--------
>>> from glossary import Glossary, Term
>>> from extract import Tagger
>>> g = Glossary([Term(id="capex", term="자본 지출", aliases=("CapEx",))])
>>> [m.surface for m in Tagger(g).tag("빅테크의 CapEx가 늘고 자본지출 경쟁이 붙었다.")]
['CapEx', '자본지출']
"""

from ._aliases import mine_aliases, parenthetical_pairs
from ._batch import BatchSummary, load_table, tag_archive
from ._box import BoxEntry, Example, KeywordBox, build_box
from ._bursts import bursts
from ._coverage import CoverageReport, coverage_report, noun_phrases
from ._dask_archive import tag_archive_dask
from ._datasets import tag_batch
from ._discover import TermDiscoverer
from ._discovery_records import AliasProposal, Evidence, TermCandidate
from ._distributed import tag_dask
from ._emerging import emerging_terms
from ._examples import example_score, is_junk_sentence, snippet
from ._junk import junk_reason
from ._outputs import MentionWriter
from ._plot import plot_trends
from ._proposals import proposals_yaml, write_proposals
from ._render import FORMATS, render
from ._tagger import MODES, Mention, Tagger
from ._trends import (
    FREQS,
    tables_from_documents,
    term_trends,
    trends_from_documents,
    trends_from_run,
)
from ._web import EditorServer, make_server

__all__ = [
    "FORMATS",
    "FREQS",
    "MODES",
    "AliasProposal",
    "BatchSummary",
    "BoxEntry",
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
    "plot_trends",
    "proposals_yaml",
    "render",
    "snippet",
    "tables_from_documents",
    "tag_archive",
    "tag_archive_dask",
    "tag_batch",
    "tag_dask",
    "term_trends",
    "trends_from_documents",
    "trends_from_run",
    "write_proposals",
]
