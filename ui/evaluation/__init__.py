"""Evaluation pages: summary tables, templates, sheets."""
