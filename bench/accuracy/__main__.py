"""Run every accuracy benchmark in one process and print one JSON document."""

import json

from bench.accuracy import cldr_dates, dates, dev_data, extract, heldout, langid

print(
    json.dumps(
        {
            "langid": langid.run(),
            "dates": dates.run(),
            "cldr_dates": cldr_dates.run(),
            "extract": extract.run(),
            "heldout": heldout.run(),
            "dev_data": dev_data.run(),
        },
        indent=2,
        ensure_ascii=False,
        default=str,
    )
)
