"""Screens of court staff: adaptation with a tutor (S-1)."""
