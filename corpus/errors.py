"""Exceptions raised by the corpus package. Only the CLI turns them into user-facing errors."""


class CorpusError(Exception):
    """Base class for every error this package raises on purpose."""


class ReaderError(CorpusError):
    """A file (or one record in it) cannot be read as a document.

    The message is one line that says why, without the file name: the ingest
    report prefixes the file (and row) it belongs to.
    """


class DateError(ReaderError):
    """A date field holds something that is not a date."""


class CatalogError(CorpusError):
    """The catalog cannot be opened or is in an unexpected state."""


class NotFound(CorpusError):
    """A document, person or source asked for by id does not exist."""


class NotADocument(ReaderError):
    """The file is readable but holds no document (a collection record, a metadata table).

    Ingest reports it as skipped, not rejected."""
