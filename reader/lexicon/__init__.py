"""The pronunciation lexicon as stored: entries, their validation, CSV import and export."""
