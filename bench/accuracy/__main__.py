"""Run every accuracy benchmark in one process and print one JSON document."""

import json

from bench.accuracy import dates, extract, langid

print(
    json.dumps({"langid": langid.run(), "dates": dates.run(), "extract": extract.run()}, indent=2)
)
