"""A bounded schemathesis run of the JSON API from its own OpenAPI document: zero failures."""

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, Phase, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

from reader.views.openapi import openapi_document  # noqa: E402
from tests.helpers import add_user, load_seed, make_app  # noqa: E402

MAX_EXAMPLES = 25  # per operation: ~20 operations, well under two minutes on a busy host


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory):
    """One app for the whole run (schemathesis makes its tests at collection), with an editor's
    token so that the write routes are exercised too, and an article to find."""
    app = make_app(
        tmp_path_factory.mktemp("fuzz"),
        FEEDBACK_LIMIT="100000 per minute",
        RATELIMIT_ENABLED=False,
    )
    _user, token = add_user(app)
    with app.extensions["reader.db"]() as session:
        load_seed(session, "01-fr")
    app.config["FUZZ_TOKEN"] = token
    yield app
    app.extensions["reader.speech"].shutdown()


# The document the app serves at /api/v1/openapi.json (test_api_documented checks they are one),
# read without an app: the app is made by the fixture, once the run starts.
schema = schemathesis.openapi.from_dict(openapi_document())


@pytest.mark.slow
# Schemathesis's WSGI client never closes a response: a cached audio file is then left to the
# garbage collector to close (the app's own clients close theirs; test_render checks that).
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
)
def test_the_api_keeps_to_its_document(case, fuzzed_app):
    token = fuzzed_app.config["FUZZ_TOKEN"]
    # Whether data the schema allows is accepted depends on more than its shape (a regex that
    # compiles, a text that holds an article, an entry not there yet): a 422 says why. Every
    # other check runs: no 5xx, documented statuses, content types, bodies and headers, and
    # data the schema forbids refused.
    case.call_and_validate(
        app=fuzzed_app,
        headers={"Authorization": f"Bearer {token}"},
        excluded_checks=[positive_data_acceptance],
    )
