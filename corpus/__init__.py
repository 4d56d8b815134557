"""Documents and the catalog: readers per format, normalization, speakers, models, ingest.

Imports neither `search` nor `web`.
"""
