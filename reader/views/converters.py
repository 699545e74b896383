"""URL converters: `int` bounded to the ids the database can hold; a static fingerprint."""

from flask import Flask
from werkzeug.exceptions import NotFound
from werkzeug.routing import BaseConverter, IntegerConverter

from reader.ids import MAX_ID


class BoundedInt(IntegerConverter):
    """`<int:…>` for which a number above MAX_ID names nothing: a 404, not a 500.

    Not `max=` (a ValidationError): werkzeug then goes on to the routes of the same path
    with other methods, and a PUT or DELETE of /api/v1/lexicon/<huge> became a 405.
    """

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        if number > MAX_ID:
            raise NotFound()
        return number


class Fingerprint(BaseConverter):
    """`<fingerprint:…>`: the 12 hex digits of reader.views.assets, and nothing else, so that
    /static/js/main.js stays a plain static URL."""

    regex = "[0-9a-f]{12}"


def init_app(app: Flask) -> None:
    """Replace `int` app-wide and add `fingerprint`; call before any blueprint adds its routes."""
    app.url_map.converters["int"] = BoundedInt
    app.url_map.converters["fingerprint"] = Fingerprint
