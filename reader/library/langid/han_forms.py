"""Whether Han text mixes simplified and traditional character forms, as only Japanese does.

Chinese is written either simplified (语, 国) or traditional (語, 國); Japanese kanji took the
traditional form of some characters and a simplified one of others, so "中国語" or "韓国" (a
traditional 語/韓 beside a simplified 国) is Japanese even without kana. The forms come from
data we did not write: wordfreq's traditional-to-simplified table, and langdetect's zh-cn and
zh-tw profiles (a character frequent in one and absent from the other).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path


def _profile(name: str) -> dict[str, int]:
    import langdetect

    path = Path(langdetect.__file__).parent / "profiles" / name
    return json.loads(path.read_text(encoding="utf-8"))["freq"]


@cache
def _forms() -> tuple[frozenset[str], frozenset[str]]:
    """(traditional-only, simplified-only) single characters."""
    from wordfreq.chinese import SIMPLIFIED_MAP

    mainland, taiwan, japanese = _profile("zh-cn"), _profile("zh-tw"), _profile("ja")
    changed = {chr(k) if isinstance(k, int) else k: v for k, v in SIMPLIFIED_MAP.items()}
    traditional = {t for t, s in changed.items() if t != s and len(t) == 1}
    traditional |= {c for c in taiwan if len(c) == 1 and c not in mainland}
    # Simplified forms that Japanese also writes (国, 会, 学): frequent on the mainland and in
    # Japan, absent from Taiwan. A simplification target that is also a traditional character
    # in its own right (干, 托, 夸) is frequent in Taiwan too, or in neither, and stays out.
    simplified = {
        c for c in mainland if len(c) == 1 and c not in taiwan and c in japanese
    } - traditional
    is_han = str.isalpha
    return (
        frozenset(c for c in traditional if is_han(c)),
        frozenset(c for c in simplified if is_han(c)),
    )


def mixes_simplified_and_traditional(text: str) -> bool:
    """Whether the text holds both a traditional-only and a simplified-only character."""
    traditional, simplified = _forms()
    chars = set(text)
    return bool(chars & traditional) and bool(chars & simplified)
