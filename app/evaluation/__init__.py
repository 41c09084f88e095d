"""Evaluation sheets shared by every module: templates, filling, rounds, sampling (E-1…E-3)."""
