"""Users, roles and the permissions services enforce."""
