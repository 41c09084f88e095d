"""People of the courts (P-2, P-3)."""
