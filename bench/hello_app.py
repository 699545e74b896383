"""The reference for the load benchmark: a minimal Flask app served as `reader serve` serves."""

import sys

from flask import Flask

from reader.serving import GunicornServer, gunicorn_options

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello, World!"


if __name__ == "__main__":
    # The same gunicorn settings as `reader serve`: gthread workers, threads, one log format.
    port, workers, threads = (int(arg) for arg in sys.argv[1:4])
    options = gunicorn_options("127.0.0.1", port, workers, threads)
    GunicornServer(app, {**options, "proc_name": "hello"}).run()
