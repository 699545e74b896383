"""Run every accuracy benchmark in one process and print one JSON document.

Usage: python -m bench.accuracy [DATEPARSER_CHECKOUT] — with a dateparser checkout, its test
strings are scored too (bench/accuracy/dateparser_tests.py); without, that part is skipped.
"""

import json
import sys
from pathlib import Path

from bench.accuracy import cldr_dates, dateparser_tests, dates, dev_data, extract, heldout, langid

checkout = Path(sys.argv[1]) if len(sys.argv) > 1 else None
print(
    json.dumps(
        {
            "langid": langid.run(),
            "dates": dates.run(),
            "cldr_dates": cldr_dates.run(),
            "dateparser_tests": (dateparser_tests.run(checkout) if checkout else None)
            or {"skipped": "no dateparser checkout given"},
            "extract": extract.run(),
            "heldout": heldout.run(),
            "dev_data": dev_data.run(),
        },
        indent=2,
        ensure_ascii=False,
        default=str,
    )
)
