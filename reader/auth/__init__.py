"""Owners: users with roles, their passwords and API tokens (no Flask here)."""
