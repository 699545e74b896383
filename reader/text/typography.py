"""Display typography: no-break spaces where a language's press keeps words together."""

import re

# French sets « guillemets » and high punctuation (; : ! ?) off with a no-break space; the
# source text often has plain spaces, so a line could break between a word and its « or ».
_FRENCH_SPACES = re.compile(r"(?<=«) | (?=[»:;!?])")


def typography(text: str, lang: str | None) -> str:
    """The text with a language's no-break spaces; same length, so sentence spans still fit."""
    if lang == "fr":
        return _FRENCH_SPACES.sub("\u00a0", text)
    return text
