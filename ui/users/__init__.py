"""The users and roles screen (administrator)."""
