"""dialogs of the GUI."""
