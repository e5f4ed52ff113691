"""Finding what the glossary is missing: noun-phrase candidates, aliases from parentheses,
coverage reports and proposal files.
"""

from __future__ import annotations

from extract.discovery.aliases import mine_aliases, parenthetical_pairs
from extract.discovery.coverage import CoverageReport, coverage_report
from extract.discovery.discoverer import TermDiscoverer
from extract.discovery.junk import junk_reason
from extract.discovery.phrases import noun_phrases
from extract.discovery.proposals import proposals_yaml, write_proposals
from extract.discovery.records import AliasProposal, Evidence, TermCandidate

__all__ = [
    "AliasProposal",
    "CoverageReport",
    "Evidence",
    "TermCandidate",
    "TermDiscoverer",
    "coverage_report",
    "junk_reason",
    "mine_aliases",
    "noun_phrases",
    "parenthetical_pairs",
    "proposals_yaml",
    "write_proposals",
]
