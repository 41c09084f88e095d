"""Persistence layer: SQLAlchemy models, engine set-up and Alembic migrations."""
