"""The people register: list, form and dialog."""
