"""What each language writes: its non-ASCII letters, its function words, Japanese-only kanji."""

from __future__ import annotations

ALLOWED_LETTERS: dict[str, str] = {
    # Non-ASCII letters each language writes natively (lower case). A letter outside a
    # language's set is strong evidence against it (foreign names aside).
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "en": "",
    "es": "áéíóúüñ",
    "it": "àèéìíòóùú",
    "pt": "áâãàçéêíóôõú",
    "nl": "éèëïöüáóê",
    "pl": "ąćęłńóśźż",
    "tr": "çğıöşüâîû",
    "sv": "åäöé",
    "cs": "áčďéěíňóřšťúůýž",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}

FUNCTION_WORDS: dict[str, str] = {
    # Hand-made: the most frequent function words, greetings and courtesies of each language.
    "fr": "le la les de des du un une et est en que qui dans pour pas sur au aux avec ce cette "
    "il elle ils nous vous je tu on ne se sont été plus par mais ou où très bien aussi comme "
    "tout tous son sa ses leur être avoir fait bonjour merci bonsoir salut oui non chez après "
    "avant déjà encore toujours beaucoup rien moi toi ça l' d' j' n' qu' c' s' m' voilà ici "
    "je tu elle nous vous ils elles me te lui suis es sommes êtes ai as avons avez ont était "
    "sera mon ton ma ta mes tes",
    "de": "der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im "
    "auch es sie er wir ihr ich du sind war wird werden hat haben noch nur aber oder wenn wie "
    "bei nach aus um schon sehr kein keine mehr gut guten morgen tag danke bitte hallo ja "
    "nein heute über dass wurde vom zum zur beim gibt alle jetzt hier "
    "ich du er sie es wir ihr mich dich mir dir bin bist sind seid habe hast hatte kann muss "
    "mein dein",
    "en": "the of and to in is was for that on with as by at from it this be are have has not "
    "but they he she we you i his her their an or will would can been which who what there "
    "about more one all if so do no new after said our my your hello thanks thank please yes "
    "good morning night today how why when where "
    "i you he she it we they me him us them am is are was were have has had do does did my your",
    "es": "el la los las de del y que en un una es por con para no se su sus al lo como más "
    "pero muy también ya hay fue son está están este esta ese esa todo todos sobre entre "
    "cuando donde porque hola gracias adiós buenos buenas días noches sí bien yo tú usted "
    "ellos nosotros hasta desde año años "
    "yo tú él ella nosotros ellos me te le les nos soy eres es somos estoy estás tengo tiene mi tu",
    "it": "il lo la le gli i di del della dei delle e è che in un una uno per non con da dal "
    "alla al nel nella sono si ma come anche più molto questo questa quello tutto tutti ci ha "
    "hanno essere stato stata ancora dove quando perché ciao grazie buongiorno buonasera "
    "prego sì bene anni oggi mi ti noi voi loro l' dell' all' nell' un' sull' dall' "
    "io tu lui lei noi voi loro mi ti ci vi gli sono sei siamo ho hai abbiamo mio tuo mia",
    "pt": "o a os as de do da dos das e é que em um uma no na nos nas por para com não se ao à "
    "mais mas como também muito foi são está estão ele ela eles nós você isso este esta esse "
    "essa seu sua pelo pela quando onde porque olá obrigado obrigada bom dia sim até ainda já "
    "eu tu ele ela nós eles elas me te lhe nos sou és somos estou tenho tem meu teu minha",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er die ook als maar om bij "
    "of door over dan nog wel naar uit heeft hebben wordt worden was werd ze zij hij wij we "
    "ik je jij u mijn ons onze hun geen meer veel zeer heel goed dag dank bedankt hallo ja nee "
    "vandaag morgen waar wat hoe wie waarom "
    "ik jij je hij zij ze wij we jullie mij me hem haar ons zijn ben bent is heb hebt heeft "
    "mijn jouw",
    "pl": "i w na z się nie to jest że do o jak ale od po za co czy jego jej ich tak już są był "
    "była było przez dla tylko może bardzo jeszcze ten ta te tego który która które oraz przy "
    "we ze mnie mi ja ty my wy on ona oni pan pani dzień dobry dziękuję cześć proszę "
    "ja ty on ona my wy oni mnie cię go jej nas jestem jesteś jest są mam masz ma mój twój",
    "tr": "ve bir bu da de ile için çok daha ne gibi var yok olan olarak en ama kadar sonra "
    "ben sen o biz siz onlar şey her değil mi mı mu mü ise şu merhaba teşekkürler teşekkür "
    "ederim lütfen evet hayır günaydın iyi güzel nasıl neden nerede bugün yarın "
    "ben sen o biz siz onlar beni seni bana sana benim senin var yok değil",
    "sv": "och i att det som en på är av för med till den har de inte om ett han hon vi jag "
    "du ni var men från så kan eller när efter också vid sig sin sitt hans hennes här där nu "
    "bara mycket tack hej ja nej god morgon dag idag kväll bra hur vad varför vem "
    "jag du han hon vi ni de mig dig honom henne oss är var har hade min din",
    "cs": "a je se v na to že s z do o k i jako ale pro po od jsou byl byla bylo jeho její "
    "jejich také už ještě jen tak když než podle který která které tento tato toto být má "
    "mají není ve ze já ty my vy on ona oni dobrý den děkuji prosím ahoj ano ne dnes zítra "
    "velmi moc "
    "já ty on ona my vy oni mě tě mi ti jsem jsi je jsme jste mám máš má můj tvůj",
    # Cyrillic: what the letters і ї є ґ / ы э ъ ё leave open, these often settle.
    "uk": "і й в у не на я що він вона з як це по але до із за та так ви від ми був все його "
    "мені ні тут є або теж дуже коли де чи щоб вже ще",
    "ru": "и в не на я что он она с как это по но к у из за то так вы от мы был всё его мне "
    "нет здесь есть или тоже очень когда где ли чтобы уже ещё",
}


JAPANESE_ONLY_KANJI = frozenset(
    # Shinjitai forms and kokuji: Japanese spellings that neither simplified nor traditional
    # Chinese uses (Chinese writes 站/驛 for 駅, 樱/櫻 for 桜, 气/氣 for 気...).
    "駅桜気売読続楽薬図団県転戦単労営経歳様歩沢済絵縄総聴脳蔵覧鉄関険験騒髪黒実込畑峠辻"
    "働枠挙拠捜揺摂斎暦栄桟検毎乗亜仏伝価児剤剣勧圧囲壊広庁弾徴恵悪払拝拡択権歓穂隠"
    "雑霊駆変発"
)
