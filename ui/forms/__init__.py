"""forms of the GUI."""
