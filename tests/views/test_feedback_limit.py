"""READER_FEEDBACK_LIMIT: reports counted per client, or not at all when it is "off"."""

import pytest

from tests.helpers import make_app


@pytest.mark.parametrize(
    ("limit", "expected"),
    [("2 per minute", [201, 201, 429, 429]), ("off", [201, 201, 201, 201])],
)
def test_the_feedback_limit_and_off(tmp_path, limit, expected):
    app = make_app(tmp_path, FEEDBACK_LIMIT=limit)
    try:
        client = app.test_client()
        statuses = [
            client.post(
                "/api/v1/feedback", json={"category": "other", "message": f"Report {n}."}
            ).status_code
            for n in range(4)
        ]
        assert statuses == expected
    finally:
        app.extensions["reader.speech"].shutdown()
