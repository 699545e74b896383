"""URL converters: the `int` of every route, bounded to the ids the database can hold."""

from flask import Flask
from werkzeug.routing import IntegerConverter

from reader.ids import MAX_ID


class BoundedInt(IntegerConverter):
    """`<int:…>` that matches no number above MAX_ID: such a URL is a 404, not a 500."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def init_app(app: Flask) -> None:
    """Replace `int` app-wide; call before any blueprint adds its routes."""
    app.url_map.converters["int"] = BoundedInt
