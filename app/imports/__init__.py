"""Import people and courts from the spreadsheets courts keep today (XLSX, CSV)."""
