"""What a user's query means, decided once above the engines.

`grammar` reads query text into a small tree, `prepare` turns a `SearchQuery` into a
`PreparedQuery` (limits checked, `date:` terms taken out, aliases expanded, suggestion policy),
and each backend only translates the tree into its own engine's query. `limits`, `dates`,
`aliases`, `fix`, `facets` and `histogram` hold the rules those steps apply.
"""
