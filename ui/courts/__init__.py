"""Courts: list and dialog."""
