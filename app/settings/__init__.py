"""Store-wide settings."""
