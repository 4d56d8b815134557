"""The Whoosh schema: one index entry per passage, carrying its document's facets.

Words are indexed once, in `text`, as exact word forms (lower case, nothing dropped: "us",
"may", "a" stay searchable), with corpus.text's tokenizer, so a position in the index is the
index of the token in corpus.text.tokenize(passage text). The variants mode expands a word to
every indexed form with the same stem (search/variants.py) instead of indexing stems twice.
Facets are integer columns, read per matching entry without touching stored fields.
"""
from __future__ import annotations

from functools import lru_cache

from whoosh import columns
from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import COLUMN, ID, KEYWORD, TEXT, Schema

from corpus.text import TOKEN_RE

@lru_cache(maxsize=1)
def _snowball():
    # Imported on first use: opening an index unpickles this module's analyzers, and a
    # search for exact word forms should not pay for loading NLTK.
    from nltk.stem.snowball import SnowballStemmer
    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The variants-mode form of a lower-case token (NLTK's Snowball stemmer for English)."""
    return _snowball().stem(word)


def exact_analyzer():
    return RegexTokenizer(TOKEN_RE) | LowercaseFilter()


def _int_column():
    """A column-only field: an int per entry, not searchable, read by docnum."""
    return COLUMN(columns.NumericColumn("i"))


# Integer codes for string facets live in the index folder (codes.json); 0 means "none".
COLUMNS = ("pid", "dseq", "source", "speaker", "lang", "dtype", "archive", "dstart", "dend", "ustart", "upos",
           "utok")


def build_schema() -> Schema:
    return Schema(
        doc=ID(stored=False),                         # document id: for delete_by_term
        # No term vectors: per-entry word counts come from the token store (tokenstore.py).
        # Indexes built with them (vector=formats.Frequency()) still open, search and update.
        text=TEXT(analyzer=exact_analyzer(), phrase=True, stored=False),
        speakers=KEYWORD(stored=False, commas=False),   # person id of the speaker ("p12")
        participants=KEYWORD(stored=False, commas=False),
        source_key=ID(stored=False),
        **{name: _int_column() for name in COLUMNS},
    )
