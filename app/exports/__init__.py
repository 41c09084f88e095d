"""Exports to spreadsheets and CSV with formula injection neutralised."""
