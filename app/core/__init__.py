"""The kernel: actor, errors, store, settings, audit, permissions, progress, spreadsheets."""
