"""Row ids as the database can hold them: SQLite's integers end at 2**63 - 1."""

MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """A row id from a query string, a form or JSON (an int or ASCII digits), or None.

    Nothing larger than MAX_ID: the database refuses it with an overflow, not an empty result.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not (value.isascii() and value.isdigit()) or len(value) > len(str(MAX_ID)):
            return None
        value = int(value)
    if not isinstance(value, int) or not 0 <= value <= MAX_ID:
        return None
    return value
