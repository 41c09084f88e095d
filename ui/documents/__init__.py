"""The Reports page: every document of the catalogue."""
