"""Detect which of reader's 20 languages a text is in: script rules, langdetect and lingua fused."""

from reader.library.langid.blocks import detect_block
from reader.library.langid.detection import Detection, detect, detect_with_confidence, warm_up
from reader.library.langid.scripts import count_scripts
from reader.text.hashtags import split_hashtags

__all__ = [
    "Detection",
    "count_scripts",
    "detect",
    "detect_block",
    "detect_with_confidence",
    "split_hashtags",
    "warm_up",
]
