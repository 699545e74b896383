"""Reader feedback: validate, store, list."""
