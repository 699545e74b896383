"""URL converters: `int` bounded to the ids the database can hold; a static fingerprint."""

from flask import Flask
from werkzeug.routing import BaseConverter, IntegerConverter

from reader.ids import MAX_ID


class BoundedInt(IntegerConverter):
    """`<int:…>` that matches no number above MAX_ID: such a URL is a 404, not a 500."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


class Fingerprint(BaseConverter):
    """`<fingerprint:…>`: the 12 hex digits of reader.views.assets, and nothing else, so that
    /static/js/main.js stays a plain static URL."""

    regex = "[0-9a-f]{12}"


def init_app(app: Flask) -> None:
    """Replace `int` app-wide and add `fingerprint`; call before any blueprint adds its routes."""
    app.url_map.converters["int"] = BoundedInt
    app.url_map.converters["fingerprint"] = Fingerprint
