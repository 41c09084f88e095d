"""Internships of judges at higher courts and of candidate judges (I-1…I-3)."""
