"""Catalogue entries, one module per feature: how each document is gathered and rendered."""
