"""views of the GUI."""
