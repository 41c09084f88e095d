"""Shared widgets and the one way to run an action: Op runner, date field, print preview."""
