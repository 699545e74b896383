"""How each language names currencies, their hundredths and the scales after an amount."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MoneyWords:
    """How one language says amounts of money; each word pair is (singular, plural)."""

    currencies: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Name of each currency symbol, where espeak-ng misnames or misplaces the symbol."""
    scales: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Large-number words that news pages abbreviate after an amount ("5 Mio. €")."""
    plural_from_two: bool = False
    """Plural only from two on ("1,5 million"), not for everything but one."""
    of_after_scale: str = ""
    """The word that makes the currency a complement of a scale ("5 millions d'euros")."""
    elided_of: str = ""
    """That word before a vowel ("d'")."""
    minor: dict[str, tuple[str, str]] = field(default_factory=dict)
    """The hundredth of each currency ("cent", "cents"), said after the cents' number."""
    minor_after_main: bool = True
    """The hundredth is named after a whole amount too ("and fifty cents"); without it, only
    cents alone are ("zwanzig Cent", but "drei Euro zwanzig")."""
    attached: bool = False
    """The currency is written on the amount ("이천원")."""
    and_word: str = ""
    """The word between the whole amount and the cents ("twelve dollars and fifty cents")."""


NO_WORDS = MoneyWords()
MONEY_WORDS: dict[str, MoneyWords] = {
    "fr": MoneyWords(
        currencies={"€": ("euro", "euros"), "$": ("dollar", "dollars"), "£": ("livre", "livres")},
        scales={
            "M": ("million", "millions"),
            "Md": ("milliard", "milliards"),
            "Mds": ("milliard", "milliards"),
            "Mrd": ("milliard", "milliards"),
        },
        plural_from_two=True,
        of_after_scale="de",
        elided_of="d'",
        minor={"€": ("centime", "centimes"), "$": ("cent", "cents")},
        minor_after_main=False,
    ),
    "de": MoneyWords(
        currencies={"€": ("Euro", "Euro"), "$": ("Dollar", "Dollar"), "£": ("Pfund", "Pfund")},
        scales={
            "Mio.": ("Million", "Millionen"),
            "Mrd.": ("Milliarde", "Milliarden"),
            "Mio": ("Million", "Millionen"),
            "Mrd": ("Milliarde", "Milliarden"),
        },
        minor={"€": ("Cent", "Cent"), "$": ("Cent", "Cent"), "£": ("Penny", "Pence")},
        minor_after_main=False,
    ),
    "en": MoneyWords(
        currencies={"€": ("euro", "euros"), "$": ("dollar", "dollars"), "£": ("pound", "pounds")},
        scales={
            "bn": ("billion", "billion"),
            "m": ("million", "million"),
            "k": ("thousand", "thousand"),
        },
        minor={"€": ("cent", "cents"), "$": ("cent", "cents"), "£": ("penny", "pence")},
        and_word="and",
    ),
    "es": MoneyWords(
        currencies={"€": ("euro", "euros"), "$": ("dólar", "dólares"), "£": ("libra", "libras")},
        minor={"€": ("céntimo", "céntimos"), "$": ("centavo", "centavos")},
        of_after_scale="de",
    ),
    "it": MoneyWords(
        currencies={
            "€": ("euro", "euro"),
            "$": ("dollaro", "dollari"),
            "£": ("sterlina", "sterline"),
        },
        scales={
            "mln": ("milione", "milioni"),
            "mld": ("miliardo", "miliardi"),
            "mrd": ("miliardo", "miliardi"),
        },
        plural_from_two=True,
        of_after_scale="di",
        minor={"€": ("centesimo", "centesimi"), "$": ("centesimo", "centesimi")},
        and_word="e",
    ),
    "pt": MoneyWords(
        currencies={"€": ("euro", "euros"), "$": ("dólar", "dólares"), "£": ("libra", "libras")},
        minor={"€": ("cêntimo", "cêntimos"), "$": ("centavo", "centavos")},
        and_word="e",
    ),
    "nl": MoneyWords(
        currencies={"€": ("euro", "euro"), "$": ("dollar", "dollar"), "£": ("pond", "pond")},
        minor={"€": ("cent", "cent"), "$": ("cent", "cent")},
        minor_after_main=False,
    ),
    "sv": MoneyWords(
        currencies={"€": ("euro", "euro"), "$": ("dollar", "dollar"), "£": ("pund", "pund")},
        scales={"md": ("miljard", "miljarder"), "mn": ("miljon", "miljoner")},
        minor={"€": ("cent", "cent"), "$": ("cent", "cent"), "£": ("penny", "pence")},
    ),
    "ru": MoneyWords(
        currencies={
            "₽": ("рубль", "рубля", "рублей"),
            "руб.": ("рубль", "рубля", "рублей"),
            "руб": ("рубль", "рубля", "рублей"),
            "коп.": ("копейка", "копейки", "копеек"),
            "$": ("доллар", "доллара", "долларов"),
            "€": ("евро", "евро", "евро"),
        },
        minor={
            "₽": ("копейка", "копейки", "копеек"),
            "руб.": ("копейка", "копейки", "копеек"),
            "$": ("цент", "цента", "центов"),
        },
        scales={
            "тыс.": ("тысяча", "тысячи", "тысяч"),
            "тыс": ("тысяча", "тысячи", "тысяч"),
            "млн": ("миллион", "миллиона", "миллионов"),
            "млрд": ("миллиард", "миллиарда", "миллиардов"),
        },
    ),
    "uk": MoneyWords(
        currencies={
            "₴": ("гривня", "гривні", "гривень"),
            "грн.": ("гривня", "гривні", "гривень"),
            "грн": ("гривня", "гривні", "гривень"),
            "$": ("долар", "долари", "доларів"),
            "€": ("євро", "євро", "євро"),
        },
        minor={
            "₴": ("копійка", "копійки", "копійок"),
            "грн": ("копійка", "копійки", "копійок"),
            "$": ("цент", "центи", "центів"),
        },
        scales={
            "тис.": ("тисяча", "тисячі", "тисяч"),
            "млн": ("мільйон", "мільйони", "мільйонів"),
            "млрд": ("мільярд", "мільярди", "мільярдів"),
        },
    ),
    "pl": MoneyWords(
        currencies={
            "€": ("euro", "euro", "euro"),
            "$": ("dolar", "dolary", "dolarów"),
            "zł": ("złoty", "złote", "złotych"),
        },
        minor={
            "€": ("cent", "centy", "centów"),
            "$": ("cent", "centy", "centów"),
            "zł": ("grosz", "grosze", "groszy"),
        },
        scales={
            "tys.": ("tysiąc", "tysiące", "tysięcy"),
            "mln": ("milion", "miliony", "milionów"),
            "mld": ("miliard", "miliardy", "miliardów"),
        },
    ),
    "cs": MoneyWords(
        currencies={
            "€": ("euro", "euro", "eur"),
            "$": ("dolar", "dolary", "dolarů"),
            "Kč": ("koruna", "koruny", "korun"),
        },
        minor={
            "€": ("cent", "centy", "centů"),
            "$": ("cent", "centy", "centů"),
            "Kč": ("haléř", "haléře", "haléřů"),
        },
        scales={
            "tis.": ("tisíc", "tisíce", "tisíc"),
            "mil.": ("milion", "miliony", "milionů"),
            "mld.": ("miliarda", "miliardy", "miliard"),
        },
    ),
    "tr": MoneyWords(
        currencies={"₺": ("lira", "lira"), "$": ("dolar", "dolar"), "€": ("avro", "avro")}
    ),
    "hu": MoneyWords(
        currencies={"$": ("dollár", "dollár"), "€": ("euró", "euró"), "£": ("font", "font")}
    ),
    "vi": MoneyWords(
        currencies={"₫": ("đồng", "đồng"), "$": ("đô la", "đô la"), "€": ("ơ rô", "ơ rô")}
    ),
    "ko": MoneyWords(
        currencies={
            "₩": ("원", "원"),
            "$": ("달러", "달러"),
            "€": ("유로", "유로"),
            "¥": ("엔", "엔"),
        },
        scales={"만": ("만", "만"), "억": ("억", "억"), "조": ("조", "조")},
        minor={"$": ("센트", "센트"), "€": ("센트", "센트")},
        attached=True,
    ),
    "hi": MoneyWords(
        currencies={
            "₹": ("रुपया", "रुपए"),
            "$": ("डॉलर", "डॉलर"),
            "€": ("यूरो", "यूरो"),
            "£": ("पाउंड", "पाउंड"),
            "₩": ("वॉन", "वॉन"),
            "₺": ("लीरा", "लीरा"),
            "¥": ("येन", "येन"),
        },
        minor={"₹": ("पैसा", "पैसे"), "$": ("सेंट", "सेंट"), "€": ("सेंट", "सेंट"), "¥": ("सेन", "सेन")},
    ),
    "ar": MoneyWords(
        currencies={"$": ("دولار", "دولار"), "€": ("يورو", "يورو"), "£": ("جنيه", "جنيه")},
        minor={"$": ("سنت", "سنت"), "€": ("سنت", "سنت")},
        and_word="و",
    ),
    "zh": MoneyWords(
        currencies={
            "$": ("美元", "美元"),
            "€": ("欧元", "欧元"),
            "£": ("英镑", "英镑"),
            "¥": ("元", "元"),
        },
        scales={"万": ("万", "万"), "亿": ("亿", "亿")},
        attached=True,
    ),
    "ja": MoneyWords(
        currencies={
            "$": ("ドル", "ドル"),
            "€": ("ユーロ", "ユーロ"),
            "£": ("ポンド", "ポンド"),
            "¥": ("円", "円"),
            "￥": ("円", "円"),
        },
        scales={"万": ("万", "万"), "億": ("億", "億"), "兆": ("兆", "兆")},
        attached=True,
    ),
    "he": MoneyWords(
        currencies={"₪": ("שקל", "שקלים"), "$": ("דולר", "דולרים"), "€": ("יורו", "יורו")},
        minor={"₪": ("אגורה", "אגורות"), "$": ("סנט", "סנטים"), "€": ("סנט", "סנטים")},
        and_word="ו",
    ),
}
