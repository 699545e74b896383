"""The article pipeline: import, extract, structure, language, dates."""
