"""Printed documents: one ReportLab template, one module per document."""
