"""Figures for the start page."""
