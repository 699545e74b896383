"""Accuracy benchmarks for language, dates and extraction against the plain libraries."""
