"""The reference for the load benchmark: a minimal Flask app served as `reader serve` serves."""

import sys

from flask import Flask
from waitress import serve

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello, World!"


if __name__ == "__main__":
    # The same waitress settings as reader's server process.
    serve(app, host="127.0.0.1", port=int(sys.argv[1]), threads=8, send_bytes=1, ident="hello")
