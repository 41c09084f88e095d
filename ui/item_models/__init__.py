"""item models of the GUI."""
