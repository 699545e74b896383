"""Full-text search over titles and text: the index kept in step with articles, and queries."""
