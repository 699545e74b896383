"""Tell a date line (labels, bylines, a date) from a sentence that merely mentions a date."""

from __future__ import annotations

import re
from functools import lru_cache

from .attached_time import CONNECTOR_WORDS
from .calendar_names import month_table, weekday_words
from .clock import AM_WORDS, PM_WORDS, time_anywhere
from .date_forms import date_pattern
from .first_date import FoundDate
from .folding import fold
from .regex_parts import WORD, alternation
from .zones import ZONES

# Words of date lines, folded, per language: "published", "updated", "by", "min read", ...
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

_SCRIPT_HAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(WORD)
_ABBREVIATION_END = re.compile(r"(?<![^\W\d_])[^\W\d_]\.\s*$")


@lru_cache(maxsize=1)
def _cjk_labels() -> re.Pattern[str]:
    return re.compile(alternation(_CJK_LABELS))


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Every word a date line may hold without counting as prose."""
    vocabulary = {fold(w) for w in _LABEL_WORDS.split()}
    vocabulary |= {fold(w) for w in CONNECTOR_WORDS.split()}
    vocabulary |= set(weekday_words()) | set(month_table())
    # "п'ятниця" is one word to CLDR but two to WORD: its parts are known words too.
    vocabulary |= {part for w in weekday_words() if "'" in w for part in _WORD.findall(w)}
    vocabulary |= {fold(w).strip(".") for w in (AM_WORDS + " " + PM_WORDS).split()}
    vocabulary |= {w for w in ZONES if " " not in w}
    return frozenset(vocabulary)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """Text with the pattern's matches turned to spaces, keeping every offset in place."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _prose_weight(folded: str, cased: str) -> int:
    """How much unlabelled prose a stretch holds, once other dates and times are set aside.

    Each unknown word counts one; a lower-case Latin, Cyrillic or Greek word counts two,
    because verbs and particles make a sentence while names and labels are capitalised.
    Chinese and Japanese have no spaces: a run of unknown characters counts one per three.
    """
    text = _blank(date_pattern(), folded)
    text = _blank(time_anywhere(), text)
    text = _blank(_cjk_labels(), text)
    weight = sum((len(run) + 2) // 3 for run in _SCRIPT_HAN.findall(text))
    text = _blank(_SCRIPT_HAN, text)
    vocabulary = _vocabulary()
    for m in _WORD.finditer(text):
        word = m.group()
        if len(word) < 2 or word in vocabulary:
            continue
        weight += 1
        if ord(word[0]) < 0x0530 and cased[m.start() : m.end()].islower():
            weight += 1
    return weight


def looks_like_date_line(folded: str, cased: str, found: FoundDate) -> bool:
    """Whether the words around a date are labels and bylines rather than a sentence."""
    before = _prose_weight(folded[: found.start], cased[: found.start])
    after = _prose_weight(folded[found.end :], cased[found.end :])
    if before > 2 or after > 3 or before + after > 4:
        return False
    # A final "." after a one-letter abbreviation ("2008 р.", "2024 г.") ends no sentence.
    ends_sentence = (
        cased.rstrip()[-1:] in {".", "!", "?"}
        and not _ABBREVIATION_END.search(cased)
        and before + after >= 2
    )
    return not ends_sentence
