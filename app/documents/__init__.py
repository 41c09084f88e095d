"""Printed documents: the catalogue of every document, one template, one module per layout."""
