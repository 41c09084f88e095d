"""The one spreadsheet reader and writer (XLSX and CSV) of every import and export."""
