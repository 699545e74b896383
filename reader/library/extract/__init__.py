"""Pull a news article's headline, body text and metadata out of a full web page."""

from reader.library.extract.article import Block, ExtractedArticle
from reader.library.extract.pipeline import extract_article, extract_text
from reader.library.extract.tokens import token_f1

__all__ = ["Block", "ExtractedArticle", "extract_article", "extract_text", "token_f1"]
