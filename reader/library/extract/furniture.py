"""Lines that are page furniture, not article prose: ad labels, share prompts, cross-links,
bare times, copyright and byline lines, in each language we read."""

from __future__ import annotations

import re

from reader.library.extract.blocks import RawBlock

# A whole short line that is a label: "Advertisement", "Anzeige", "Partager", "広告"...
FURNITURE_LINE = re.compile(
    r"^\W*(advertisement|advertising|ad|anzeige|werbung|publicit[ée]|реклама|реклама\.|광고|広告|"
    r"广告|廣告|إعلان|publicidad|pubblicit[àa]|publicidade|advertentie|reklama|reklam|annons|"
    r"διαφήμιση|פרסומת|विज्ञापन|sponsored|continue reading|read more|lire la suite|weiterlesen|"
    r"share|partager|teilen|поделиться|compartir|condividi|udostępnij|paylaş|dela|sdílet|"
    r"شارك|שתפו|शेयर करें|공유|シェア|分享)\W*$",
    re.IGNORECASE,
)
# "Read also: <another story>" and its translations; the colon or arrow is required.
CROSS_LINK_PREFIX = re.compile(
    r"^\W*(read more|read also|also read|see also|related|more on this|lire aussi|à lire aussi|"
    r"a lire aussi|voir aussi|lesen sie auch|mehr zum thema|auch interessant|читайте также|"
    r"читайте також|смотрите также|leer más|lea también|lee también|leggi anche|leia também|"
    r"leia mais|lees ook|lees meer|czytaj też|czytaj także|czytaj również|ayrıca okuyun|"
    r"ilgili haber|läs också|läs mer|διαβάστε επίσης|διαβάστε ακόμη|קראו גם|यह भी पढ़ें|"
    r"čtěte také|přečtěte si|اقرأ أيضا|اقرأ أيضًا|اقرأ ايضا|相关阅读|延伸阅读|相關閱讀|推荐阅读|"
    r"関連記事|あわせて読みたい|관련기사|관련 기사|함께 읽기)\s*[:：\-–—»>]",
    re.IGNORECASE,
)
# "By Jane Doe", "Par ...", "Von ...": the author line under a headline.
BYLINE_LINE = re.compile(
    r"^(by|par|von|door|di|por|av|od|przez|от|від|автор|tarafından|yazan|από|מאת|بقلم|द्वारा)"
    r"\s+\S",
    re.IGNORECASE,
)
TIME_ONLY_LINE = re.compile(r"^[\d\s:.,/hH\-–+]*(am|pm|uhr|utc|gmt|cet|cest)?[\d\s:.,/hH\-–+]*$")
COPYRIGHT_LINE = re.compile(r"^\W*(©|\(c\)|copyright)\s", re.IGNORECASE)


def without_furniture(blocks: list[RawBlock]) -> list[RawBlock]:
    """The blocks minus link lists, labels, cross-links, bare times and copyright lines."""
    kept = []
    for block in blocks:
        text = block.text
        if block.link_density > 0.5 or FURNITURE_LINE.match(text) or COPYRIGHT_LINE.match(text):
            continue
        if CROSS_LINK_PREFIX.match(text) and len(text) < 200:
            continue
        if len(text) <= 40 and TIME_ONLY_LINE.match(text):
            continue
        if block.tag == "li" and block.link_density > 0.3:
            continue  # a list item that is mostly a link is a menu or a story list
        kept.append(block)
    return kept
