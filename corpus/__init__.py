"""Read Korean news archives into :class:`Document` records, normalise and split them.

``corpus`` depends on nothing else in the project.

Examples
--------
>>> from corpus import normalize, split_sentences
>>> text = "ＣＡＰＥＸ가 늘었다. 금리는 3.5%다."
>>> [text[s:e] for s, e in split_sentences(text)]
['ＣＡＰＥＸ가 늘었다.', '금리는 3.5%다.']
>>> normalize(text).text[:5]
'CAPEX'
"""

from ._dates import parse_date, parse_window
from ._document import DEFAULT_TEXT_FIELDS, Document, RecordError
from ._normalize import NormalizedText, normalize
from ._readers import OnError, read_documents, read_file
from ._sample import load_sample, sample_path
from ._sentences import SentenceSpan, glued_breaks, line_starts, sentence_at, split_sentences
from ._sources import iter_files, would_read

__all__ = [
    "DEFAULT_TEXT_FIELDS",
    "Document",
    "NormalizedText",
    "OnError",
    "RecordError",
    "SentenceSpan",
    "glued_breaks",
    "iter_files",
    "line_starts",
    "load_sample",
    "normalize",
    "parse_date",
    "parse_window",
    "read_documents",
    "read_file",
    "sample_path",
    "sentence_at",
    "split_sentences",
    "would_read",
]
