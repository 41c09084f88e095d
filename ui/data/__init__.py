"""Login, first run, audit log, exchange conflicts and imports."""
