"""Read the absolute date (and time) that a news site prints, in any of the app's 20 languages."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from .calendar_names import month_number, month_table, weekday_words
from .folding import cased_fold, fold, fold_with_offsets, input_span
from .regex_parts import WORD_END, WORD_START, alternation, trie_pattern
from .results import DateMatch, ParsedDate

# A date string is short; anything longer is a page, not a date line, so parse() gives up.
MAX_PARSE_CHARS = 1_000
# search() only looks at the head of a page: the date line sits near the top, and this bounds
# the work on multi-megabyte input.
MAX_SEARCH_CHARS = 200_000
MIN_YEAR, MAX_YEAR = 1900, 2100


def parse(text: str, lang: str | None = None) -> datetime | None:
    """The datetime a date string states, or None when it states no full date."""
    parsed = parse_with_precision(text, lang)
    return parsed.value if parsed else None


def parse_with_precision(text: str, lang: str | None = None) -> ParsedDate | None:
    """Like parse(), keeping whether a time of day was printed."""
    try:
        return _parse(text, lang)
    except Exception:  # noqa: BLE001 - the contract is "never raise", whatever the input
        return None


def search(text: str, lang: str | None = None) -> DateMatch | None:
    """The first full date (with its time, if one is printed with it) inside a longer text."""
    try:
        return _search(text, lang)
    except Exception:  # noqa: BLE001 - the contract is "never raise", whatever the input
        return None


# --------------------------------------------------------------------------------------------
# Grammar, compiled once on first use.

# Words that may sit between a date and its time ("à", "um", "a las", "года в", "saat").
_CONNECTOR_WORDS = (
    "t at on the a as à às a las las la alle ore um om kl klockan o о в у v ve w godz godzina"
    " saat στις ώρα בשעה ב الساعة في de del di do g г года году року рік р r roku rok"
    " r. um hora horas ore uur den le el il em 号 日 일 時 时"
)
_CONNECTORS = ("a las", "o godz", "o godz.", "à partir de", "um", "о", "o")

_LABEL_WORDS = """
publie publiee le la les mis mise a jour modifie actualise cree poste par en ligne derniere
ecouter article lecture temps min minutes de du il y heures heure aujourd hui hier abonnes
veroffentlicht am aktualisiert stand zuletzt erstellt um uhr vom von datum geandert lesezeit
anhoren teilen artikel uhrzeit zuletzt
published updated last posted on at by date modified first created read min minutes mins time
share listen article ago hours hour edited publication and the news
опубликовано обновлено добавлено дата публикации обновления изменено года г в мин чтения время
автор назад часов минут опубліковано оновлено додано публікації оновлення редаговано о у року р
хв читання поширити слухати змінено створено час тому годин хвилин
publicado actualizado el las del hora horas fecha por modificado creado lectura tiempo escuchar
articulo noticia compartir hace minutos ultima actualizacion
pubblicato aggiornato il alle ore da di ultimo aggiornamento modificato lettura minuti tempo
ascolta articolo fa
atualizado em as do atualizacao leitura ouvir artigo compartilhar horario ha
gepubliceerd bijgewerkt op om laatst laatste update geupdatet aangepast door uur leestijd minuten
luister
gewijzigd geleden
opublikowano aktualizacja zaktualizowano publikacji dodano godz autor czytania czas udostepnij
sluchaj edycja zmieniono temu godzin
yayinlanma yayinlama yayin tarihi guncelleme guncellenme son guncellendi olusturulma saat tarih
okuma suresi dakika dk haber giris once
publicerad publicerat uppdaterad uppdaterat senast kl den lastid minuter lyssna artikel dela
andrad sedan
δημοσιευθηκε δημοσιευση ενημερωθηκε ενημερωση τελευταια στισ ωρα λεπτα αναγνωσησ χρονοσ απο
πριν
פורסם עודכן עדכון פרסום תאריך בשעה שעה יום דקות קריאה זמן שתף לאחרונה לפני
प्रकाशित अपडेट अपडेटेड किया गया प्रकाशन तिथि तारीख पर को बजे समय लेखक मिनट पढ़ने संशोधित द्वारा
पब्लिश्ड लास्ट घंटे पहले
publikovano aktualizovano aktualizace zverejneno vydano ve cteni minut autor datum zmeneno
posledni pred
نشر تم النشر في بتاريخ تاريخ اخر تحديث محدث الساعة الموافق بتوقيت غرينتش غرينيتش مكة المكرمة
القدس دقيقة دقائق قراءة للقراءة بواسطة منذ ساعة ساعات يوم
입력 수정 기사입력 최종수정 업데이트 승인 등록 게재 발행 일시 송고 기자 작성 전 시간
"""
# Caseless labels of Chinese and Japanese, removed before the rest is counted.
_CJK_LABELS = (
    "发布时间 發佈時間 發布時間 更新时间 更新時間 最終更新 最后更新 公開日 更新日 投稿日 配信日 "
    "掲載日 责任编辑 責任編輯 发布 發布 發佈 来源 來源 时间 時間 更新 公開 配信 掲載 投稿 日時 "
    "時点 現在 编辑 編輯 作者 日期 发表 發表 于 於 记者 記者"
).split()

# Zone words: fixed offsets in hours, or an IANA zone where DST decides the offset.
_ZONES: dict[str, float | str] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "mez": 1, "cest": 2,
    "mesz": 2, "eet": 2, "eest": 3, "oez": 2, "oesz": 3, "msk": 3, "мск": 3, "trt": 3, "idt": 3,
    "kst": 9, "jst": 9, "hkt": 8, "sgt": 8, "est": -5, "edt": -4, "cdt": -5, "mst": -7,
    "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "hst": -10, "aest": 10, "aedt": 11, "art": -3,
    "brt": -3, "gst": 4, "eat": 3, "wat": 1, "cat": 2, "sast": 2, "pkt": 5, "ist": 5.5,
    "cst": -6, "ast": 3,
    "et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver",
    "pt": "America/Los_Angeles",
    "بتوقيت غرينتش": 0, "بتوقيت غرينيتش": 0, "ت.غ": 0, "ت غ": 0,
    "بتوقيت مكة المكرمة": 3, "بتوقيت مكة": 3, "بتوقيت القدس": "Asia/Jerusalem",
}  # fmt: skip
# Where an abbreviation names two zones, the page language decides.
_ZONES_BY_LANG: dict[tuple[str, str], float] = {
    ("ist", "he"): 2, ("cst", "zh"): 8, ("ast", "en"): -4,
}  # fmt: skip

_AM_WORDS = (
    "am a.m a. m a.m. a. m. π.μ π.μ. π. μ. πμ ص صباحا صباح فجرا पूर्वाह्न एएम"
    " 午前 上午 오전 새벽 凌晨 早上 早晨 清晨 dop. dop дп"
)
_PM_WORDS = (
    "pm p.m p. m p.m. p. m. μ.μ μ.μ. μ. μ. μμ م مساء مساءا ظهرا عصرا ليلا अपराह्न पीएम"
    " 午後 下午 晚上 오후 傍晚 中午 夜间 odp. odp пп"
)
# Noon words keep 11 and 12 as they are, and move 1-6 to the afternoon.
_NOON_WORDS = ("ظهرا", "中午")


@dataclass(frozen=True)
class _Grammar:
    core: re.Pattern[str]
    time_after: re.Pattern[str]
    time_any: re.Pattern[str]
    gap: re.Pattern[str]
    zone: re.Pattern[str]
    words: re.Pattern[str]
    cjk_labels: re.Pattern[str]
    vocabulary: frozenset[str]


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    month = "(?:" + trie_pattern(set(month_table())) + ")" + WORD_END
    weekday = "(?:" + trie_pattern(weekday_words()) + ")" + WORD_END
    ordinal = r"(?:st|nd|rd|th|er|eme|e|º|ª|°|-?го|-?е|\.|:e)?"
    month_pair = rf"(?:{month})\.?(?:\s*/\s*(?:{month})\.?)?"
    core = re.compile(
        # 2024年12月5日, 2024년 12월 5일
        r"(?<!\d)(?P<cy>\d{4})\s*[年년]\s*(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日일号號]"
        # ISO and the other year-first orders: 2024-12-05, 2024/12/05, 2024. 12. 5.
        r"|(?<![\d.,])(?P<iy>\d{4})(?P<isep>[-/.])\s?(?P<im>\d{1,2})\s?(?P=isep)\s?(?P<id>\d{1,2})"
        r"(?!\d|[-/]\d)"
        # 5 décembre 2024, 5. Dezember 2024, 5 de diciembre de 2024, 5th of December 2024
        rf"|(?<![\d.,:/-])(?P<nd>\d{{1,2}}){ordinal}[\s.,/-]*(?:(?:de|of|the)\s+)?"
        rf"{WORD_START}(?P<nm>{month_pair})[\s.,/'-]*(?:(?:de|del)\s+)?(?P<ny>\d{{4}})(?!\d)"
        # December 5, 2024; Dec. 5th 2024; दिसंबर 05, 2024
        rf"|{WORD_START}(?P<mm>{month_pair})[\s.,-]*(?P<md>\d{{1,2}})(?:st|nd|rd|th|\.)?(?!\d)"
        r"[\s.,-]*(?P<my>\d{4})(?!\d)"
        # 05.12.2024, 5/12/2024, 5. 12. 2024
        r"|(?<![\d./-])(?P<na>\d{1,2})(?P<nsep>[./-])\s?(?P<nb>\d{1,2})\s?(?P=nsep)\s?"
        r"(?P<ny4>\d{4})(?!\d)"
        # 05.12.24 (two-digit year, no spaces, so "05.12. 11:58" stays a time)
        r"|(?<![\d./-])(?P<ta>\d{1,2})(?P<tsep>[./-])(?P<tb>\d{1,2})(?P=tsep)(?P<ty>\d{2})"
        r"(?![\d:]|[./-]\d|\s?h\s?\d)"
    )
    connectors = alternation(fold(w) for w in _CONNECTOR_WORDS.split() + list(_CONNECTORS))
    gap_token = rf"[\s,;|·•/.:()\[\]*-]+|(?:{connectors}){WORD_END}|{weekday}|\(\w{{1,4}}\)"
    gap = f"(?:{gap_token}){{0,10}}"
    am_pm = "|".join(
        re.escape(fold(w)).replace(r"\ ", r"\s?")
        for w in sorted(
            set(_AM_WORDS.split(" ")) | set(_PM_WORDS.split(" ")) | {"a. m.", "p. m."},
            key=len,
            reverse=True,
        )
        if w
    )
    pre_period = "오전|오후|새벽|午前|午後|上午|下午|晚上|凌晨|中午|早上|早晨|清晨|傍晚|夜间"
    time = (
        rf"(?:(?P<pre>{pre_period})\s*)?"
        r"(?:(?P<h>\d{1,2})\s?(?::|h|ч)\s?(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d{1,9})?)?(?!\d)"
        r"|(?P<h2>\d{1,2})\.(?P<mi2>\d{2})(?!\d|\.\d|,\d|\s?%)"
        r"|(?P<h3>\d{1,2})\s*[時时시点點]\s*(?:(?P<mi3>\d{1,2})\s*[分분](?:\s*(?P<s3>\d{1,2})\s*[秒초])?)?"
        rf"|(?P<h4>\d{{1,2}})\s?(?=h{WORD_END}|uhr|horas?{WORD_END}|hrs?{WORD_END}|uur)"
        rf"|(?P<h5>\d{{1,2}})(?=\s?(?:{am_pm})))"
        r"(?:\s?(?:uhr|h|hs|hrs|horas|hora|uur|ч|godz|बजे|ora)\.?" + WORD_END + ")?"
        rf"(?:\s?(?P<ap>{am_pm})(?![^\W\d_]))?"
        r"(?:\s?(?:uhr|hs|hrs|horas|uur|बजे)\.?" + WORD_END + ")?"
    )
    zone_words = alternation(_ZONES)
    zone = re.compile(
        rf"\s?[(\[]?\s?(?P<tz>{zone_words}){WORD_END}"
        r"(?:\s?(?P<tzsign>[+-])\s?(?P<tzh>\d{1,2})(?::?(?P<tzm>\d{2}))?)?\s?[)\]]?"
        r"|(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})(?!\d)"
        r"|\s(?P<ssign>[+-])(?P<soh>\d{2}):?(?P<som>\d{2})(?!\d)"
        r"|(?P<bsign>[+-])(?P<boh>\d{2})(?![\d:])"
    )
    vocabulary = {fold(w) for w in _LABEL_WORDS.split()}
    vocabulary |= {fold(w) for w in _CONNECTOR_WORDS.split()}
    vocabulary |= set(weekday_words()) | set(month_table())
    vocabulary |= {fold(w).strip(".") for w in (_AM_WORDS + " " + _PM_WORDS).split()}
    vocabulary |= {w for w in _ZONES if " " not in w}
    return _Grammar(
        core=core,
        time_after=re.compile(gap + time),
        time_any=re.compile(r"(?<![\d.:])" + time),
        gap=re.compile(gap),
        zone=zone,
        words=re.compile(r"(?:[^\W\d_]|[\u0900-\u0963\u0971-\u097f])+"),
        cjk_labels=re.compile(alternation(_CJK_LABELS)),
        vocabulary=frozenset(vocabulary),
    )


# --------------------------------------------------------------------------------------------
# Reading a match.


@dataclass(frozen=True)
class _Found:
    """A date found in folded text: folded span and what it says."""

    start: int
    end: int
    parsed: ParsedDate


def _to_int(value: str | None) -> int | None:
    return int(value) if value else None


def _full_year(two_digits: int) -> int:
    # News dates are recent: "24" is 2024; "98" (archive pages) is 1998.
    return 2000 + two_digits if two_digits <= 69 else 1900 + two_digits


def _date_parts(m: re.Match[str], lang: str | None) -> tuple[int, int, int] | None:
    """(year, month, day) from a core match, resolving numeric order by locale."""
    g = m.groupdict()
    if g["cy"]:
        return int(g["cy"]), int(g["cm"]), int(g["cd"])
    if g["iy"]:
        return int(g["iy"]), int(g["im"]), int(g["id"])
    if g["nd"]:
        month = _month_in(g["nm"], lang)
        return (int(g["ny"]), month, int(g["nd"])) if month else None
    if g["mm"]:
        month = _month_in(g["mm"], lang)
        return (int(g["my"]), month, int(g["md"])) if month else None
    if g["na"]:
        return _numeric_order(int(g["na"]), int(g["nb"]), int(g["ny4"]), g["nsep"], lang)
    return _numeric_order(int(g["ta"]), int(g["tb"]), _full_year(int(g["ty"])), g["tsep"], lang)


def _month_in(text: str, lang: str | None) -> int | None:
    """The month a month word (or an "ديسمبر/كانون الأول" pair) names."""
    first = text.split("/")[0].strip().rstrip(".'")
    return month_number(first, lang)


def _numeric_order(a: int, b: int, year: int, sep: str, lang: str | None):
    # Only US English writes month first, and never with dots; a part above 12 settles it.
    month_first = lang == "en" and sep in "/-"
    day, month = (b, a) if month_first else (a, b)
    if month > 12 >= day:
        day, month = month, day
    return year, month, day


def _valid_date(parts: tuple[int, int, int] | None) -> datetime | None:
    if not parts:
        return None
    year, month, day = parts
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _clock(m: re.Match[str]) -> tuple[int, int, int] | None:
    """(hour, minute, second) of a time match, with AM/PM applied, or None if impossible."""
    g = m.groupdict()
    hour = next(int(g[k]) for k in ("h", "h2", "h3", "h4", "h5") if g[k] is not None)
    minute = _to_int(g["mi"] or g["mi2"] or g["mi3"]) or 0
    second = _to_int(g["s"] or g["s3"]) or 0
    period = g["ap"] or g["pre"]
    if period:
        hour = _apply_period(hour, fold(period))
        if hour is None:
            return None
    if hour == 24 and minute == 0:  # "24:00" closes the day; keep the date, show midnight
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


@lru_cache(maxsize=1)
def _period_sets() -> tuple[frozenset[str], frozenset[str]]:
    def norm(words: str) -> frozenset[str]:
        return frozenset(re.sub(r"[\s.]", "", fold(w)) for w in words.split())

    return norm(_AM_WORDS), norm(_PM_WORDS)


def _apply_period(hour: int, period: str) -> int | None:
    key = re.sub(r"[\s.]", "", period)
    am, pm = _period_sets()
    if not 0 <= hour <= 12:
        return None
    if key in {fold(w) for w in _NOON_WORDS}:
        return hour + 12 if 1 <= hour <= 6 else hour
    if key in pm:
        return hour if hour == 12 else hour + 12
    if key in am:
        return 0 if hour == 12 else hour
    return hour


def _zone_at(folded: str, original: str, index: list[int] | None, pos: int, lang: str | None):
    """(tzinfo, end) for a zone printed at pos, or (None, pos)."""
    m = _grammar().zone.match(folded, pos)
    if not m:
        return None, pos
    g = m.groupdict()
    if g["tz"]:
        word = g["tz"]
        if word.isascii() and word.isalpha():
            # "ET" is a zone, "et" is French "and": Latin zone words count only in capitals.
            start, end = input_span(index, m.start("tz"), m.end("tz"))
            if not original[start:end].isupper() and word != "z":
                return None, pos
            if word == "z" and m.start("tz") != pos:
                return None, pos
        zone = _zone_for(word, lang)
        if zone is None:
            return None, pos
        if g["tzsign"]:
            minutes = int(g["tzh"]) * 60 + int(g["tzm"] or 0)
            zone = _fixed(minutes if g["tzsign"] == "+" else -minutes)
        return zone, m.end()
    sign = g["sign"] or g["ssign"] or g["bsign"]
    hours = int(g["oh"] or g["soh"] or g["boh"])
    mins = int(g["om"] or g["som"] or 0)
    if hours > 14 or mins > 59:
        return None, pos
    total = hours * 60 + mins
    return _fixed(total if sign == "+" else -total), m.end()


def _fixed(minutes: int) -> tzinfo:
    return timezone(timedelta(minutes=minutes))


def _zone_for(word: str, lang: str | None) -> tzinfo | None:
    zone = _ZONES_BY_LANG.get((word, lang or ""), _ZONES.get(word))
    if zone is None:
        return None
    if isinstance(zone, str):
        return ZoneInfo(zone)
    return _fixed(round(zone * 60))


def _time_after(folded, original, index, pos, lang):
    """(clock, tzinfo, end) of the time printed right after a date, or None."""
    m = _grammar().time_after.match(folded, pos)
    if not m:
        return None
    if _is_german_on(m, lang):
        return None
    clock = _clock(m)
    if clock is None:
        return None
    zone, end = _zone_at(folded, original, index, m.end(), lang)
    return clock, zone, end


def _is_german_on(m: re.Match[str], lang: str | None) -> bool:
    # "11:58 am 5. Dezember": German "am" means "on", never ante meridiem.
    return lang == "de" and m.group("ap") in {"am"}


def _time_before(folded, original, index, start, lang):
    """(clock, tzinfo, begin) of a time printed just before a date: "11:58, 5 грудня 2024"."""
    grammar = _grammar()
    window_start = max(0, start - 60)
    best = None
    for m in grammar.time_any.finditer(folded, window_start, start):
        if m.start() > 0 and folded[m.start() - 1].isdigit():
            continue
        clock = _clock(m)
        if clock is None or _is_german_on(m, lang):
            continue
        zone, end = _zone_at(folded, original, index, m.end(), lang)
        gap = grammar.gap.match(folded, end, start)
        if gap and gap.end() == start and end <= start:
            best = (clock, zone, m.start())
    return best


def _find_first(folded: str, original: str, index, lang: str | None, start: int = 0):
    """The first full date at or after start in folded text, as a _Found."""
    for m in _grammar().core.finditer(folded, start):
        day = _valid_date(_date_parts(m, lang))
        if day is None:
            continue
        begin, end = m.start(), m.end()
        after = _time_after(folded, original, index, end, lang)
        if after:
            clock, zone, end = after
        else:
            before = _time_before(folded, original, index, begin, lang)
            clock, zone, begin = before if before else (None, None, begin)
        if clock is None:
            return _Found(begin, end, ParsedDate(day, False))
        value = day.replace(hour=clock[0], minute=clock[1], second=clock[2], tzinfo=zone)
        return _Found(begin, end, ParsedDate(value, True))
    return None


# --------------------------------------------------------------------------------------------
# Telling a date line from a sentence that mentions a date.

_SCRIPT_HAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """Text with the pattern's matches turned to spaces, keeping every offset in place."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _prose_weight(folded: str, cased: str) -> int:
    """How much unlabelled prose a stretch holds, once other dates and times are set aside.

    Each unknown word counts one; a lower-case Latin, Cyrillic or Greek word counts two,
    because verbs and particles make a sentence while names and labels are capitalised.
    Chinese and Japanese have no spaces: a run of unknown characters counts one per three.
    """
    grammar = _grammar()
    text = _blank(grammar.core, folded)
    text = _blank(grammar.time_any, text)
    text = _blank(grammar.cjk_labels, text)
    weight = sum((len(run) + 2) // 3 for run in _SCRIPT_HAN.findall(text))
    text = _blank(_SCRIPT_HAN, text)
    for m in grammar.words.finditer(text):
        word = m.group()
        if len(word) < 2 or word in grammar.vocabulary:
            continue
        weight += 1
        if ord(word[0]) < 0x0530 and cased[m.start() : m.end()].islower():
            weight += 1
    return weight


def _looks_like_date_line(folded: str, cased: str, found: _Found) -> bool:
    """Whether the words around a date are labels and bylines rather than a sentence."""
    before = _prose_weight(folded[: found.start], cased[: found.start])
    after = _prose_weight(folded[found.end :], cased[found.end :])
    if before > 2 or after > 3 or before + after > 4:
        return False
    ends_sentence = cased.rstrip()[-1:] in {".", "!", "?"} and before + after >= 2
    return not ends_sentence


# --------------------------------------------------------------------------------------------
# Entry points' bodies.


def _usable_lang(lang) -> str | None:
    return lang.lower()[:2] if isinstance(lang, str) and lang else None


# Japanese era years (令和4年 is 2022) as the Gregorian year the rest of the grammar reads.
_JAPANESE_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_JAPANESE_ERA_YEAR = re.compile(r"(令和|平成|昭和)\s*(元|[0-9０-９]{1,2})\s*年")


def _gregorian_era_years(text: str) -> str:
    def western(m: re.Match[str]) -> str:
        number = 1 if m.group(2) == "元" else int(unicodedata.normalize("NFKC", m.group(2)))
        return f"{_JAPANESE_ERAS[m.group(1)] + number}年"

    return _JAPANESE_ERA_YEAR.sub(western, text)


def _parse(text, lang) -> ParsedDate | None:
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_PARSE_CHARS:
        return None
    lang = _usable_lang(lang)
    text = _gregorian_era_years(text)
    folded, index = fold_with_offsets(text)
    found = _find_first(folded, text, index, lang)
    if found is None or not _looks_like_date_line(folded, cased_fold(text), found):
        return None
    return found.parsed


def _search(text, lang) -> DateMatch | None:
    if not isinstance(text, str) or not text:
        return None
    lang = _usable_lang(lang)
    head = text[:MAX_SEARCH_CHARS]
    folded, index = fold_with_offsets(head)
    found = _find_first(folded, head, index, lang)
    if found is None:
        return None
    start, end = input_span(index, found.start, found.end)
    return DateMatch(start, end, found.parsed)
