"""Audit log: recording changes and checking the hash chain."""
