"""The words for metric units after a number, per language, and "per" in "km/s"."""

# Each unit's forms, "/"-separated: one form (never changes), (one, many), or (one, few, many).
UNITS: dict[str, dict[str, str]] = {
    "en": {
        # No "m": in English news "1.5m" is a million as often as a meter.
        "km": "kilometer/kilometers", "cm": "centimeter/centimeters",
        "mm": "millimeter/millimeters", "kg": "kilogram/kilograms", "g": "gram/grams",
        "mg": "milligram/milligrams", "l": "liter/liters", "ml": "milliliter/milliliters",
        "km/h": "kilometer per hour/kilometers per hour", "mph": "mile per hour/miles per hour",
        "m²": "square meter/square meters", "km²": "square kilometer/square kilometers",
        "min": "minute/minutes",
    },
    "de": {
        "km": "Kilometer", "m": "Meter", "cm": "Zentimeter", "mm": "Millimeter",
        "kg": "Kilogramm", "g": "Gramm", "mg": "Milligramm", "l": "Liter", "ml": "Milliliter",
        "km/h": "Kilometer pro Stunde", "m²": "Quadratmeter", "km²": "Quadratkilometer",
        "min": "Minute/Minuten",
    },
    "fr": {
        "km": "kilomètre/kilomètres", "m": "mètre/mètres", "cm": "centimètre/centimètres",
        "mm": "millimètre/millimètres", "kg": "kilogramme/kilogrammes", "g": "gramme/grammes",
        "mg": "milligramme/milligrammes", "l": "litre/litres", "ml": "millilitre/millilitres",
        "km/h": "kilomètre heure/kilomètres heure", "m²": "mètre carré/mètres carrés",
        "km²": "kilomètre carré/kilomètres carrés",
    },
    "es": {
        "km": "kilómetro/kilómetros", "m": "metro/metros", "cm": "centímetro/centímetros",
        "mm": "milímetro/milímetros", "kg": "kilogramo/kilogramos", "g": "gramo/gramos",
        "mg": "miligramo/miligramos", "l": "litro/litros", "ml": "mililitro/mililitros",
        "km/h": "kilómetro por hora/kilómetros por hora", "mph": "milla por hora/millas por hora",
        "m²": "metro cuadrado/metros cuadrados", "km²": "kilómetro cuadrado/kilómetros cuadrados",
        "min": "minuto/minutos",
    },
    "pt": {
        "km": "quilômetro/quilômetros", "m": "metro/metros", "cm": "centímetro/centímetros",
        "mm": "milímetro/milímetros", "kg": "quilograma/quilogramas", "g": "grama/gramas",
        "mg": "miligrama/miligramas", "l": "litro/litros", "ml": "mililitro/mililitros",
        "km/h": "quilômetro por hora/quilômetros por hora", "m²": "metro quadrado/metros quadrados",
        "km²": "quilômetro quadrado/quilômetros quadrados", "min": "minuto/minutos",
    },
    "it": {
        "km": "chilometro/chilometri", "m": "metro/metri", "cm": "centimetro/centimetri",
        "mm": "millimetro/millimetri", "kg": "chilogrammo/chilogrammi", "g": "grammo/grammi",
        "mg": "milligrammo/milligrammi", "l": "litro/litri", "ml": "millilitro/millilitri",
        "km/h": "chilometro orario/chilometri orari", "km/s": "chilometro per secondo/"
        "chilometri per secondo", "m²": "metro quadrato/metri quadrati", "min": "minuto/minuti",
    },
    "ru": {
        "км": "километр/километра/километров", "м": "метр/метра/метров",
        "см": "сантиметр/сантиметра/сантиметров", "мм": "миллиметр/миллиметра/миллиметров",
        "кг": "килограмм/килограмма/килограммов", "г": "грамм/грамма/граммов",
        "мг": "миллиграмм/миллиграмма/миллиграммов", "л": "литр/литра/литров",
        "мл": "миллилитр/миллилитра/миллилитров",
        "км/ч": "километр в час/километра в час/километров в час",
        "мин": "минута/минуты/минут",
    },
    "uk": {
        "км": "кілометр/кілометри/кілометрів", "м": "метр/метри/метрів",
        "см": "сантиметр/сантиметри/сантиметрів", "мм": "міліметр/міліметри/міліметрів",
        "кг": "кілограм/кілограми/кілограмів", "г": "грам/грами/грамів",
        "л": "літр/літри/літрів", "км/год": "кілометр на годину/кілометри на годину/"
        "кілометрів на годину", "хв": "хвилина/хвилини/хвилин",
    },
    "sv": {
        "km": "kilometer", "m": "meter", "cm": "centimeter", "mm": "millimeter",
        "kg": "kilo", "g": "gram", "mg": "milligram", "l": "liter", "ml": "milliliter",
        "km/h": "kilometer i timmen", "m²": "kvadratmeter", "min": "minut/minuter",
    },
    "hu": {
        "km": "kilométer", "m": "méter", "cm": "centiméter", "mm": "milliméter",
        "kg": "kilogramm", "g": "gramm", "mg": "milligramm", "l": "liter", "ml": "milliliter",
        "km/h": "kilométer per óra", "m²": "négyzetméter", "min": "perc",
    },
    "vi": {
        "km": "ki lô mét", "m": "mét", "cm": "xăng ti mét", "mm": "mi li mét",
        "kg": "ki lô gam", "g": "gam", "mg": "mi li gam", "l": "lít", "ml": "mi li lít",
        "km/h": "ki lô mét trên giờ", "m²": "mét vuông", "km²": "ki lô mét vuông",
    },
    "ko": {
        "km": "킬로미터", "m": "미터", "cm": "센티미터", "mm": "밀리미터", "kg": "킬로그램",
        "g": "그램", "mg": "밀리그램", "l": "리터", "ml": "밀리리터", "m²": "제곱미터",
        "km²": "제곱킬로미터",
    },
    "hi": {
        "km": "किलोमीटर", "m": "मीटर", "cm": "सेंटीमीटर", "mm": "मिलीमीटर", "kg": "किलोग्राम",
        "g": "ग्राम", "mg": "मिलीग्राम", "l": "लीटर", "ml": "मिलीलीटर",
        "km/h": "किलोमीटर प्रति घंटा", "m²": "वर्ग मीटर", "km²": "वर्ग किलोमीटर",
    },
    "zh": {
        "km": "公里", "m": "米", "cm": "厘米", "mm": "毫米", "kg": "千克", "g": "克",
        "mg": "毫克", "l": "升", "ml": "毫升", "ms": "毫秒", "km/h": "公里每小时",
    },
    "hy": {"կմ": "կիլոմետր", "մ": "մետր", "սմ": "սանտիմետր", "կգ": "կիլոգրամ", "գ": "գրամ"},
}  # fmt: skip

# The word between two units, "km/s" said "kilometers per second".
PER_WORDS = {
    "en": "per", "de": "pro", "fr": "par", "es": "por", "it": "per", "pt": "por", "nl": "per",
    "sv": "per", "hu": "per", "ru": "на", "uk": "на", "pl": "na", "cs": "na", "vi": "trên",
    "ko": "퍼", "hi": "प्रति", "zh": "每", "tr": "bölü",
}  # fmt: skip
