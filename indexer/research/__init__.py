"""Research tools over a search's matches, engine-neutral: timelines, top terms, samples.

Each tool takes a `SearchQuery` (its filters, dates and grouping apply) and a backend; what an
engine must provide is in `indexer.backends.base` (`match_dates`, `archive_counts`, and
`SearchQuery.sample` for engines with the SAMPLE capability).
"""
