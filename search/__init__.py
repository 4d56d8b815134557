"""The Whoosh index, query parsing, facets, KWIC and statistics. Imports corpus, never Flask."""
