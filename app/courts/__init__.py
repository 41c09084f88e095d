"""Courts and training centres (P-1)."""
