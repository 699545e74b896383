"""The OpenAPI 3.1 description of /api/v1."""

from reader.feedback.service import CATEGORIES, MESSAGE_MAX_LENGTH, MESSAGE_MIN_LENGTH
from reader.library.search.query import MAX_QUERY_LENGTH
from reader.speech.lexicon import KINDS, MAX_PATTERN_LENGTH, MAX_REPLACEMENT_LENGTH
from reader.text.languages import SUPPORTED_CODES


def _error() -> dict:
    return {"description": "Error", "content": {"application/json": {"schema": _ref("Error")}}}


def _page_error() -> dict:
    # Outside /api/ an error is a page, unless the client prefers JSON (Accept).
    return {
        "description": "Error: a page, or JSON for a client that asks for it",
        "content": {
            "application/json": {"schema": _ref("Error")},
            "text/html": {"schema": {"type": "string"}},
        },
    }


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _json_body(schema: dict) -> dict:
    """A required JSON request body."""
    return {"required": True, "content": {"application/json": {"schema": schema}}}


ARTICLE_ID = {"name": "article_id", "in": "path", "required": True, "schema": {"type": "integer"}}
POSITION = {"name": "position", "in": "path", "required": True, "schema": {"type": "integer"}}
LANGUAGE = {"type": "string", "enum": list(SUPPORTED_CODES)}
ENTRY_ID = {"name": "entry_id", "in": "path", "required": True, "schema": {"type": "integer"}}
# What reader/library/published_range.py reads: YYYY-MM-DD, spaces around it ignored, and
# empty for no bound (the HTML list's date fields send that); a day it cannot read is a 400.
PUBLISHED_DAY = {"type": "string", "pattern": r"^\s*([0-9]{4}-[0-9]{2}-[0-9]{2})?\s*$"}
EDITORS = "Editors only: an editor's API token (Authorization: Bearer) or session."


def openapi_document() -> dict:
    """The whole document, built from the same constants the code validates with."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "reader API", "version": "1"},
        "paths": {
            "/api/v1/articles": {
                "get": {
                    "summary": "List articles, newest first; with q, those matching, best first",
                    "parameters": [
                        {"name": "language", "in": "query", "schema": LANGUAGE},
                        {
                            "name": "q",
                            "in": "query",
                            "description": "Words to find in titles and text (full-text search); "
                            "each article then has `match`, the title and a passage as HTML, "
                            "escaped, with each match in <mark>.",
                            "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                        },
                        _published_day("since", "published on this day or later"),
                        _published_day("until", "published on this day or earlier"),
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "articles": {"type": "array", "items": _ref("Article")}
                                },
                            }
                        ),
                        "400": _error(),
                    },
                },
                "post": {
                    "summary": "Import an article from text, HTML, a URL or an uploaded file",
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": _ref("ImportRequest")},
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "required": ["file"],
                                    "properties": {"file": {"type": "string", "format": "binary"}},
                                }
                            },
                        }
                    },
                    "responses": {
                        "201": _json(_ref("Article"), "Stored"),
                        "200": _json(_ref("Article"), "Already stored"),
                        "413": _error(),
                        "415": _error(),
                        "422": _error(),
                    },
                },
            },
            "/api/v1/articles/{article_id}": {
                "get": {
                    "summary": "One article with its blocks",
                    "parameters": [ARTICLE_ID],
                    "responses": {"200": _json(_ref("Article")), "404": _error()},
                }
            },
            "/api/v1/articles/{article_id}/language": {
                "put": _set_language(),
                "post": {**_set_language(), "summary": "Same as PUT, for clients that only POST"},
            },
            "/api/v1/articles/{article_id}/blocks/{position}": {
                "patch": _article_change(
                    "Correct one block's text; only its sentences are rendered again",
                    [ARTICLE_ID, POSITION],
                    "text",
                    {"type": "string"},
                )
            },
            "/api/v1/feedback": {
                "post": {
                    "summary": "Send feedback about an article",
                    "requestBody": _json_body(_ref("Feedback")),
                    "responses": {
                        "201": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "id": {"type": "integer"},
                                    "stored": {"type": "boolean"},
                                },
                            },
                            "Stored",
                        ),
                        "400": _error(),
                        "422": _error(),
                        "429": _error(),
                    },
                }
            },
            "/api/v1/lexicon": {
                "get": {
                    "summary": "List lexicon entries (filter by language, search with q)",
                    "description": EDITORS,
                    "parameters": [
                        {"name": "language", "in": "query", "schema": LANGUAGE},
                        {"name": "q", "in": "query", "schema": {"type": "string"}},
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "entries": {"type": "array", "items": _ref("LexiconEntry")}
                                },
                            }
                        ),
                        "400": _error(),
                        "401": _error(),
                        "403": _error(),
                    },
                },
                "post": {
                    "summary": "Add a pronunciation entry",
                    "description": EDITORS,
                    "requestBody": _entry_body(),
                    "responses": {
                        "201": _json(_ref("LexiconEntry"), "Stored"),
                        **_entry_errors(),
                    },
                },
            },
            "/api/v1/lexicon/{entry_id}": {
                "get": {
                    "summary": "One lexicon entry",
                    "description": EDITORS,
                    "parameters": [ENTRY_ID],
                    "responses": {
                        "200": _json(_ref("LexiconEntry")),
                        "401": _error(),
                        "403": _error(),
                        "404": _error(),
                    },
                },
                "put": {
                    "summary": "Replace a lexicon entry (fields not sent take their defaults)",
                    "description": EDITORS,
                    "parameters": [ENTRY_ID],
                    "requestBody": _entry_body(),
                    "responses": {"200": _json(_ref("LexiconEntry")), **_entry_errors(404)},
                },
                "patch": {
                    "summary": "Change the fields sent of a lexicon entry",
                    "description": EDITORS,
                    "parameters": [ENTRY_ID],
                    "requestBody": _entry_body(),
                    "responses": {"200": _json(_ref("LexiconEntry")), **_entry_errors(404)},
                },
                "delete": {
                    "summary": "Delete a lexicon entry",
                    "description": EDITORS,
                    "parameters": [ENTRY_ID],
                    "responses": {
                        "204": {"description": "Deleted"},
                        "401": _error(),
                        "403": _error(),
                        "404": _error(),
                    },
                },
            },
            "/api/v1/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")},
                }
            },
            "/articles/{article_id}/audio": {
                "get": {
                    "summary": "The article read aloud (Ogg/Opus or MP3, streamed as it renders)",
                    "parameters": [
                        ARTICLE_ID,
                        {"name": "rate", "in": "query", "schema": {"type": "integer"}},
                        {"name": "voice", "in": "query", "schema": {"type": "string"}},
                        {
                            "name": "format",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["opus", "mp3"]},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "Audio",
                            "content": {
                                "audio/ogg": {"schema": {"type": "string"}},
                                "audio/mpeg": {"schema": {"type": "string"}},
                            },
                        },
                        "206": {"description": "Part of the cached audio (Range)"},
                        "400": _page_error(),
                        "404": _page_error(),
                        "422": _page_error(),
                        "503": _page_error(),
                    },
                }
            },
        },
        "components": {"schemas": _schemas()},
    }


def _entry_body() -> dict:
    return _json_body(_ref("LexiconInput"))


def _entry_errors(*more: int) -> dict:
    return {str(status): _error() for status in sorted((400, 401, 403, 422, *more))}


def _published_day(name: str, meaning: str) -> dict:
    """?since= / ?until=: a day, as the HTML list's filter takes it."""
    return {
        "name": name,
        "in": "query",
        "description": f"Only articles {meaning}: a day YYYY-MM-DD in the server's time zone, "
        "empty for no bound. A day that does not exist, or until before since, is a 400.",
        "schema": PUBLISHED_DAY,
    }


def _set_language() -> dict:
    return _article_change(
        "Override (or with null, clear) the article's language",
        [ARTICLE_ID],
        "language",
        {"oneOf": [LANGUAGE, {"type": "null"}]},
    )


def _article_change(summary: str, parameters: list, field: str, schema: dict) -> dict:
    """An operation that sets one field of an article, answered with the article."""
    body = {"type": "object", "required": [field], "properties": {field: schema}}
    return {
        "summary": summary,
        "parameters": parameters,
        "requestBody": _json_body(body),
        "responses": {
            "200": _json(_ref("Article")),
            "400": _error(),
            "404": _error(),
            "422": _error(),
        },
    }


def _schemas() -> dict:
    nullable_string = {"type": ["string", "null"]}
    return {
        "Error": {
            "type": "object",
            "properties": {
                "error": {
                    "type": "object",
                    "properties": {
                        "status": {"type": "integer"},
                        "message": {"type": "string"},
                        "fields": {"type": "object"},
                    },
                }
            },
        },
        "Article": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "language": nullable_string,
                "language_confidence": {"type": ["number", "null"]},
                "detected_language": nullable_string,
                "language_override": nullable_string,
                "published": {"type": ["string", "null"], "format": "date-time"},
                "date_line": nullable_string,
                "timezone": {"type": "string"},
                "machine_translated_from": nullable_string,
                "links": {"type": "object"},
                "match": {
                    "type": "object",
                    "description": "Only in search results (?q=)",
                    "properties": {"title": {"type": "string"}, "passage": {"type": "string"}},
                },
            },
        },
        "ImportRequest": {
            "type": "object",
            "properties": {
                "text": {"type": "string"},
                "html": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
            },
        },
        "LexiconInput": {
            "type": "object",
            "required": ["language", "pattern", "replacement"],
            "properties": {
                "language": LANGUAGE,
                "pattern": {"type": "string", "maxLength": MAX_PATTERN_LENGTH},
                "is_regex": {"type": "boolean", "default": False},
                "case_sensitive": {"type": "boolean", "default": False},
                "replacement": {"type": "string", "maxLength": MAX_REPLACEMENT_LENGTH},
                "kind": {"type": "string", "enum": list(KINDS), "default": "respelling"},
                "note": {"type": ["string", "null"]},
            },
        },
        "LexiconEntry": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "language": {"type": "string"},
                "pattern": {"type": "string"},
                "is_regex": {"type": "boolean"},
                "case_sensitive": {"type": "boolean"},
                "replacement": {"type": "string"},
                "kind": {"type": "string", "enum": list(KINDS)},
                "note": nullable_string,
                "created_by": nullable_string,
                "updated_by": nullable_string,
                "created_at": {"type": "string", "format": "date-time"},
                "updated_at": {"type": "string", "format": "date-time"},
            },
        },
        "Feedback": {
            "type": "object",
            "required": ["category", "message"],
            "properties": {
                "article_id": {"type": ["integer", "null"]},
                "category": {"type": "string", "enum": list(CATEGORIES)},
                "message": {
                    "type": "string",
                    "minLength": MESSAGE_MIN_LENGTH,
                    "maxLength": MESSAGE_MAX_LENGTH,
                },
                "email": {"type": ["string", "null"], "format": "email"},
            },
        },
    }
