"""Directives: a sentence where an issuer instructs owners to act, in Russian and Kazakh, active and passive.

    Премьер-министр | поручил | МИИЦР и акиматам областей | до 1 марта 2026 года | обеспечить запуск …
    issuer          | trigger | owners (dative)           | deadline            | action (infinitive …)

    Үкімет басшысы | Цифрлық даму министрлігіне | 2026 жылғы 1 наурызға дейін | платформаны іске қосуды | тапсырды
    issuer         | owners (dative)            | deadline                    | action (verbal noun)    | trigger

Not directives: negations (не поручал, тапсырған жоқ), questions, reports of completed orders (поручение
выполнено, тапсырма орындалды), foreign governments' orders, imperfective history (поручал).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...lang.detect import detect_lang
from ...lang.kk_letters import folded_kazakh
from ...lang.ru import is_infinitive, tags
from ...records import Deadline
from .deadlines import find_deadlines

# ------------------------------------------------------------------ Russian triggers
RU_ACTIVE = re.compile(
    r"\b(?P<trig>поручил[аи]?|поручал[аи]?|дал[аи]? (?:ряд |следующие |конкретные |отдельные )?поручени[еяй]|"
    r"поставил[аи]? (?:перед [^.;]{3,60}? )?задач[уи]|обязал[аи]?|потребовал[аи]?|распорядил(?:ся|ась|ись)|"
    r"рекомендовал[аи]?|предписал[аи]?|указал[аи]?(?= [^.;]{0,120}?на необходимость)|дал[аи]? указание|"
    r"вменил[аи]? в обязанность)\b", re.IGNORECASE)
RU_PASSIVE = re.compile(
    r"\b(?P<trig>поручено|поручается|поручаются|поручить|рекомендовать|дано поручение|даны поручения|было поручено|"
    r"рекомендовано|рекомендуется|предписано|надлежит|необходимо|поставлена задача|поставлены задачи|"
    r"обязать|возложить|возложено|возлагается|следует|предстоит|предложено|вменено в обязанность|"
    r"указано на необходимость)\b", re.IGNORECASE)

KK_TRIGGER = re.compile(
    r"(?P<trig>тапсырды|тапсырылды|тапсырылсын|тапсырма берді|тапсырма берілді|тапсырмалар берді|тапсырмалар берілді|"
    r"тапсырмасын берді|тапсырмаларын берді|тапсырмасы берілді|тапсырмалары берілді|"
    r"міндет(?:ін|тер|терді)? қойды|міндеті қойылды|міндеттер қойылды|"
    r"жүктелді|жүктелсін|жүктеді|міндеттелсін|міндеттелді|міндеттеді|ұсынылды|нұсқау берді|нұсқау берілді|"
    r"талап етті|талап етілді|ұсыну енгізді|ұсыну енгізілді|бұйырды|тапсырамын|(?:мынадай\s+)?шешім\s+қабылдады(?=\s*:)|"
    # "Үкіметке … жетілдіру қажеттігін атап өтті": an emphasis is an order only with an addressee (checked below)
    r"қажеттігі(?:н|не)?\s+(?:атап өтті|атап өтілді|ескертті|назар аударды|айтты)|керектігін\s+(?:айтты|атап өтті|ескертті)|"
    r"қажет|керек|тиіс|тапсырған)(?=[\s.,;:!»\"]|$)", re.IGNORECASE)
# the modal triggers need an addressee: without one they state a need, not an order
_KK_MODAL = re.compile(r"^(?:қажет|керек|тиіс|қажеттіг|керектіг)")
# Protocol imperatives end the sentence: "… енгізсін;", "… қамтамасыз етілсін (АШМ, «Аграрлық несие корпорациясы» АҚ)."
# "… ай сайын жүргізсін деп шешілді." reports the decision in the same sentence
KK_IMPERATIVE = re.compile(r"(?P<trig>[а-яәғқңөұүһі]{2,}(?:сын|сін))(?:\s*\((?P<bracket>[^)]{2,160})\))?"
                           r"(?P<decided>\s+деп\s+(?:шешілді|белгіленді|айқындалды|қаулы\s+етілді))?\s*[.;»\"]*\s*$", re.IGNORECASE)

NEGATED_RU = re.compile(r"\bне\s+(?:был[оаи]?\s+)?(?:поручал\w*|поручил\w*|поручено|поручалось|обязывал\w*|рекомендовал\w*|требуется|нужно|"
                        r"надо|следует|необходимо)\b|\bникаких поручений\b|\bни(?:кому|чего) не поруч|\bопроверг\w*|"
                        # hypotheticals: "может быть поручено", "Президент может поручить", "было бы целесообразно поручить"
                        r"\b(?:может|могут|могло бы|было бы|будет|будут)\s+(?:быть\s+|бы\s+)?(?:\w+\s+)?(?:поручен\w*|поручить|"
                        r"рекомендован\w*|обязан\w*)|целесообразно\s+(?:было\s+бы\s+)?поручить|^\s*(?:Возможно|Если|Не исключено)\b",
                        re.IGNORECASE)
NEGATED_KK = re.compile(r"(?:назарға алын|мәліметке алын|"  # "ақпарат назарға алынсын": noted, like "Принять к сведению"
                        r"тапсырған жоқ|тапсырмады|тапсырылмады|жүктелмеді|міндеттелмеді|қажет емес|тапсырма берген жоқ|"
                        r"тапсырма берілген жоқ|тиіс емес|керек емес|(?:керек|қажет) болуы мүмкін)", re.IGNORECASE)
COMPLETED = re.compile(r"(?:поручени\w* (?:[^.;]{0,60} )?(?:выполнен\w*|исполнен\w*|реализован\w*|снят\w* с контроля)|"
                       r"(?:выполнен[оаы]?|исполнен[оаы]?|выполненн\w+|исполненн\w+) поручени\w*|тапсырма\w* (?:[^.;]{0,40} )?орындалды|толық орындалды|"
                       r"орындалғаны туралы|исполнено в полном объеме|поручение (?:было )?отменено|затем (?:это )?поручение (?:было )?отменено|"
                       r"күшін жойды|тапсырған болатын[^.]{0,80}(?:аяқталды|орындалды|іске асырылды)|"
                       r"(?:полностью|уже)\s+(?:завершен\w*|выполнен\w*|реализован\w*)(?!\s+(?:к|до)\s))", re.IGNORECASE)
NEXT_DONE = re.compile(r"^[^.]{0,80}\bдоложил\w*,?\s+что\s+поручени\w*\s+(?:выполнен\w*|исполнен\w*)|"
                       r"^\s*(?:Это|Данное|Указанное|Это же|Оно)?\s*поручени\w*[^.]{0,80}(?:выполнен\w*|исполнен\w*|реализован\w*|отменен\w*|"
                       r"снят\w* с контроля)|^\s*(?:Бұл|Аталған)\s+тапсырма[^.]{0,60}(?:орындалды|орындалған)", re.IGNORECASE)
FOREIGN = re.compile(r"(?:Узбекистан\w*|Кыргызстан\w*|Киргизи\w*|Росси[иия]\w*|РФ\b|Китая?\b|КНР\b|США\b|Сингапур\w*|Эстони\w*|"
                     r"Корея|Кореи|Япони\w*|Германи\w*|Франци\w*|Турци\w*|Азербайджан\w*|Беларус\w*|Белоруссии|Украин\w*|"
                     r"Грузи[ия]|Армени\w*|Таджикистан\w*|Туркменистан\w*|Индии|Великобритани\w*|ОАЭ|"
                     r"Өзбекстан\w*|Қырғызстан\w*|Ресей\w*|Қытай\w*|АҚШ\w*|Сингапур\w*|Эстония\w*|Корея\w*|Жапония\w*|Түркия\w*|"
                     r"Әзірбайжан\w*|Моңғолия\w*|Монголи\w*|Тәжікстан\w*|Түрікменстан\w*|Беларусь\w*|Грузия\w*|Армения\w*)")
# international bodies give no orders to Kazakhstan's bodies: "Еуразиялық экономикалық комиссия … міндеттеді"
_INTERNATIONAL = re.compile(r"^\s*(?:[А-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі]+\s+){0,3}?(?:Еуразиялық экономикалық комиссия\w*|Евразийск\w+ экономическ\w+ комисси\w*|"
                            r"Халықаралық валюта қоры|Международн\w+ валютн\w+ фонд\w*|ХВҚ|МВФ|Дүниежүзілік банк\w*|Всемирн\w+ банк\w*|"
                            r"БҰҰ|ООН|Еуропалық (?:одақ|комиссия)\w*|Европейск\w+ (?:союз|комисси)\w*|Еврокомисси\w*|"
                            r"(?:Коллеги\w+\s+|Совет\w*\s+)?ЕЭК|ЕАЭС|ЕАЭО|ШОС|СНГ|ТМД|ОДКБ|ВТО|ДСҰ|ОЭСР|ЭЫДҰ)")

_ISSUER_HEADS_RU = re.compile(
    r"(?:(?:Премьер-[Мм]инистр\w*|Глав\w* (?:государства|Правительства|МИИЦР|МНЭ|[А-ЯЁ]{2,})|Президент\w*|Вице-премьер\w*|"
    r"Заместител\w* Премьер-[Мм]инистра|[Мм]инистр\w*(?: [а-яё\- ]{0,60}?(?=\s[А-ЯЁ]|$))?|[Аа]ким\w*(?: [А-ЯЁ][а-яё]+\w* (?:области|района|города))?|"
    r"Руководител\w* [А-ЯЁ]\w* [А-Яа-яё]+|Председател\w*(?: [А-Яа-яё]+){0,3}|Государственн\w* советник\w*|"
    r"Цифров\w* штаб\w*|Правительств\w*|Кабмин\w*|Совет\w* Безопасности|Комисси\w*(?: [а-яё]+){0,4}|Штаб\w*|"
    r"Мажилис\w*|Сенат\w*)(?:\s[А-ЯЁ][а-яё]+(?:\s[А-ЯЁ][а-яё]+)?)?|[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(?:ов|ев|ин|ова|ева|ина|ий|ый))")

_KK_ISSUER = re.compile(
    r"(?:Мемлекет басшысы|Үкімет басшысы|Премьер-Министрдің орынбасары(?:\s[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+){0,2}|"
    r"Премьер-Министр(?:\s[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+(?=\s[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+(?:ов|ев|ин|ова|ева|ина)\b)"
    r"\s[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+)?|Президент|Вице-премьер\w*|"
    r"(?:[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+(?:-[а-яәғқңөұүһі]+)?\s)?[а-яәғқңөұүһі ]{0,50}министрі(?:\s[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+){0,2}|[А-ЯӘҒҚҢӨҰҮҺІ]\w+ облысының әкімі(?:\s[А-ЯӘҒҚҢӨҰҮҺІ]\w+){0,2}|"
    r"[А-ЯӘҒҚҢӨҰҮҺІ]\w+ қаласының әкімі(?:\s[А-ЯӘҒҚҢӨҰҮҺІ]\w+){0,2}|Цифрлық штаб\w*|Үкімет|Қауіпсіздік кеңесі|"
    r"(?-i:[А-ЯӘҒҚҢӨҰҮҺІ]{2,5}) басшысы|(?:Облыс|Қала|Аудан|Аймақ|Өңір|Ведомство|Министрлік) (?:әкімі|басшысы)(?:\s[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+){0,2}|Әкім\b|"
    r"Премьер-министр|(?:Вице-)?[Мм]инистр(?:\s[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+){0,2}|"
    r"Олжас Бектенов|[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+(?:-[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+)? [А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+(?:ов|ев|ин|ова|ева|ина))")

# Owner named in the next sentence: "Ответственными определены МИИЦР и МНЭ." / "Жауапты болып … белгіленді."
NEXT_OWNER_RU = re.compile(r"^\s*(?:Ответственн\w+(?: исполнител\w+)?|Исполнител\w+|Ответственность)\s+(?:за [^,.]{3,80}\s+)?"
                           r"(?:определ[её]н\w*|назначен\w*|являются|является|будут|будет|возложена на|возлагается на)\s+(?P<owners>[^.]+)|"
                           r"^\s*(?:Ответственн\w+(?: исполнител\w+)?|Исполнител\w+)\s*[—–-]\s*(?P<dash>[^.]+)",  # "Ответственный — МНЭ."
                           re.IGNORECASE)
NEXT_OWNER_KK = re.compile(r"^\s*(?:(?:Бұл|Осы|Аталған)\s+(?:бағыт|жұмыс|мәселе)\s+бойынша\s+)?"
                           r"(?:Жауапты(?:лар)?(?: орындаушы\w*| орган\w*| мемлекеттік орган\w*)?(?: болып| ретінде)?|Орындаушы\w*(?: ретінде)?)\s+(?P<owners>[^.]+?)\s+"
                           r"(?:белгіленді|айқындалды|тағайындалды|бекітілді)|"
                           # "Жауапты – «Вокзал-сервис» филиалы."
                           r"^\s*(?:Жауапты(?:лар)?(?: орындаушы\w*| орган\w*)?|Орындаушы\w*)\s*[:–—-]\s*(?P<dash>[^.]+)", re.IGNORECASE)
# "Бұл жұмыс Үкіметтің Цифрлық штабына жүктелді." after an order names its owner; it is not an order of its own
OWNER_CARRIER_KK = re.compile(r"^\s*(?:Бұл|Осы|Аталған)\s+(?:жұмыс|тапсырма|міндет)\w*\s+(?P<owners>[^.]+?)\s+жүктелді\s*\.?\s*$", re.IGNORECASE)
OWNER_CARRIER_RU = re.compile(r"^\s*(?:Эта|Данная|Указанная)\s+(?:работа|задача)\s+(?:поручена|возложена\s+на)\s+(?P<owners>[^.]+?)\s*\.?\s*$",
                              re.IGNORECASE)

# Kazakh owner heads in the dative: министрлігіне, әкімдіктеріне, «Қазақтелеком» АҚ-ға, ЖИЦДМ-ге, Мәдиевке.
_KK_DATIVE_END = r"(?:ға|ге|қа|ке|на|не)"
KK_OWNER_HEAD = re.compile(
    rf"^(?:(?:вице-)?министрлі(?:гі|к|ктер)\w*|әкімдіг\w*|әкімдік\w*|әкімдер\w*|әкімі\w*|комитет\w*|агенттіг\w*|агенттік\w*|Үкімет\w*|"
    rf"орган\w*|қорына|қорға|қорымен|қормен|компания\w*|холдинг\w*|банк\w*|кеңсе\w*|басқарма\w*|корпорация\w*|ұйымдар\w*|департамент\w*|"
    rf"(?:вице-)?министр\w*|басшылар\w*|ведомство\w*|ведомстволар\w*|әкімшілі\w*|секторға|секторына|университет\w*|орындар\w*|"
    rf"прокуратура\w*|әуежай\w*|мекеме\w*|операторлар\w*|палата\w*|инспекция\w*|институт\w*|қызметіне|"
    rf"қызметтеріне|директор\w*|басшылығы\w*|орталығ\w*|полиция\w*|кәсіпорн\w*|кәсіпорындар\w*|ассоциация\w*|прокурор\w*|төраға(?:ға|сына|ларына)|академия\w*|филиал\w*|"
    rf"кооператив\w*|резерват\w*|комиссия\w*|"
    rf"(?-i:(?:КеАҚ|[А-ЯӘҒҚҢӨҰҮҺІA-Z]{{2,}})-?(?:{_KK_DATIVE_END}|мен|бен|пен|а|е|ны|ні|ды|ді|ты|ті|нан|нен|дан|ден|тан|тен))|Парламент\w*|Мәжіліс\w*|Сенат\w*|бөлімше\w*|қызметтерден|қызметтерінен|(?-i:[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+(?:ов|ев|ин|ова|ева|ина)(?:қа|ке|ға|ге)))$",
    re.IGNORECASE)
_KK_TITLE = re.compile(r"^(?:Төрағасы|төрағасы|басшысы|орынбасары|кеңесі|министрі|Министр|министр|Вице-министр|вице-министр|"
                       r"Вице-министрі|вице-министрі|Әкім|әкім|әкімі|Президент|Премьер-Министр|Премьер-министр|хатшысы|директоры|"
                       r"Төраға|төраға|Мемлекет|Үкімет басшысы|Аким|аким|Депутат|депутат|депутаты|прокуроры|Прокуроры|"
                       r"Вице-премьер|вице-премьер)$")
_KK_SURNAME = re.compile(r"^[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+(?:ов|ев|ова|ева|ин|ина|ұлы|қызы|баев|бекова)$")
KK_DATIVE = re.compile(rf"(?:{_KK_DATIVE_END}|(?:мен|бен|пен)(?=\s+бірлесіп)|-[аеa])$")
_KK_ACC_END = re.compile(r"(?:ны|ні|ды|ді|ты|ті|ын|ін)$")  # "комитетін", "басқармаларын" (after a possessive)
_KK_ABL_END = re.compile(r"(?:нан|нен|дан|ден|тан|тен)$")
_KK_NOMINATIVE_HEAD = re.compile(r"^(?:министрлігі|әкімдігі|әкімдіктері|әкімдіктер|әкімдері|әкімі|комитеті|агенттігі|холдингі|қоры|"
                                 r"компаниясы|банкі|басқармасы|басқармалары|Үкімет|органдар|органдары|министрліктер|ведомстволар|"
                                 r"компаниялар|компаниялары|ұйымдар|ұйымдары|корпорациясы|операторлары|[Оо]ператорлар|әкімшілері|департаменті|"
                                 r"департаменттері|орталығы|орталықтары|қоғамы|кеңсесі|комиссиясы|комиссиялары|инспекциясы|"
                                 r"прокуратурасы|прокурорлары|академиясы|кооперативтері|Холдинг|холдинг|филиалы|[Кк]әсіпорындар|кәсіпорындары|"
                                 r"мекемелер|мекемелері|[А-ЯӘҒҚҢӨҰҮҺІ]{2,})$")
_KK_ACCUSATIVE = re.compile(r"^(?!(?:кейін|дейін|шейін|үшін|қорытынды|тиісті|қажетті|маңызды|нақты|тұрақты|тиімді|жүйелі|кезекті|түбегейлі|"
                            r"белсенді|ірі|әрі|бері|ары|тағы|қазіргі|бүгінгі|жергілікті|орталықтандырылған|тұрғын|"
                            r"көпқабатты|апатты|қауіпті|ақылды|жасанды|заңды|құнды|сенімді|жарамды|білікті|жауапты|уәкілетті|мүдделі|құзыретті|"
                            r"бағынысты|қатысты|сапалы|қолайлы|пайдалы|"
                            # a stem ending in т/д after a vowel plus the possessive: "қызметі", "мақсаты" (the
                            # accusative would double it: "қызметті")
                            r"[а-яәғқңөұүһі]*[аеиоыіәөұүэя][тд][ыі])$)"
                            r"[а-яәғқңөұүһі]{3,}(?:ны|ні|ды|ді|ты|ті|ын|ін)$")  # adverbs and adjectives that only look accusative
_KK_STOP_LEFT = re.compile(r"^(?:ол|олар|[Бб]арлық|басшысы|Премьер-Министр\w*|Президент\w*|министрі|әкімі|тапсырды|бойынша|барысында|кезінде|"
                           r"отырыста|отырысында|кеңесте|жиында|қорытындысы|сондай-ақ|Сондай-ақ|Сонымен|қатар|Сонымен қатар|"
                           r"Бектенов|Мәдиев|дейін|ішінде|соңына|жылғы|жылдың|жылы|Үкімет басшысы|тапсырмасымен|тапсырмасы|"
                           r"тапсырмасына|шешімімен|шешімі|бастамасымен|басшысының|қаулысымен|хаттамасымен|сәйкес|орай|байланысты|"
                           r"қарамастан|кейін|соң|кезде)$")


@dataclass
class DirectiveDraft:
    issuer: str | None
    owners: list[str]
    action: str
    deadline: Deadline | None
    sentence_start: int
    sentence_end: int
    lang: str
    owners_from_next: bool = False
    extras: dict = field(default_factory=dict)


# ------------------------------------------------------------------ shared helpers
def _is_non_directive(text: str, lang: str) -> bool:
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    if COMPLETED.search(text):
        return True
    if lang == "kk":
        return bool(NEGATED_KK.search(text))
    return bool(NEGATED_RU.search(text))


_AUTHORITY_RU = (r"(?:[Пп]равительств\w*|[Пп]резидент\w*|[Пп]ремьер\S*|власт\w*|сторон\w*|министерств\w*|парламент\w*|кабинет\w*|"
                 r"руководств\w*|[Цц]ентральн\w* банк\w*|[Нн]ацбанк\w*|[Нн]ациональн\w* банк\w*|регулятор\w*|"
                 r"[Гг]оссовет\w*|Госдум\w*|Мин[а-яё]{3,}\w*)")
_AUTHORITY_KK = (r"(?:Үкімет\w*|үкімет\w*|тарап\w*|басшы\w*|билі\w*|министрлі\w*|парламенті\w*|Президенті\w*|[Оо]рталық банкі\w*|"
                 r"Министрлер [Кк]абинеті\w*|[Пп]ремьер-министрі\w*)")
# "Өзбекстан Үкіметі", "власти Китая", "Правительство России", "В Узбекистане поручили", "Китайская сторона"
_FOREIGN_ISSUER = re.compile(
    rf"{FOREIGN.pattern}(?:\s+\S+){{0,3}}?\s+(?:{_AUTHORITY_KK}|{_AUTHORITY_RU})|{_AUTHORITY_RU}(?:\s+\S+){{0,2}}?\s+{FOREIGN.pattern}|"
    rf"^\s*(?:В|Во)\s+{FOREIGN.pattern}|^\s*{FOREIGN.pattern}(?:да|де|та|те|нда|нде)\b|"
    r"(?i:китайск|российск|узбекск|кыргызск|киргизск|турецк|американск|корейск|японск|немецк|французск|белорусск|"
    r"таджикск|туркменск|азербайджанск)\w*\s+(?:сторон|правительств|власт|министерств|ведомств|компани|железн)\w*")


def _foreign_issuer(prefix: str) -> bool:
    """A foreign government gives the order ("Өзбекстан Үкіметі … тапсырған", "Китайская сторона поручила") — not a
    foreign country merely named in a Kazakh directive ("Қытаймен шекаралық өткелдердегі …"). Kazakhstan named before
    the foreign body makes it a joint order ("Главы правительств Казахстана и России поручили"); named after it, it is
    only the object ("Өзбекстан Үкіметі … Қазақстанға рейстер санын көбейтуді тапсырған")."""
    if _INTERNATIONAL.match(prefix):
        return True
    m = _FOREIGN_ISSUER.search(prefix)
    return bool(m) and not re.search(r"Казахстан|Қазақстан", prefix[: m.start()])


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _clean(text: str) -> str:
    text = text.strip(" ,;:—–-()")
    if text.startswith(("«", '"')) and text.count("«") <= text.count("»") and not text.endswith(("»", '"')):
        pass
    elif text.startswith("«") and text.count("»") < text.count("«"):
        text = text[1:]
    if text.endswith("»") and text.count("«") < text.count("»"):
        text = text[:-1]
    return text.strip()


# ------------------------------------------------------------------ Russian
_RU_WORD = re.compile(r"«[^»]{1,80}»|\"[^\"]{1,80}\"|[А-Яа-яЁёA-Za-z0-9]+(?:[-.][А-Яа-яЁёA-Za-z0-9]+)*\.?")
_RU_SPLIT_OWNERS = re.compile(r",\s+|\s+и\s+|\s+а также\s+|\s+совместно с\s+|\s+с участием\s+|\s+при участии\s+")
# A chunk after "и" / "," starts a new owner only if it names a body or a person; otherwise it continues the
# previous owner: "Министерством труда и социальной защиты населения", "акиматами Карагандинской и Павлодарской областей".
_ORG_NOUN = re.compile(
    r"(?:министерств|министр|минист|ведомств|орган|комитет|агентств|фонд|холдинг|компани|банк|управлени|департамент|"
    r"правительств|организаци|штаб|комисси|совет|центр|сектор|квазигос|университет|служб|аппарат|канцеляри|акимат|аким|"
    r"администраци|глав|руководител|предприяти|корпораци|оператор|палат|суд|прокуратур|парламент|мажилис|сенат|вуз|"
    r"школ|больниц|поликлиник|полици|инспекци|национальн|филиал|дирекци|институт)\w*", re.IGNORECASE)
_NOT_OWNER_START = frozenset("до в во к ко с со по на за от для при после о об не ни также всем всех этом этого "
                             "срок сроки течение конца".split())
_ORG_PREFIX = re.compile(r"^(?:АО|НАО|ТОО|РГП|НПП|НК|АОО|ГУ|РГУ|ФНБ|НУХ|АҚ|КЕАҚ|ЖШС)\b")


def _can_be(word: str, case: str) -> bool:
    return case in tags(word)


def _names_body(chunk: str) -> bool:
    if _ORG_PREFIX.match(chunk.strip()) or "«" in chunk or _ORG_NOUN.search(chunk):
        return True
    if re.search(r"\b[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(?:ову|еву|ину|ой|ому|ыму)\b", chunk):
        return True  # "Жаслану Мадиеву"
    return any(re.fullmatch(r"[А-ЯЁA-Z]{2,}[а-яё]{0,3}|Мин[а-яё]{2,}", w.group()) for w in _RU_WORD.finditer(chunk))


def _starts_owner(chunk: str, case: str) -> bool:
    chunk = chunk.strip()
    if not chunk:
        return False
    if _ORG_PREFIX.match(chunk) or chunk.startswith(("«", '"')):
        return True
    first = _RU_WORD.match(chunk)
    if not first:
        return False
    w = first.group()
    if w.lower() in _NOT_OWNER_START:
        return False
    if re.fullmatch(r"[А-ЯЁA-Z]{2,}[а-яё]{0,3}", w):  # МИИЦР, МНЭ, МВД, МЧС; "Минфину" is handled by morphology
        return True
    if re.fullmatch(r"Мин[а-яё]{2,}", w):  # Минфин, Минздрав, Минпросвещения, Минтранс: not in the dictionary
        return True
    return _can_be(w, case) or (case == "datv" and _can_be(w, "datv"))


def _split_owners(region: str, case: str) -> list[str]:
    """'МИИЦР и акиматам городов Астаны, Алматы и Шымкента' → ['МИИЦР', 'акиматам городов Астаны, Алматы и Шымкента']."""
    region = _clean(region)
    if not region:
        return []
    parts: list[str] = []
    pos = 0
    pieces: list[tuple[str, str]] = []  # (separator before, chunk)
    sep_before = ""
    for m in _RU_SPLIT_OWNERS.finditer(region):
        pieces.append((sep_before, region[pos:m.start()]))
        sep_before = m.group()
        pos = m.end()
    pieces.append((sep_before, region[pos:]))
    chunk_case = case
    for sep, chunk in pieces:
        if sep.strip().startswith(("совместно", "с участием", "при участии")):
            chunk_case = "ablt"  # co-executors: "совместно с МНЭ и акиматами" — they own the task too
        listing = parts and re.search(r"\b(?:городов|областей|районов|регионов|министерств)\b", parts[-1])
        if listing and re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-Яа-яё]+)?", chunk.strip()):
            parts[-1] = parts[-1] + sep + chunk  # "акиматам городов Астаны, Алматы и Шымкента" is one owner
            continue
        if not parts and chunk.strip().split()[:1] and chunk.strip().split()[0].lower() in _NOT_OWNER_START:
            continue
        if not parts or (_starts_owner(chunk, chunk_case) and _names_body(chunk)):
            parts.append(chunk)
        else:
            parts[-1] = parts[-1] + sep + chunk
    return [p for p in (_clean(x) for x in parts) if p and len(p) > 1]


_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:Также|Кроме того|Помимо этого|При этом|В частности|Так|В связи с этим|Вместе с тем|В то же время|Одновременно|"
    r"В этой связи|Подводя итоги|В завершение(?: совещания| заседания)?|"
    r"По итогам (?:заседания|совещания|встречи|рассмотрения|обсуждения|рабочей поездки)(?: (?:Правительства|Цифрового штаба|"
    r"штаба|комиссии|Совета безопасности))?|На (?:заседании|совещании)(?: [А-Яа-яё]+)?)[,]?\s+)+", re.IGNORECASE)


def _first_infinitive(text: str) -> re.Match | None:
    for m in _RU_WORD.finditer(text):
        if is_infinitive(m.group()):
            return m
    return None


def _ru_issuer(prefix: str) -> str | None:
    candidates = list(_ISSUER_HEADS_RU.finditer(prefix))
    if not candidates:
        return None
    last = candidates[-1]
    # "Премьер-министр Олжас Бектенов": keep a title with the name that follows it
    return _clean(last.group())


def _strip_deadlines(text: str, deadlines: list[Deadline], base: int) -> str:
    out = text
    for d in sorted(deadlines, key=lambda d: -(d.start or 0)):
        if d.start is None or d.end is None:
            continue
        s, e = d.start - base, d.end - base
        if 0 <= s < e <= len(out):
            lead = re.search(r"(?:\b(?:в срок до|в срок|не позднее|до|к|по)\s*)$", out[:s], re.IGNORECASE)
            if lead:
                s = lead.start()
            out = out[:s] + " " + out[e:]
    out = re.sub(r"\b(?:в срок|не позднее|в срок до|срок[ао]?м? до)\b\s*(?=[\s,]|$)", " ", out)
    return re.sub(r"\s{2,}", " ", out)


def _action_from(text: str) -> str:
    text = re.split(r"\s*;\s*|\.\s*$", text)[0]
    return re.sub(r"[\s,]+(?:и|а)$", "", _clean(text))[:300]


_TIME_WORDS = re.compile(r"^(?:\d+\w*|году|года|г\.|квартале|полугодии|месяце|конца|начала|середины|числа|не|позднее|"
                        r"январ\w+|феврал\w+|март\w*|апрел\w+|ма[яе]|июн\w+|июл\w+|август\w*|сентябр\w+|октябр\w+|ноябр\w+|декабр\w+|"
                        r"текущего|следующего|этого|[IV]+)$", re.IGNORECASE)


def _starts_instruction(text: str) -> bool:
    """"ежемесячно представлять …", "в 2026 году провести …", "обеспечить …": an infinitive within four words,
    after nothing but adverbs, prepositions and time words — "и городов к интернету" is not a second instruction."""
    for i, w in enumerate(_RU_WORD.finditer(text)):
        word = w.group()
        if i >= 5:
            return False
        if is_infinitive(word):
            return True
        t = tags(word)
        if not ("ADVB" in t or "PREP" in t or "NUMR" in t or _TIME_WORDS.match(word)):
            return False
    return False


def _ru_segments(rest: str) -> list[tuple[int, str]]:
    """Split what follows the trigger into separate instructions: ';', '1) … 2) …', ', а также', and "… и
    ежемесячно представлять", ", а в 2026 году провести" (a second infinitive joined by "и"/"а")."""
    bounds = [0]
    for m in re.finditer(r";\s*|\s(?=\d\)\s)|,\s+а\s+также\s+(?=\S)|:\s*(?=\d\)|—\s)|,\s+а\s+(?=[^,;]{1,120}?\s—\s)", rest):
        bounds.append(m.end())
    first_inf = _first_infinitive(rest)
    if first_inf:
        for m in re.finditer(r"\s+и\s+(?!также)|,\s+а\s+(?!также)", rest):
            if m.start() > first_inf.end() and _starts_instruction(rest[m.end():]):
                bounds.append(m.end())
    bounds = sorted(set(bounds))
    bounds.append(len(rest))
    segments = []
    for a, b in zip(bounds, bounds[1:]):
        if rest[a:b].strip():
            segments.append((a, rest[a:b]))
    return segments


def _ru_directives(text: str, start: int, doc_date: str | None) -> list[DirectiveDraft]:
    if _is_non_directive(text, "ru") or _KK_CAPTION.match(text) or re.match(r"^\s*(?:Фото|Видео)\s*[:|]", text):
        return []
    quoted = _ru_quoted(text, start, doc_date)
    if quoted:
        return quoted
    trig = RU_ACTIVE.search(text)
    passive = None
    if not trig:
        passive = RU_PASSIVE.search(text)
        if not passive:
            return _ru_protocol_item(text, start, doc_date)
    m = trig or passive
    prefix = text[: m.start()]
    if _foreign_issuer(prefix):
        return []
    if re.match(r"потребовал|рекомендова", m.group("trig"), re.IGNORECASE) and _RU_NOT_AUTHORITY.search(prefix):
        return []
    deadlines = find_deadlines(text, doc_date, offset=start)
    trig_word = m.group("trig").lower()
    owner_case = "accs" if trig_word.startswith(("обязать", "обязал")) else "datv"
    issuer = _ru_issuer(prefix) if trig else None
    if passive:
        by = re.search(r"по поручению ([^,]+)", text)
        issuer = _clean(by.group(1)) if by else None

    rest_offset = m.end()
    rest = text[rest_offset:]
    # Passive/impersonal forms put the owners before the trigger: "МИИЦР поручено …", "Акиматам необходимо …".
    pre_owners: list[str] = []
    if passive:
        clause = _strip_deadlines(prefix, [d for d in deadlines if (d.start or 0) < start + m.start()], start)
        clause = re.split(r"[:;]\s", clause)[-1]
        clause = _LEADING_ADVERBIAL.sub("", clause.strip())
        clause = re.sub(r"\s+(?:также|еще|ещё|дополнительно|вновь|повторно)$", "", clause.strip(), flags=re.IGNORECASE)
        if not _starts_owner(clause, owner_case):
            clause = re.split(r"[,—]\s", clause)[-1].strip()
        if not (_starts_owner(clause, owner_case) and _names_body(clause)):
            # "На первом совещании в новом статусе МИИЦР поручено", "что по итогам обсуждения Правительству поручается"
            for w in _RU_WORD.finditer(clause):
                before = clause[: w.start()].split()
                if before and before[-1].lower() in {"в", "во", "на", "при", "с", "со", "о", "об", "из", "от", "для", "у"}:
                    continue  # "в Министерстве …" is a place, not an addressee
                if _names_body(w.group()) and _starts_owner(clause[w.start():], owner_case):
                    clause = clause[w.start():]
                    break
        if clause and _starts_owner(clause, owner_case) and not re.search(r"\b(?:был[оа]?|будет)\s*$", clause):
            pre_owners = _split_owners(clause, owner_case)
        if trig_word in {"необходимо", "следует", "надлежит", "предстоит", "предложено"} and not pre_owners:
            # impersonal obligation is a directive only with an addressee ("МНЭ необходимо …"); "долю … необходимо
            # увеличить до 80%" is a target, not an instruction
            after = rest.strip().split(" ", 1)[0] if rest.strip() else ""
            if not deadlines or is_infinitive(after) and not _names_body(rest[: rest.find(after) + 60]):
                return []
        if trig_word == "возложить" or trig_word.startswith("возлож"):
            on = re.search(r"\bна\s+(.+?)(?:\s+(?:обязанност\w*|ответственност\w*|функци\w*|контроль)|$)", rest)
            if on:
                pre_owners = _split_owners(on.group(1), "accs")

    drafts: list[DirectiveDraft] = []
    shared_owners: list[str] = pre_owners
    segments = _ru_segments(rest)
    for seg_off, seg in segments:
        inf = _first_infinitive(seg)
        if not inf:
            continue
        owner_region = seg[: inf.start()]
        seg_deadlines = [d for d in deadlines if d.start is not None
                         and start + rest_offset + seg_off <= d.start < start + rest_offset + seg_off + len(seg)]
        owner_region = _strip_deadlines(owner_region, seg_deadlines, start + rest_offset + seg_off)
        owner_region = re.sub(r"^\s*(?:а\s+)?(?:также|в том числе|следующее|следующие)?\b", "", owner_region.strip(), flags=re.IGNORECASE)
        owner_region = re.sub(r"\s+—\s*$", "", owner_region)
        owner_region = re.sub(r"\s*на необходимость\s*$", "", owner_region)
        if trig_word.startswith("указал") and not owner_region.strip():
            continue  # "указал на необходимость …" with no addressee is an opinion, not an instruction
        owners = _split_owners(owner_region, owner_case) if owner_region.strip(" ,:—-") else []
        owners = [o for o in owners if not re.fullmatch(r"(?:\d\)|[а-я]\)|—|-)", o)]
        if owners:
            shared_owners = owners if not pre_owners else pre_owners + owners
        action_text = seg[inf.start():]
        action_text = _strip_deadlines(action_text, seg_deadlines, start + rest_offset + seg_off + inf.start())
        deadline = seg_deadlines[0] if seg_deadlines else None
        if deadline is None:
            # a deadline elsewhere in the sentence (before the trigger, or shared) applies to every instruction, and
            # so does one standing before the first instruction's verb ("до 1 сентября завершить … и обеспечить …")
            outside = [d for d in deadlines if d.start is not None and not any(
                start + rest_offset + o <= d.start < start + rest_offset + o + len(s) for o, s in segments)]
            head_inf = _first_infinitive(segments[0][1]) if segments else None
            lead = [d for d in deadlines if head_inf is not None and d.start is not None and not d.recurrence
                    and start + rest_offset + segments[0][0] <= d.start < start + rest_offset + segments[0][0] + head_inf.start()]
            single = len(deadlines) == 1 and len(segments) == 1
            deadline = outside[0] if outside else lead[0] if lead else (deadlines[0] if single else None)
        drafts.append(DirectiveDraft(issuer=issuer, owners=list(owners or shared_owners), action=_action_from(action_text),
                                     deadline=deadline, sentence_start=start, sentence_end=start + len(text), lang="ru"))
    # Fill owners backwards for segments that came before their owners were named.
    for d in drafts:
        if not d.owners and shared_owners:
            d.owners = list(shared_owners)
    return drafts


_RU_SPEECH = re.compile(r"(?:сказал|подчеркнул|отметил|заявил|поручил|добавил|резюмировал|потребовал|обратил\w* внимание)\w*", re.IGNORECASE)
_RU_ADDRESSEE = re.compile(r"\b(?:обращаясь|обратил(?:ся|ась))\s+к\s+(?P<to>[^,:.«»]+)", re.IGNORECASE)
# demands and advice of deputies, experts or residents are no orders: "сенатор потребовал от Минздрава …"
_RU_NOT_AUTHORITY = re.compile(r"\b(?:депутат\w*|сенатор\w*|эксперт\w*|жител\w*|граждан(?:е|ам|ами)?|активист\w*|профсоюз\w*)\b",
                               re.IGNORECASE)
_RU_VOCATIVE = re.compile(r"^\s*(?:(?:Уважаемые|Коллеги|Дорогие)\s+)?(?P<v>(?:[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна))|"
                          r"(?<=Уважаемые\s)[а-яё]+(?:\s[а-яё]+)?|(?<=Дорогие\s)[а-яё]+)\s*,")
_RU_IMPERATIVE = re.compile(r"\b(?:не\s+)?[а-яё]{3,}(?:ите|йте|ьте)\b", re.IGNORECASE)


def _ru_quoted(text: str, start: int, doc_date: str | None) -> list[DirectiveDraft]:
    """Orders said in a quote: "«Обеспечьте …», – сказал Премьер-министр, обращаясь к акимам.", "Глава государства:
    «Поручаю Правительству …».", "«Пусть Министерство … выплатит …», – сказал …". The speaker must be an authority;
    the listeners (after "обращаясь к", after the speech verb, or called in the quote) own an imperative."""
    opened, closed = text.find("«"), text.rfind("»")
    if opened < 0 or closed <= opened:
        return []
    q_at, q = opened + 1, text[opened + 1:closed]
    before, after = text[:opened], text[closed + 1:]
    said_after = re.match(r"\s*,?\s*[–—-]\s*(?P<v>" + _RU_SPEECH.pattern + r")\s+(?P<who>[^.]*)", after)
    said_before = re.search(r":\s*$", before)
    if not (said_after or said_before):
        return []
    speaker = said_after.group("who") if said_after else before
    issuer = _ru_issuer(re.split(r",\s*обращаясь", speaker)[0])
    if not issuer or _foreign_issuer(speaker):
        return []
    listeners: list[str] = []
    to = _RU_ADDRESSEE.search(before + " " + after)
    if to:
        listeners = _split_owners(to.group("to"), "datv")
    elif said_after and said_after.group("v").lower().startswith("поручил"):
        tail = said_after.group("who")[len(issuer) if said_after.group("who").startswith(issuer) else 0:]
        listeners = _split_owners(tail.strip(" ,"), "datv") if tail.strip(" ,") else []
    q_body = re.sub(r"^(?:Пусть|Поручаю|Требую\s+от)\s+", "", q.strip())
    inner = []
    if re.match(r"\s*Поручаю\b", q):
        inner = _ru_directives("Поручил " + q_body, start + q_at - len("Поручил ") + (len(q) - len(q.lstrip())) + len("Поручаю "), doc_date)
    elif re.match(r"\s*(?:Пусть\b|[А-ЯЁ]\w+(?:\s+\S+){0,4}?\s+должн\w+\s)", q) or re.match(r"\s*Требую\s+от\b", q):
        inf = _first_infinitive(q_body) or next((w for w in _RU_WORD.finditer(q_body)
                                                 if "VERB" in tags(w.group()) and "3per" in tags(w.group())), None)
        subject = q_body[: inf.start()] if inf else ""
        subject = _strip_deadlines(subject, find_deadlines(subject, doc_date, offset=0), 0)
        subject = re.sub(r"\s+(?:должн\w+|лично|обязательно)\b.*$", "", subject).strip(" ,")
        owners = _split_owners(subject, "gent" if q.lstrip().startswith("Требую") else "nomn") if subject else []
        owners = owners or listeners
        if inf and owners:
            deadlines = find_deadlines(q, doc_date, offset=start + q_at)
            inner = [DirectiveDraft(issuer=None, owners=owners, action=_action_from(q_body[inf.start():]),
                                    deadline=deadlines[0] if deadlines else None, sentence_start=start,
                                    sentence_end=start + len(text), lang="ru")]
    elif _RU_IMPERATIVE.search(q) and any("impr" in tags(m.group().split()[-1]) for m in _RU_IMPERATIVE.finditer(q)):
        vocative = _RU_VOCATIVE.match(q)
        called = [vocative.group("v")] if vocative else []
        deadlines = find_deadlines(q, doc_date, offset=start + q_at)
        action = _strip_deadlines(q[vocative.end() if vocative else 0:], deadlines, start + q_at + (vocative.end() if vocative else 0))
        inner = [DirectiveDraft(issuer=None, owners=called + listeners, action=_action_from(action),
                                deadline=deadlines[0] if deadlines else None, sentence_start=start,
                                sentence_end=start + len(text), lang="ru")]
    elif re.search(r"\b(?:нужно|необходимо|надо|следует)\b", q) and listeners:
        deadlines = find_deadlines(q, doc_date, offset=start + q_at)
        inner = [DirectiveDraft(issuer=None, owners=listeners, action=_action_from(_strip_deadlines(q, deadlines, start + q_at)),
                                deadline=deadlines[0] if deadlines else None, sentence_start=start,
                                sentence_end=start + len(text), lang="ru")]
    for d in inner:
        d.issuer = issuer
        d.owners = d.owners or listeners
        d.sentence_start, d.sentence_end = start, start + len(text)
    return inner


_MODAL = frozenset("должен должна должно должны может могут можно нельзя будет будут".split())
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}[.)]|[а-я]\)|[—•\-–*])\s*")


def _ru_protocol_item(text: str, start: int, doc_date: str | None) -> list[DirectiveDraft]:
    """Protocol decisions have no trigger word: "1) МИИЦР совместно с МФ до 1 июля 2026 года запустить …;",
    "Центральным и местным исполнительным органам обеспечить …". The sentence opens with the owners (dative or an
    abbreviation) and its first verb is an infinitive."""
    body_start = _ENUMERATOR.match(text)
    offset = body_start.end() if body_start else 0
    body = text[offset:]
    if body.startswith(("«", '"')) or not (_starts_owner(body, "datv")
                                          and _names_body(body.split(" ", 3)[0] + " " + " ".join(body.split(" ", 3)[1:3]))):
        return []
    inf = _first_infinitive(body)
    if not inf or inf.start() > 160:
        return []
    for w in _RU_WORD.finditer(body[: inf.start()]):
        t = tags(w.group())
        if "VERB" in t or "PRTS" in t or w.group().lower() in _MODAL:
            return []  # a finite verb or a modal first ("должен быть", "может стать"): a statement, not an instruction
    deadlines = find_deadlines(text, doc_date, offset=start)
    region = _strip_deadlines(body[: inf.start()], [d for d in deadlines if (d.start or 0) < start + offset + inf.start()],
                              start + offset)
    owners = _split_owners(region, "datv")
    if not owners:
        return []
    action = _strip_deadlines(body[inf.start():], [d for d in deadlines if (d.start or 0) >= start + offset + inf.start()],
                              start + offset + inf.start())
    return [DirectiveDraft(issuer=None, owners=owners, action=_action_from(action), deadline=deadlines[0] if deadlines else None,
                           sentence_start=start, sentence_end=start + len(text), lang="ru")]


# ------------------------------------------------------------------ Kazakh
_KK_WORD = re.compile(r"«[^»]{1,80}»(?:\s?[А-ЯӘҒҚҢӨҰҮҺІA-Z]{2,}-?\w*)?|[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


def _kk_owners(region: str, case: str = "dat") -> list[str]:
    """Owner noun phrases (dative by default; accusative for "міндеттеді", ablative for "талап етті"): extend each
    head leftwards over its modifiers, stopping at titles and names of the issuer."""
    tokens = list(_KK_WORD.finditer(region))
    owners: list[tuple[int, int]] = []
    i = 0
    def is_head(j: int) -> bool:
        w = tokens[j].group().split()[-1]  # "«Қазақтелеком» АҚ-ға" is one token: its last word carries the case
        if (case == "dat" and j >= 2 and re.fullmatch(r"[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]{2,}(?:ға|ге|қа|ке)", w)
                and re.fullmatch(r"[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+", tokens[j - 1].group()) and _KK_TITLE.match(tokens[j - 2].group())):
            return True  # "облыс әкімі Дархан Сатыбалдыға": a person after the title, whatever the surname's ending
        if not KK_OWNER_HEAD.search(w):
            return False
        if re.search(r"(?:мен|бен|пен)$", w):  # "Қаржы министрлігімен бірлесіп": a co-executor
            return j + 1 < len(tokens) and tokens[j + 1].group().lower().startswith(("бірлес", "бірге"))
        if (case == "dat" and j + 1 < len(tokens)
                and re.fullmatch(r"[а-яәғқңөұүһі]{3,}(?:атын|етін|йтын|йтін)", tokens[j + 1].group())):
            return False  # "медициналық ұйымдарға төленетін шығындарды": a dative inside a participle's clause
        if case == "acc":
            return bool(_KK_ACC_END.search(w)) and w.lower() not in {"бірқатарды"}
        if case == "abl":
            return bool(_KK_ABL_END.search(w))
        return bool(KK_DATIVE.search(w))

    heads = [j for j in range(len(tokens)) if is_head(j)]
    # a dative after the first accusative object is part of the action ("ақпаратты Цифрлық штабқа ұсыну")
    def object_at(j: int) -> bool:
        # an accusative object — unless it sits inside a body's name: "Қаржы нарығын реттеу және дамыту агенттігіне"
        if not _KK_ACCUSATIVE.match(tokens[j].group()) or KK_OWNER_HEAD.search(tokens[j].group()):
            return False
        # "… табиғатты пайдалану және ауылдық аумақтарды дамыту комитетіне": a head within a few words after a verbal noun
        window = [t.group() for t in tokens[j + 1:j + 8]]
        head_at = next((i for i, w in enumerate(window) if KK_OWNER_HEAD.search(w)), None)
        inside = window[:head_at] if head_at is not None else []
        # a name's words are lower-case, and each object inside it is governed by the next word, a verbal noun
        return not (head_at is not None and any(w.endswith("у") for w in inside)
                    and all((not KK_DATIVE.search(w) or w.lower() == "және") and w[:1].islower() for w in inside)
                    and all(not _KK_ACCUSATIVE.match(w) or i + 1 < len(inside) and inside[i + 1].endswith("у")
                            for i, w in enumerate(inside)))

    first_acc = next((j for j in range(len(tokens)) if object_at(j)), None)
    action_end = -1  # owners named after the action start after its verbal noun
    if first_acc is not None and case == "dat":
        def co_executor(j: int) -> bool:  # "… Еңбек министрлігімен бірлесіп": named with the owner, wherever it stands
            return bool(re.search(r"(?:мен|бен|пен)$", tokens[j].group()))
        before = [j for j in heads if j < first_acc]
        # "… бақылауды әкімнің орынбасары Асқар Жұмабековке жүктеді": a dative right before the verb is the owner;
        # "… жоспарын әзірлеу Энергетика министрлігіне … бірлесіп жүктелді": so are those after the verbal noun
        verbal_nouns = [m for m in range(len(tokens)) if re.fullmatch(r"[а-яәғқңөұүһі]{3,}[ую]", tokens[m].group())
                        and not (m + 1 < len(tokens) and KK_OWNER_HEAD.search(tokens[m + 1].group()))]  # "… даму министрлігіне"
        after_action = [j for j in heads if verbal_nouns and j > verbal_nouns[-1] > first_acc]
        last = ([j for j in heads if j == len(tokens) - 1] or after_action) if not before else []
        if last and last == after_action:
            action_end = verbal_nouns[-1]
        heads = sorted(set(before + last + [j for j in heads if j > first_acc and co_executor(j) and before]))
    for j in heads:
        k = j
        while k - 1 > action_end:
            prev = tokens[k - 1].group()
            between = region[tokens[k - 1].end():tokens[k].start()]
            if ";" in between or ":" in between:
                break
            if "," in between and not (prev[0].isupper() and tokens[k].group()[0].isupper()):
                # a comma ends the owner, except inside a list of names: "Түркістан, Жамбыл және Қызылорда облыстарының",
                # "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігіне" (the list closes with "және")
                inner = [t.group().lower() for t in tokens[k:j]]
                if not ("және" in inner and j - k <= 8 and "," not in region[tokens[k].start():tokens[j].start()]):
                    break
            place = re.match(r"(?:қаласы|қалалары|ауданы|аудандары|облысы)", tokens[k].group())  # "Сәтбаев қаласы" is a town
            if (_KK_STOP_LEFT.match(prev) or re.fullmatch(r"\d+\w*", prev) or _KK_TITLE.match(prev)
                    or _KK_SURNAME.match(prev) and not place):
                break
            if (k >= 3 and all(re.fullmatch(r"[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]{2,}(?:-[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+)?", w)
                                and not KK_OWNER_HEAD.search(w) for w in (prev, tokens[k - 2].group()))
                    and _KK_TITLE.match(tokens[k - 3].group())
                    and tokens[k].group()[:1].islower() and tokens[k].group() not in {"және", "мен", "бен", "пен"}
                    and "," not in region[tokens[k - 2].end():tokens[k].start()]):
                break  # "Қала әкімі Жеңіс Қасымбек тұрғын үй инспекциясына": the issuer's name is not the owner's
            if tokens[k].group().startswith("«") and prev[:1].isupper() and not prev.startswith("«") and "," not in between:
                break  # "Роман Скляр «Қазақстан темір жолы» ҰК» АҚ-ға": a quoted company's name starts at its quote
            if prev.lower() in {"және", "мен", "бен", "пен"}:
                # "A министрлігіне және B әкімдіктеріне": "және" separates two owners, unless it sits inside a name
                if k - 2 >= 0 and KK_DATIVE.search(tokens[k - 2].group()) and KK_OWNER_HEAD.search(tokens[k - 2].group()):
                    break
                k -= 1
                continue
            if owners and tokens[k - 1].start() < owners[-1][1]:
                break
            if KK_OWNER_HEAD.search(prev) and KK_DATIVE.search(prev):
                break
            in_name = any(t.group().endswith("у") for t in tokens[k:j])  # "халықты әлеуметтік қорғау министрлігіне"
            if (_KK_ACCUSATIVE.match(prev) and not in_name
                    or re.search(r"(?:да|де|та|те|нда|нде)$", prev) and not prev[0].isupper() and len(prev) > 4):
                break  # an object or a locative ("Кеңес қорытындысында") is not part of the owner's name
            k -= 1
            if j - k >= 12:
                break
        i = k
        owners.append((tokens[i].start(), tokens[j].end()))
    result = []
    for s, e in owners:
        text = _clean(region[s:e])
        text = re.sub(r"^(?:және|мен|бен|пен|сондай-ақ|ал)\s+", "", text)
        if text:
            result.extend(_split_kk_conjoined(text))
    return result


def _kk_has_head(text: str) -> bool:
    # "ҚР" is the country's prefix of a name ("ҚР Су ресурстары және ирригация министрлігі"), not a body
    return any(KK_OWNER_HEAD.search(w) or _KK_NOMINATIVE_HEAD.match(w) for w in text.split() if w not in {"ҚР", "РК"})


def _split_kk_conjoined(text: str) -> list[str]:
    """"Денсаулық сақтау министрлігі мен облыс әкімдіктеріне" → two owners, "ЖИЦДМ, «Қазақтелеком» АҚ және облыс
    әкімдіктеріне" → three; "Жасанды интеллект және цифрлық даму министрлігіне" and "Түркістан, Жамбыл және Қызылорда
    облыстарының әкімдіктеріне" stay one (their left parts name no body: only the last conjunct carries the head)."""
    parts = re.split(r",\s+|\s+(?:мен|бен|пен|және)\s+", text)
    if len(parts) < 2:
        return [text]
    out: list[str] = []
    for part in parts:
        if out and not _kk_has_head(out[-1]):
            out[-1] = text[text.find(out[-1]):text.find(part, text.find(out[-1]) + len(out[-1])) + len(part)]
        else:
            out.append(part)
    return [o for o in out if o]


def _kk_nominative_head(token: str) -> bool:
    # "«Самұрық-Энерго» АҚ" is one token: its last word is the head
    return bool(_KK_NOMINATIVE_HEAD.match(token.split()[-1]))


def _kk_nominative_owners(region: str) -> list[str]:
    """Owners as subjects of "міндеттелсін" / "етсін": "Оқу-ағарту министрлігі … міндеттелсін", and lists of them:
    "ЦДИАӨМ мен «Азаматтарға арналған үкімет» мемлекеттік корпорациясы … қамтамасыз етсін"."""
    tokens = list(_KK_WORD.finditer(region))
    for j, t in enumerate(tokens):
        if not _kk_nominative_head(t.group()):
            continue
        k = j
        while k > 0 and j - k < 7:
            prev = tokens[k - 1].group()
            # an object inside a body's name is governed by the verbal noun after it: "монополияларды реттеу комитеті"
            object_in_name = _KK_ACCUSATIVE.match(prev) and re.fullmatch(r"[а-яәғқңөұүһі]{3,}[ую]", tokens[k].group())
            if (_KK_STOP_LEFT.match(prev) or _KK_ACCUSATIVE.match(prev) and not object_in_name
                    or prev.endswith(("да", "де")) and not prev[0].isupper() or re.fullmatch(r"\d+\w*", prev)):
                break
            if "," in region[tokens[k - 1].end():tokens[k].start()] and not (prev[0].isupper() and tokens[k].group()[0].isupper()):
                break  # "Бұдан бөлек, облыстық білім басқармалары"
            k -= 1
        last = j
        # the list goes on while a conjunction or a comma right after a head leads to another head within a few words
        while last + 1 < len(tokens):
            joined = tokens[last + 1].group().lower() in {"мен", "бен", "пен", "және"}
            if not joined and "," not in region[tokens[last].end():tokens[last + 1].start()]:
                break
            nxt = None
            for m in range(last + 1 + joined, min(last + 7 + joined, len(tokens))):
                w = tokens[m].group()
                if _kk_nominative_head(w):
                    nxt = m
                    break
                if _KK_ACCUSATIVE.match(w) or KK_DATIVE.search(w) and not w[0].isupper() or _KK_STOP_LEFT.match(w):
                    break
            if nxt is None:
                break
            last = nxt
        return _split_kk_conjoined(_clean(region[tokens[k].start():tokens[last].end()]))
    return []


def _kk_action(before_trigger: str) -> str:
    # the action is the verbal-noun phrase just before the trigger: "платформаны іске қосуды тапсырды"
    words = before_trigger.split()
    # take words after the last owner head / deadline marker
    cut = 0
    for idx, w in enumerate(words):
        if KK_OWNER_HEAD.search(w) and KK_DATIVE.search(w) or w in {"дейін", "ішінде", "шейін"} or w.endswith(("ында", "інде")) and idx < len(words) - 1 and re.search(r"тоқсан|жартыжылдық|жыл", w):
            cut = idx + 1
    action = " ".join(words[cut:]) if cut < len(words) else " ".join(words[-4:])
    action = re.sub(r"(у)(ды|ді|ын|ін)$", r"\1", action)
    return _clean(action)[:300]


def _before_trailing_owners(region: str, owners: list[str]) -> str:
    """"Бұл жұмысты үйлестіру Жасанды интеллект және цифрлық даму министрлігіне (… бірлесіп) жүктелді": owners named
    after the action end the region, and the action is what stands before them."""
    tail = re.sub(r"\s+\S+(?:мен|бен|пен)\s+бірлесіп\s*$", "", region.rstrip(" ,"))
    if owners and tail.endswith(owners[-1]) and tail.find(owners[0]) > 0:
        return tail[:tail.find(owners[0])]
    return region


def _kk_active(trigger: str) -> bool:
    """An active past trigger ("тапсырды", "нұсқау берді", "талап етті") names its issuer before the owner; the passive
    ones ("тапсырылды", "жүктелді", "берілді") end in "-лды/-лді", the rest ("қажет", "тиіс", "тапсырған") are not past."""
    return trigger.endswith(("ды", "ді", "ты", "ті")) and not trigger.endswith(("лды", "лді"))


_KK_VERBAL_NOUN_END = re.compile(r"(?P<vn>[а-яәғқңөұүһі]{3,}[ую])\s*[;.]?\s*$")


def _kk_list_item(text: str, start: int, doc_date: str | None) -> list[DirectiveDraft]:
    """"1) «Су ресурстары-Маркетинг» ЖШС-ға … қазан айының соңына дейін аяқтау;" — an item of a list of orders headed
    by "… тапсырды:": a dative owner and a verbal noun at the end, no verb of its own."""
    m = _KK_VERBAL_NOUN_END.search(text)
    if not _ENUMERATOR.match(text) or not m:
        return []
    body = _ENUMERATOR.sub("", text[: m.end("vn")])
    deadlines = find_deadlines(text, doc_date, offset=start)
    region = _strip_deadlines(body, deadlines, start + m.end("vn") - len(body))
    owners = _kk_owners(region)
    if not owners:
        return []
    return [DirectiveDraft(issuer=None, owners=owners, action=_kk_action(region), deadline=deadlines[0] if deadlines else None,
                           sentence_start=start, sentence_end=start + len(text), lang="kk")]


_KK_PASSIVE_IMPERATIVE = re.compile(r"(?:ыл|іл|л|ын|ін)(?:сын|сін)$")  # "етілсін", "ұсынылсын": no subject needed


def _kk_imperative(text: str, start: int, doc_date: str | None) -> list[DirectiveDraft]:
    """"2) облыс әкімдіктері … он күн ішінде жоюды қамтамасыз етсін;" — the owner is the subject or in brackets."""
    m = KK_IMPERATIVE.search(text)
    if not m or m.group("trig").lower() in {"үшін", "сын", "бірақ"}:
        return []
    body = _ENUMERATOR.sub("", text[: m.start("trig")])
    # outside a protocol list or a quoted decision "-сын" is too often something else, unless a body is its subject:
    # "Облыстық ТЖ департаменті … бақылауды күн сайын жүргізсін."
    listed = bool(_ENUMERATOR.match(text) or "«" in text[: m.start()] or m.group("bracket"))
    deadlines = find_deadlines(text, doc_date, offset=start)
    region = _strip_deadlines(body, [d for d in deadlines if (d.start or 0) < start + m.start("trig")], start + (len(text[: m.start("trig")]) - len(body)))
    region = region.split("«")[-1] if region.count("«") > region.count("»") else region
    if m.group("bracket"):
        owners = [o for part in re.split(r",\s*", m.group("bracket")) for o in _split_kk_conjoined(_clean(part)) if o]
        # "Облыс әкімдіктерімен бірлесіп, … қамтамасыз етілсін (ОАМ)": the partner shares the order
        owners = [o for o in _kk_owners(region) if re.search(r"(?:мен|бен|пен)$", o)] + owners
    elif not listed:
        owners = _kk_nominative_owners(region)
        if not owners and not _KK_PASSIVE_IMPERATIVE.search(m.group("trig")):
            return []
    else:
        owners = _kk_nominative_owners(region) or _kk_owners(region)
    # an ownerless passive item ("– пункттердің дайындығы қамтамасыз етілсін.") is still a decision of the protocol;
    # its owners often follow ("Жауапты болып ТЖМ мен ІІМ белгіленді")
    # a free-standing passive one ("… аяқтау қамтамасыз етілсін.") too, when it has an action to do
    passive = _KK_PASSIVE_IMPERATIVE.search(m.group("trig"))
    if not owners and not (passive and (_ENUMERATOR.match(text) or len(_kk_action(region).split()) >= 3)):
        return []
    return [DirectiveDraft(issuer=None, owners=owners, action=_kk_action(region), deadline=deadlines[0] if deadlines else None,
                           sentence_start=start, sentence_end=start + len(text), lang="kk")]


_KK_VERBAL_NOUN = re.compile(r"[а-яәғқңөұүһі]{2,}[ую](?:ды|ді|ын|ін|ға|ге|на|не|ы|і)?(?![а-яәғқңөұүһі])", re.IGNORECASE)
_KK_TRAILING_ADVERB = re.compile(r"(?:\s+(?:жеке|тікелей|дереу|шұғыл|қатаң|бірден))+\s*$")
_KK_CAPTION = re.compile(r"^\s*(?:Бейне|Видео|Фото|Сурет)\s*[:|]", re.IGNORECASE)
# "Осы өкімнің орындалуын бақылау … жүктелсін": the closing control clause of a decree (as ru NOTES: not an order)
_KK_CONTROL_CLAUSE = re.compile(r"(?:өкімнің|қаулының|бұйрықтың|шешімнің|хаттаманың)\s+орындалуын\s+бақылау", re.IGNORECASE)
_KK_STANDING_RULE = re.compile(r"(?:[Ққ]ағидалар|[Зз]аң|талаптар|[Сс]тандарт)\w*\s+сәйкес")  # a rule, not an order
_KK_CONDITIONAL = re.compile(r"^\s*Егер\b|\bболса,")
# demands of residents or a union are no orders: "Тұрғындар аудан әкімінен … талап етті"
_KK_NOT_AUTHORITY = re.compile(r"^\s*(?:Тұрғындар|Кәсіподақ|Азаматтар|Ата-аналар|Жұмысшылар|Қызметкерлер|Зейнеткерлер|"
                               r"Фермерлер|Кәсіпкерлер|Депутат)", re.IGNORECASE)


def _kk_issuer_before(region: str, owner_at: int) -> str | None:
    """The issuer named before the first owner. A title right before the owner is the owner's own ("… Ішкі істер
    министрі Ержан Саденовке"), unless no other issuer is named ("Денсаулық сақтау министрі облыстық басқармалардан")."""
    im = list(_KK_ISSUER.finditer(region[:max(owner_at, 0)]))
    if (len(im) > 1 and not region[im[-1].end():owner_at].strip()
            and re.search(r"(?:министрі|әкімі|басшысы|орынбасары|төрағасы|директоры)$", im[-1].group())):
        im.pop()
    return _clean(im[-1].group()) if im else None


def _kk_trigger(text: str) -> re.Match | None:
    for m in KK_TRIGGER.finditer(text):
        if m.group("trig").lower() == "тапсырған" and not re.match(r"\s+(?:болатын|еді)\b|\s*[.;]?\s*$", text[m.end():]):
            continue  # "Президент тапсырған жұмыстар": a participle naming earlier work, not a report of an order
        return m
    return None


def _kk_speaker(text: str) -> str | None:
    """The issuer of an order said in speech: "…, деді Премьер-Министр", "Үкімет басшысының айтуынша, …"."""
    said = re.search(r"(?:деді|деп\s+(?:атап\s+өтті|тапсырды|ескертті|мәлімдеді|атап\s+көрсетті|түйіндеді|қадап\s+айтты))\s+"
                     r"(?P<who>[^.,;«»]+)", text)
    if said:
        m = _KK_ISSUER.search(said.group("who"))
        if m:
            return _clean(m.group())
    by = re.search(r"(?P<who>[^.,;«»]+?)(?:ның|нің|тың|тің|дың|дің)\s+(?:айтуынша|сөзінше|пікірінше|тапсырмасымен)", text)
    if by:
        m = _KK_ISSUER.search(by.group("who") + ("ы" if by.group("who").endswith("басшыс") else ""))
        if m:
            return _clean(m.group())
    return None


def _kk_directives(text: str, start: int, doc_date: str | None, before: str = "", after: str = "") -> list[DirectiveDraft]:
    """``before``/``after``: the document's text around the sentence, where a quote's speaker may stand."""
    if _is_non_directive(text, "kk") or _KK_CAPTION.match(text):
        return []
    quoted = _kk_quoted(text, start, doc_date, before, after)
    if quoted is not None:
        return quoted
    m = _kk_trigger(text)
    if not m:
        return _kk_imperative(text, start, doc_date) or _kk_list_item(text, start, doc_date)
    # "… күшейтуді тапсырды, сондай-ақ Ұлттық банкке … қатаңдатуды жүктеді": a second order with its own trigger
    second = re.match(r"\s*,\s*(?:сондай-ақ|сонымен қатар|ал|және|әрі)\s+", text[m.end():])
    if second and KK_TRIGGER.search(text, m.end() + second.end()):
        cut = m.end() + second.end()
        first = _kk_directives(text[: m.end()] + ".", start, doc_date)
        rest = _kk_directives(text[cut:], start + cut, doc_date)
        for d in rest:
            d.issuer = d.issuer or (first[0].issuer if first else None)
        drafts = first + rest
        for d in drafts:
            d.sentence_start, d.sentence_end = start, start + len(text)
        if drafts:
            return drafts
    prefix = text[: m.start()]
    trig = m.group("trig").lower()
    modal = bool(_KK_MODAL.match(trig))
    if (_foreign_issuer(prefix) or re.search(r"пайдалануға\s+$", prefix)  # "пайдалануға тапсырылды": opened, not ordered
            or trig.startswith("жүкте") and _KK_CONTROL_CLAUSE.search(prefix)
            or modal and (_KK_STANDING_RULE.search(prefix) or _KK_CONDITIONAL.search(prefix)
                          or re.match(r"\s+болады", text[m.end():]))
            or trig == "талап етті" and _KK_NOT_AUTHORITY.match(prefix)):
        return []
    colon = re.match(r"\s*:\s*", text[m.end():])
    deadlines = find_deadlines(text, doc_date, offset=start)
    region = _strip_deadlines(prefix, deadlines, start)
    region = region.split("«")[-1] if region.count("«") > region.count("»") else region  # a quoted protocol line
    region = _KK_TRAILING_ADVERB.sub("", region)  # "… Бейсембаевқа жеке жүктеді"
    if colon:
        return _kk_colon_order(text, start, m, colon, region, deadlines)
    if not _KK_VERBAL_NOUN.search(region):
        return []  # no action to do: "наградаларды тапсырды", "астық жүктелді", "нақты тапсырмалар жүктеді"
    case = "acc" if trig == "міндеттеді" else "abl" if trig in {"талап етті", "талап етілді"} else "dat"
    owners: list[str] = []
    if trig in {"міндеттелсін", "міндеттелді"}:
        # the owner is the subject: "Байланыс операторлары … министрлікке ұсынуға міндеттелді"
        owners = _kk_nominative_owners(region)
    owners = owners or _kk_owners(region, case) or (_kk_owners(region) if case != "dat" else [])
    if not owners and trig in {"тиіс", "керек"}:
        owners = _kk_nominative_owners(region)
    if modal and not owners:
        return []
    if not owners and not deadlines and (len(_kk_action(region).split()) < 3
                                         or re.search(r"бірқатар|бірнеше|нақты|қатар", region)):
        return []  # "Үкімет басшысы бірқатар нақты тапсырма берді": a summary, not a directive
    issuer = None
    if _kk_active(trig) or trig == "тапсырған":
        issuer = _kk_issuer_before(region, region.find(owners[0]) if owners else len(region))
        if not owners and not issuer and trig == "тапсырды" and not re.search(r"[Ææ]кім|басшы|министр|[Пп]резидент", region):
            return []
    else:
        by = re.search(r"([А-ЯӘҒҚҢӨҰҮҺІ][^,]{2,60}?)(?:тың|тің|ның|нің|дың|дің) тапсырмасы(?:на сәйкес| бойынша)", prefix)
        issuer = _clean(by.group(1)) if by else _kk_speaker(text)
    # several instructions joined by ";" each end with their own verbal noun; keep one directive per deadline
    drafts: list[DirectiveDraft] = []
    pieces = [p for p in re.split(r";\s*|,\s+ал\s+", prefix) if p.strip()]
    if len(pieces) == 1 and (len(deadlines) > 1 or len(owners) > 1):
        # "… 2026 жылдың соңына дейін қабылдап, оның орындалуын тоқсан сайын бақылауды тапсырды": a converb and a
        # comma end the first of two instructions, each with its own deadline
        # … or a verbal noun and a comma: "… 1 қаңтарға дейін енгізуді, оның орындалуын тоқсан сайын бақылауды тапсырды"
        pieces = [p for p in re.split(r"(?<=[а-яәғқңөұүһі]{2}[ыі]п),\s+|(?<=[аеуә]п),\s+|(?<=[а-яәғқңөұүһі]{2}[ую](?:ды|ді)),\s+",
                                      prefix) if p.strip()]
    if len(pieces) > 1 and (len(deadlines) > 1 or all(_kk_owners(p) for p in pieces)):
        offset = 0
        for piece in pieces:
            piece_start = prefix.find(piece, offset)
            offset = piece_start + len(piece)
            piece_deadlines = [d for d in deadlines if start + piece_start <= (d.start or -1) < start + offset]
            piece_region = _strip_deadlines(piece, piece_deadlines, start + piece_start)
            piece_owners = _kk_owners(piece_region) or [o for o in owners if o not in piece_region] or owners
            drafts.append(DirectiveDraft(issuer=issuer, owners=piece_owners, action=_kk_action(piece_region),
                                         deadline=piece_deadlines[0] if piece_deadlines else None,
                                         sentence_start=start, sentence_end=start + len(text), lang="kk"))
        return drafts
    action = _kk_action(_before_trailing_owners(region, owners))
    drafts.append(DirectiveDraft(issuer=issuer, owners=owners, action=action, deadline=deadlines[0] if deadlines else None,
                                 sentence_start=start, sentence_end=start + len(text), lang="kk"))
    return drafts


def _kk_colon_order(text: str, start: int, m: re.Match, colon: re.Match, region: str,
                    deadlines: list[Deadline]) -> list[DirectiveDraft]:
    """"Премьер-Министр әкімдерге тапсырды: қыс басталғанға дейін … өткізу керек." — the action follows the colon; the
    owners stand before the verb, or are the subjects of an imperative after it ("… тапсырма берді: ҰЭМ мен Қаржы
    министрлігі … қайта қарасын")."""
    rest_at = m.end() + colon.end()
    rest = _strip_deadlines(text[rest_at:], deadlines, start + rest_at)
    if len(rest.split()) < 2:
        return []  # "… тапсырды:" heads a list whose items are sentences of their own
    owners = _kk_owners(region)
    if not owners and re.search(r"(?:сын|сін|тиіс|керек)\W*$", rest):
        owners = _kk_nominative_owners(rest)
    owners = owners or _kk_owners(rest)  # "Алқа мынадай шешім қабылдады: облыстық департаменттерге … қайта қарау."
    if not owners and re.search(r"бірқатар|бірнеше", region):
        return []
    issuer = (_kk_issuer_before(region, region.find(owners[0]) if owners and owners[0] in region else len(region))
              if _kk_active(m.group("trig").lower()) else None)
    action = _clean(re.sub(r"\s*(?:керек|қажет|тиіс)\W*$", "", rest))[:300]
    return [DirectiveDraft(issuer=issuer, owners=owners, action=action, deadline=deadlines[0] if deadlines else None,
                           sentence_start=start, sentence_end=start + len(text), lang="kk")]


# "… қамтамасыз етіңіздер", "… есеп беріңіз", "… жол бермеңіздер": the speaker's polite imperative to the listeners
_KK_POLITE_IMPERATIVE = re.compile(r"[а-яәғқңөұүһі]{2,}(?:ңыздар|ңіздер|ңыз|ңіз)(?=\s*(?:[,.!;»]|және\b|$))", re.IGNORECASE)
_KK_VOCATIVE = re.compile(r"^\s*(?:Құрметті\s+)?(?P<v>[А-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі]+(?:лар|лер|дар|дер|тар|тер))\s*,")
_KK_SAID = re.compile(r"\bдеді\b|[–—-]\s*деп\s+\w+")


def _kk_quoted(text: str, start: int, doc_date: str | None, before: str, after: str) -> list[DirectiveDraft] | None:
    """Orders said in a quote: "Президент әкімдерге қарата: «… аяқтаңыздар», – деді.", "«Үкімет … әзірлесін», – деді
    Мемлекет басшысы.", a quote spread over sentences ("«… аяқтаңыздар." … "», – деді Премьер-Министр."). The speaker
    must be an authority; the listeners named outside the quote, or called in it ("Әкімдер, …"), are the owners.
    None when the sentence quotes no one (the other rules then read it)."""
    opened, closed = text.find("«"), text.rfind("»")
    if opened >= 0 and closed > opened:
        q_at, q = opened + 1, text[opened + 1:closed]
        outside = text[:opened] + " " + text[closed + 1:]
        if not (_KK_SAID.search(text[closed:]) or re.search(r":\s*$", text[:opened])):
            return None
    elif opened >= 0 and not text[:opened].strip(" –—-") and closed < 0:
        q_at, q = opened + 1, text[opened + 1:]  # the quote goes on in the next sentences; its speaker follows it
        tail = after.split("»", 1)
        outside = tail[1].split(".")[0] if len(tail) == 2 else ""
    elif closed >= 0 and opened < 0:
        q_at, q = 0, text[:closed]  # the quote began in an earlier sentence: its speaker stands before it
        head = before.rsplit("«", 1)
        outside = (head[0].rsplit(".", 1)[-1] if len(head) == 2 else "") + " " + text[closed + 1:]
    else:
        return None
    if not (_KK_SAID.search(outside) or ":" in outside):
        return None
    issuer = _kk_speaker(outside) or next((_clean(i.group()) for i in _KK_ISSUER.finditer(outside)), None)
    if not issuer:
        return None
    if _foreign_issuer(outside.strip(" :,–—-")) or _FOREIGN_ISSUER.search(outside):
        return []  # "«…», – деді Моңғолия Премьер-министрі"
    addressed = re.sub(r"\s*қарата\b|[–—-]?\s*(?:деді|деп\s+(?:атап\s+)?\w+)", " ", outside.replace(issuer, " ", 1))
    listeners = _kk_owners(addressed.strip(" :,–—-."))
    imperatives = list(_KK_POLITE_IMPERATIVE.finditer(q))
    if not imperatives:
        inner = _kk_directives(q.strip().rstrip(".") + ".", start + q_at, doc_date)
        for d in inner:
            d.issuer = issuer
            d.owners = d.owners or listeners
            d.sentence_start, d.sentence_end = start, start + len(text)
        return inner or None
    vocative = _KK_VOCATIVE.match(q)
    called = [vocative.group("v")] if vocative else []
    deadlines = find_deadlines(q, doc_date, offset=start + q_at)
    drafts: list[DirectiveDraft] = []
    clause_start = vocative.end() if vocative else 0
    for imp in imperatives:
        clause = q[clause_start:imp.start()]
        at = start + q_at + clause_start
        if drafts and re.match(r"\s*және\s", clause):
            # "… пысықтаңыздар және бір апта ішінде ұсыныс енгізіңіздер": one order in two verbs
            joined = [d for d in deadlines if at <= (d.start or -1) < start + q_at + imp.start()]
            drafts[-1].deadline = drafts[-1].deadline or (joined[0] if joined else None)
            clause_start = imp.end()
            continue
        clause_deadlines = [d for d in deadlines if at <= (d.start or -1) < start + q_at + imp.start()]
        region = _strip_deadlines(clause, clause_deadlines, at)
        # "Қаржы министрлігімен бірге …": a partner named in the quote shares the order
        partners = [c.group(1) for c in re.finditer(r"(\S+\s+(?:министрлігі|әкімдігі|агенттігі)\w*(?:мен|бен|пен))\s+(?:бірге|бірлесіп)", region)]
        drafts.append(DirectiveDraft(issuer=issuer, owners=called + listeners + partners, action=_kk_action(region),
                                     deadline=clause_deadlines[0] if clause_deadlines else None,
                                     sentence_start=start, sentence_end=start + len(text), lang="kk"))
        clause_start = imp.end()
    return drafts


def _next_sentence_owners(text: str, lang: str) -> tuple[list[str], bool]:
    """Owners a sentence names for the order before it, and whether that is all the sentence does ("Бұл жұмыс …
    жүктелді", "Эта работа поручена …") — then it is no order of its own."""
    named_by, carrier = (NEXT_OWNER_KK, OWNER_CARRIER_KK) if lang == "kk" else (NEXT_OWNER_RU, OWNER_CARRIER_RU)
    m = named_by.search(text) or carrier.search(text)
    if not m:
        return [], False
    named = m.groupdict().get("dash") or m.group("owners")
    only_owners = m.re is carrier
    if lang == "kk":
        return [o for part in re.split(r",\s*", named) for o in _split_kk_conjoined(_clean(part)) if o], only_owners
    case = "nomn" if not only_owners else "datv" if "поручена" in m.group() else "accs"
    return _split_owners(named, case) or [_clean(named)], only_owners


_QUOTE = re.compile(r"«(?P<q>[^«»]{20,})»")


def _quoted_russian(sentence: str, start: int, doc_date: str | None) -> list[DirectiveDraft]:
    """A Kazakh sentence quoting a Russian order: "Президент: «Правительству … до 1 сентября сформировать …», – деді."""
    drafts: list[DirectiveDraft] = []
    for q in _QUOTE.finditer(sentence):
        if detect_lang(q.group("q")) == "ru":
            for d in _ru_directives(q.group("q"), start + q.start("q"), doc_date):
                d.sentence_start, d.sentence_end = start, start + len(sentence)
                drafts.append(d)
    return drafts


_TERMINAL = re.compile(r"[.!?…;:»\"”)\]]\s*$")
_DANGLING = re.compile(r"\s(?:в|во|на|по|для|с|со|к|о|об|и|а|или|от|до|за|из|при|что|чтобы|который|которые)\s*$", re.IGNORECASE)


_LATER_SENTENCE = re.compile(r"[^\W\d_]{3,}[^\n]*[.!?;]")


def _cut_off(sentence: str, text: str, end: int) -> bool:
    """A page cut mid-sentence ("…, аким поручил управлению энергетики подготовить") gives an order with no action to
    trust: the document's last sentence without a final stop, or any sentence ending on a preposition or conjunction."""
    if _TERMINAL.search(sentence):
        return False
    return bool(_DANGLING.search(sentence)) or not _LATER_SENTENCE.search(text, end)


_FOLDED_KK_CUE = re.compile(r"тапсыр|жукте|миндет|тиис|кажет|керек|аяктан|етиниз", re.IGNORECASE)


def _folded_kazakh_directives(sentence: str, start: int, doc_date: str | None) -> list[DirectiveDraft]:
    """Kazakh typed without Kazakh letters ("Укиметке … тапсырды") is read in its restored spelling; owners, issuer
    and action are then cut from the original text (restoring keeps every offset)."""
    restored = folded_kazakh(sentence)
    if restored is None:
        return []

    def original(value: str | None) -> str | None:
        at = restored.find(value) if value else -1
        return sentence[at:at + len(value)] if at >= 0 else value

    drafts = _kk_directives(restored, start, doc_date)
    for d in drafts:
        d.owners = [original(o) or o for o in d.owners]
        d.issuer, d.action = original(d.issuer), original(d.action) or d.action
        d.lang = "kk"
    return drafts


def _headline(sentence: str, text: str, end: int) -> bool:
    """A line with no final stop followed by more text is a headline or a caption: it restates an order of the body
    ("Мемлекет басшысы Үкіметке … тапсырды⏎…") and is not one itself."""
    return not _TERMINAL.search(sentence) and bool(re.match(r"[ \t]*\n", text[end:end + 20]))


def find_directives(sentences: list[tuple[int, int, str]], text: str, doc_date: str | None) -> list[DirectiveDraft]:
    """``sentences``: (start, end, lang) over ``text``. Owners named only in the next sentence are carried back."""
    drafts: list[DirectiveDraft] = []
    carriers: set[int] = set()  # sentences that only name the owners of the order before them
    for i, (s, e, lang) in enumerate(sentences):
        sentence = text[s:e]
        if i in carriers or _cut_off(sentence, text, e) or _headline(sentence, text, e):
            continue
        found = (_kk_directives(sentence, s, doc_date, text[max(0, s - 400):s], text[e:e + 400]) if lang == "kk"
                 else _ru_directives(sentence, s, doc_date))
        if not found:
            found = _quoted_russian(sentence, s, doc_date)
        if not found and lang != "kk" and _FOLDED_KK_CUE.search(sentence):
            found = _folded_kazakh_directives(sentence, s, doc_date)
        if found and i + 1 < len(sentences):
            ns, ne, _ = sentences[i + 1]
            if NEXT_DONE.search(text[ns:ne]):
                found = []  # "Это поручение выполнено": a report of an old order
        for d in found:
            # a date before the document is history ("В 2019 году … поручал"), not a deadline
            if d.deadline and d.deadline.date and doc_date and d.deadline.date < doc_date:
                d.deadline = None
        if found and i + 1 < len(sentences):
            # "Жауаптылар ретінде … белгіленді" / "Ответственными определены …" names (more) owners of these orders
            ns, ne, nlang = sentences[i + 1]
            carried, only_owners = _next_sentence_owners(text[ns:ne], nlang)
            for d in found:
                if carried:
                    d.owners = d.owners + [o for o in carried if o not in d.owners]
                    d.owners_from_next = True
            if carried and only_owners:
                carriers.add(i + 1)
        drafts.extend(found)
    return drafts
