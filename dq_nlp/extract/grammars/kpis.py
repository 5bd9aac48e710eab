"""KPIs: "доля безналичных платежей выросла с 30% до 89%", "увеличить охват до 95% к 2029 году",
"X-тен Y-ке дейін өсті", "екі есе артты", "с 28-го до 24-го места", "мультипликатор пять к одному"."""

from __future__ import annotations

import re

from ...records import Kpi
from .numbers import ABBREVIATION_DOT, NUMBER, NUMBER_WORD, SCALE, parse_number, scale_of

VALUE = rf"(?:\$\s?)?(?:{NUMBER})"
UNIT = rf"(?:\s?(?P<{{g}}>%|[А-Яа-яA-Za-z]{{{{1,6}}}}/[А-Яа-яA-Za-z]{{{{1,6}}}}|процент\w*|п\.\s?п\.|процентн\w+ пункт\w*|{SCALE}|дн\w*|день|час\w*|мест\w*|мин\w*|раз\w*|ед\w*|кг\b|км\b|млн|тыс[.\u2024]?))?"

GROWTH_RU = (r"вырос\w*|увеличил\w*|снизил\w*|сократил\w*|поднял\w*|повысил\w*|улучшил\w*|уменьшил\w*|"
             r"возрос\w*|упал\w*|достиг\w*|составил\w*|расширил\w*|изменил\w*")
TARGET_RU = (r"увеличить|повысить|довести|сократить|снизить|уменьшить|расширить|нарастить|обеспечить рост|достичь|"
             r"увеличиться|вырасти|вырастет|вырастут|сократиться|снизиться|увеличится|сократится|снизится|повысится")

# "с 30% в 2018 году до 89% в 2024 году": a year may stand after each value
_IN_YEAR = r"(?:\s+(?:в|на)\s+(?:начале\s+|конце\s+)?20\d{2}\s?(?:году|года|г\.))?"
# "<metric> выросла с 2,6% до 14,5%"; elliptical continuation ", безналичных платежей — с 30% до 89%"
from_to_ru = re.compile(
    rf"(?P<pre>[^.;:!?]*?)(?:(?P<verb>{GROWTH_RU})(?P<mid>(?:\s+(?!с\s)[^\s,;]+){{0,5}}?)\s+)?(?:(?:в среднем|почти|более чем|примерно|порядка)\s+)?"
    rf"с[о]?\s(?P<from>{VALUE})(?:-?(?:го|х|ти|ми|ых|ого|ой))?{UNIT.format(g='u1')}{_IN_YEAR}\s+до\s(?P<to>{VALUE})(?:-?(?:го|х|ти|ми|ых|ого|ой))?{UNIT.format(g='u2')}",
    re.IGNORECASE)
# "увеличить долю ... до 95% к 2029 году" / "<metric> достигнет 100%"
# "<metric> должна увеличиться до 30% к 2029 году" (metric before) / "увеличить долю … до 95% к 2029 году" (after)
target_ru = re.compile(
    rf"(?P<pre>[^.;:!?]*?)(?P<verb>{TARGET_RU})\s+(?P<metric>[^.;:!?]{{0,120}}?)\s*до\s(?P<to>{VALUE}){UNIT.format(g='u2')}"
    rf"(?P<period>\s(?:к|до)\s(?:концу\s)?(?:20\d{{2}}\s?(?:году|года|г\.)|года))?", re.IGNORECASE)
reach_ru = re.compile(
    rf"(?P<metric>[^.;:!?]{{3,160}}?),?\s+(?:(?:должн\w+|планируется|ожидается)\s+)?(?:достигнет|достигнут|составит|составят|составил\w*|составляет|составляют|"
    rf"(?<=долж(?:н[аоы]|ен)\s)достичь|"
    rf"достиг(?:ла|ло|ли)?|достигает|достигал\w*|составлял\w*|превысит|превысил\w*|"
    rf"(?:вырос|выросл|увеличил|поднял|повысил|снизил|сократил|уменьшил|ускорил|замедлил|опустил)\w*(?:\s+[^\s,;]+){{0,2}}?\s+до|"
    rf"(?:оста[её]тся|остал\w*|сохраня\w*|сохранил\w*|сохранен\w*|сохранён\w*|держится|находится)\s+(?:на\s+уровне|(?:высок|низк)\w+\s+[—–-]))"
    rf"\s(?:в среднем\s|около\s|порядка\s|почти\s|до\s|более\s|лишь\s|только\s|уже\s|всего\s)*(?P<to>{VALUE})(?:[-–](?P<to2>{VALUE}))?{UNIT.format(g='u2')}"
    rf"(?:\s+против\s+(?P<base>{VALUE})(?:\s?(?:%|[^\s,;.\d]{{1,12}}))?)?",
    re.IGNORECASE)
times_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?),?\s+(?P<verb>{GROWTH_RU}|увеличить|сократить|снизить|вырастет|стал\w* (?:меньше|больше)|превыша\w* норму)(?:\s+[^\s,;]+){{0,3}}?\s+в\s(?P<to>\d+(?:[.,]\d+)?|{NUMBER_WORD})\sраза?",
                      re.IGNORECASE)
by_percent_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?),?\s+(?P<verb>{GROWTH_RU})(?:\s+[^\s,;]+){{0,3}}?\s+на\s(?P<to>{NUMBER})\s?(?P<u2>%|процент\w*)",
                           re.IGNORECASE)
ratio_ru = re.compile(rf"(?P<metric>мультипликатор\w*|соотношени\w*|возврат\w*)[^.;]{{0,60}}?(?P<to>\d+|{NUMBER_WORD})\s(?:к|:)\s(?P<den>\d+|одному|бірге|бір)",
                      re.IGNORECASE)
# "доходы … составили 19,2 трлн тенге, что на 7,4% больше, чем годом ранее"
more_than_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?)\s+(?:составил\w*|достиг\w*|вырос\w*|увеличил\w*|снизил\w*)[^.;]*?,\s+(?P<that>что\s+на\s"
                          rf"(?P<to>{NUMBER})\s?(?P<u2>%|процент\w*|п\.\s?п\.|процентн\w+ пункт\w*)\s+(?:больше|меньше|выше|ниже))", re.IGNORECASE)
# "выросла на 4,3 п.п. и составила 91%": the level after the change, same subject
and_level_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?)\s+(?:{GROWTH_RU})\s+(?:на\s+(?:{NUMBER})\s?(?:%|процент\w*|п\.\s?п\.|процентн\w+ пункт\w*)|"
                          rf"в\s+(?:\d+(?:[.,]\d+)?|{NUMBER_WORD})\s+раза?),?\s+(?:[—–]\s+)?"
                          rf"(?P<lvl>(?:и\s+(?:составил\w*|достиг\w*)|до)\s+(?P<to>{NUMBER})\s?(?P<u2>%|процент\w*|[А-Яа-яA-Za-z]{{1,6}}/[а-яa-z]{{1,3}}))",
                          re.IGNORECASE)
# "Охват вакцинацией: 91,4% / 95,8%", "Доля госорганов, использующих ИИ, % | 22 | 41": before / after in a table row
table_pair_ru = re.compile(
    rf"(?P<metric>[^.;:!?|]{{3,160}}?)(?::\s*(?P<from>{NUMBER})\s?%\s*/\s*(?P<to>{NUMBER})\s?%|"
    rf",\s*(?P<u>%|[^\W\d_][^|,]{{0,14}}?)\s*\|\s*(?P<from2>{NUMBER})\s*\|\s*(?P<to2>{NUMBER})(?=\s*(?:\||$))|"
    rf"\s*\|\s*(?P<from3>{NUMBER})\s?%\s*\|\s*(?P<to3>{NUMBER})\s?%(?=\s*(?:\||$)))", re.IGNORECASE)
# "Доля услуг: 2024 — 89%, 2025 — 93%": a stats table flattened into a line; first and last year
table_ru = re.compile(
    rf"(?P<metric>[^.;:!?]{{3,160}}?):\s*(?:в\s+)?20\d{{2}}(?:\s?(?:г\.|год\w*))?\s*[—–-]\s*(?P<from>{NUMBER})\s?(?P<u1>%|[^\s,;.\d]{{1,12}})?"
    rf"(?:,\s*(?:в\s+)?20\d{{2}}(?:\s?(?:г\.|год\w*))?\s*[—–-]\s*(?:{NUMBER})\s?(?:%|[^\s,;.\d]{{1,12}})?)*?"
    rf",\s*(?:в\s+)?20\d{{2}}(?:\s?(?:г\.|год\w*))?\s*[—–-]\s*(?P<to>{NUMBER})\s?(?P<u2>%|[^\s,;.\d]{{1,12}})?", re.IGNORECASE)
# "Доля стройматериалов, которая в 2022 году составляла 62%, к концу 2024 года достигла 71%": two verbs, from → to
then_now_ru = re.compile(
    rf"(?P<metric>[^.;:!?,]{{3,140}}?),?\s+(?:котор\w+\s+)?[^.;:!?,]{{0,40}}?(?:составлял\w*|был\w*|находил\w*\s+на\s+уровне)\s+"
    rf"(?P<from>{NUMBER})\s?(?P<u1>%|процент\w*)?,\s+[^.;:!?,]{{0,40}}?(?:достиг\w*|составил\w*|(?:вырос|выросл|увеличил|снизил|сократил|"
    rf"уменьшил|ускорил|замедлил|повысил|поднял|опустил)\w*\s+до)\s+(?P<to>{NUMBER})\s?(?P<u2>%|процент\w*)?", re.IGNORECASE)
# "число безработных — на треть", "поступления НДС — в 1,2 раза": the verb was said once for two indicators
gapped_ru = re.compile(
    rf"(?P<metric>[^.;:!?—–]{{3,140}}?)\s+[—–]\s+(?:(?:на|до)\s+(?P<pct>{NUMBER})\s?(?:%|процент\w*)|в\s+(?P<times>\d+(?:[.,]\d+)?|{NUMBER_WORD})\s+раза?|"
    rf"на\s+(?P<frac>треть|четверть|половину|пятую\s+часть))(?=[\s.,;)]|$)", re.IGNORECASE)
# "снизились на четверть", "сократилось на треть"
fraction_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?),?\s+(?P<verb>{GROWTH_RU})\s+(?:почти\s+|более\s+чем\s+|примерно\s+)?на\s+"
                         rf"(?P<frac>треть|четверть|половину|пятую\s+часть)", re.IGNORECASE)
_FRACTIONS = {"треть": 100 / 3, "четверть": 25.0, "половину": 50.0, "пятую часть": 20.0,
              "трети": 100 / 3, "четверти": 25.0, "половины": 50.0, "половина": 50.0}  # "достигла трети"
# "вдвое больше", "выросло втрое"
_TIMES_WORDS = {"вдвое": 2.0, "втрое": 3.0, "вчетверо": 4.0, "впятеро": 5.0}


def _fraction(word: str) -> float:
    """"на треть" → 33.3 (%), rounded as the gold writes it."""
    return round(_FRACTIONS[re.sub(r"\s+", " ", word.lower())], 1)
# "В рейтинге … Казахстан поднялся на 3 позиции", "поднялся с 5-го на 3-е место"
rank_move_ru = re.compile(
    r"(?P<metric>[^.;:!?]{3,160}?)\s+(?:поднял\w*|улучшил\w*\s+(?:свои\s+)?позици\w*|опустил\w*|переместил\w*|продвинул\w*)\s+"
    r"(?:с\s+(?P<from>\d{1,3})-?(?:го|й|е)?\s+)?на\s+(?P<to>\d{1,3})(?:-?(?:е|ю|й|го))?\s+(?P<what>позици\w*|мест\w*|пункт\w*|строч\w*|ступен\w*)"
    r"(?P<after>\s+в\s+рейтинг\w*[^,.;]*?(?=\s+и\s|[,.;]|$))?",
    re.IGNORECASE)
place_ru = re.compile(r"(?P<metric>[^.;:!?]{3,120}?)\s+(?:занял\w*|занимает|поднял\w* на|поднялся на|опустил\w* на|находится на|вошел\w* в|вошёл\w* в)\s"
                      r"(?P<to>\d{1,3})-?(?:е|м|й|го|ое)?\s+мест\w*(?P<tail>\s+в\s+[^.;,]{3,100})?", re.IGNORECASE)
pp_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?)\s(?:до|на)\s(?P<to>{NUMBER}|{NUMBER_WORD})\s(?P<u2>процентн\w+ пункт\w*|п\.\s?п\.)",
                   re.IGNORECASE)
# "посев завершён на 87% площадей", "ремонтная кампания выполнена на 38%"
completion_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?)\s(?P<verb>(?:завершен|завершён|выполнен|готов|подготовлен|исполнен|освоен|построен|реализован)\w*)"
                           rf"(?:\s+[^\s,;]+){{0,2}}?\s+на\s(?P<to>{NUMBER})\s?(?:%|процент\w*)", re.IGNORECASE)
# "поступления составили 16,4 трлн тенге, увеличившись на 11,2%": the change rides on a gerund after the level
gerund_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?)\s+(?:составил\w*|достиг\w*|превысил\w*)\s+[^;]{{1,60}}?,\s+"
                       rf"(?:увеличившись|выросши|снизившись|сократившись|уменьшившись|прибавив|потеряв)\s+на\s(?P<to>{NUMBER})\s?(?:%|процент\w*)",
                       re.IGNORECASE)
# "подготовлено 98% объектов теплоэнергетики", "подключено 62% жилого фонда": a done-participle before the share
done_share_ru = re.compile(
    rf"(?P<verb>(?:подготовлен|завершен|завершён|выполнен|построен|подключен|подключён|оснащен|оснащён|охвачен|"
    rf"отремонтирован|введен|введён|переведен|переведён|обеспечен|модернизирован|цифровизирован|газифицирован)\w*)\s+"
    rf"(?:уже\s+|лишь\s+|только\s+|около\s+|более\s+)?(?P<to>{NUMBER})\s?%\s+(?P<obj>[^.;:!?,]{{3,80}}?)"
    rf"(?=\s+(?:при|к|в|на|до|из|против|и|а)\s|[.;:!?,]|$)", re.IGNORECASE)
# "индекс физического объёма — 102,8%", "уровень газификации — 52% (в 2024 году — 31%)": a stats line
dash_value_ru = re.compile(
    rf"(?P<metric>[^.;:!?—–()]{{3,140}}?),?\s+[—–]\s+(?:почти\s+|около\s+|более\s+|свыше\s+|порядка\s+|лишь\s+)?(?P<to>(?:\$\s?)?(?:{NUMBER}))\s?(?:(?P<scale>{SCALE})\s?)?"
    rf"(?P<u2>%|процент\w*|[А-Яа-я]{{1,4}}/[А-Яа-я]{{1,4}}|балл\w*|сут(?:ок|ки)|дн(?:ей|я))?"
    rf"(?:\s*\((?:[^()—–]{{3,60}}?)\s+[—–-]\s+(?P<from>(?:\$\s?)?(?:{NUMBER}))\s?(?:%|{SCALE})?\)|"
    rf",\s+(?:годом|год|месяцем|кварталом)\s+(?:ранее|раньше)\s+[—–]\s+(?P<from2>{NUMBER})\s?%?)?", re.IGNORECASE)
# "обеспечить охват … не менее 99%", "сократить выбросы не менее чем на 20%": a floor or a ceiling as the target
target_floor_ru = re.compile(
    rf"(?P<verb>обеспечить|довести|достичь|достигнуть|увеличить|повысить|сократить|снизить|уменьшить|обновить|охватить|подключить|"
    rf"сформировать|создать|накопить|поддерживать|"
    rf"(?:по\s+)?(?:сокращению|снижению|увеличению|повышению))\s+"
    rf"(?P<metric>[^.;:!?]{{3,120}}?)\s+(?:не\s+(?:менее|ниже|более|выше)|минимум|как\s+минимум)\s+(?:чем\s+)?(?:на\s+)?"
    rf"(?P<to>{NUMBER})\s?(?P<u2>%|процент\w*|сут(?:ок|ки)|дн(?:ей|я))(?:\s+(?P<tail>[^.;:!?,]{{3,60}}?)(?=\s+(?:к|до|в)\s|[.;:!?,]|$))?", re.IGNORECASE)
# "снижению инфляции до 5,5% к 2027 году", "доведение доли … до 40%": a nominal target
nominal_target_ru = re.compile(
    rf"(?P<verb>снижени\w*|увеличени\w*|повышени\w*|доведени\w*|сокращени\w*)\s+(?P<metric>[^.;:!?\d]{{3,100}}?)\s+до\s(?P<to>{NUMBER})\s?"
    rf"(?P<u2>%|процент\w*)(?P<period>\s(?:к|до)\s(?:концу\s)?20\d{{2}}\s?(?:году|года|г\.))?", re.IGNORECASE)
# "сократился вдвое", "выросло втрое"
twofold_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?),?\s+(?P<verb>{GROWTH_RU})\s+(?P<times>вдвое|втрое|вчетверо|впятеро)", re.IGNORECASE)
# "Из 7 540 школ страны к интернету подключены 7 310": a part of a counted whole
part_of_ru = re.compile(rf"\b[Ии]з\s(?P<total>{NUMBER})\s(?P<rest>[^.;:!?\d]{{3,160}}?)\s(?P<to>{NUMBER})(?:\s?(?P<scale>тыс[.\u2024]?|млн|млрд))?(?=[\s.,;)]|$)(?!\s?(?:%|трлн|тенге|долл))",
                        re.IGNORECASE)
# "при плане 100%", "при плановом показателе 45%": the plan of the indicator next to it
plan_ru = re.compile(rf"\bпри\s+(?:плане|нормативе|норме|плановом\s+(?:показателе|значении|уровне)|целевом\s+(?:показателе|значении|уровне)|"
                     rf"прогнозе)\s+(?:в\s+)?(?P<to>{NUMBER})\s?(?P<u2>%|процент\w*|(?:{SCALE})(?:\s(?:кВт·?ч|тенге|долл\w*|человек|рабочих\s+мест|тонн\w*|гектар\w*|га|"
                     rf"кв\.\s?м(?:етров)?|км))?)", re.IGNORECASE)
range_share_ru = re.compile(rf"(?P<metric>[^.;:!?,]{{3,100}}?)\s(?:на уровне|в размере|от)\s(?P<from>{NUMBER})\s?(?:до|[-–])\s?(?P<to>{NUMBER})\s?(?P<u2>%|процент\w*)",
                            re.IGNORECASE)

# "62% — такова доля сельских школ, подключённых к интернету": the value first, the indicator after "такова"
such_ru = re.compile(rf"(?P<to>{NUMBER})\s?(?P<u2>%|процент\w*)\s+[—–]\s+(?:такова|таков|таково|таковы)\s+(?P<metric>[^.;:!?]{{3,160}}?)"
                     rf"(?=,\s+(?:годом|год|в\s+прошлом)|[.;:!?]|$)", re.IGNORECASE)
# "…, что в 1,3 раза больше, чем годом ранее", "это на 12% выше", "что на 1,1 ц/га ниже прошлогодней", "это вдвое меньше":
# a comparison with the past that follows a level
compared_ru = re.compile(
    rf"(?P<metric>[^.;:!?]{{3,200}}?),\s+(?:что|это)\s+(?P<that>(?:на\s+(?P<by>{NUMBER})\s?(?P<u2>%|процент\w*|п\.\s?п\.|[А-Яа-я]{{1,4}}/[А-Яа-я]{{1,4}})|"
    rf"в\s+(?P<times>\d+(?:[.,]\d+)?|{NUMBER_WORD})\s+раза?|(?P<twice>вдвое|втрое|вчетверо))\s+(?:больше|меньше|выше|ниже))", re.IGNORECASE)
# "Доходы (без трансфертов): план — 2,84 трлн тенге, факт — 2,87 трлн тенге": a plan and a fact of one indicator
plan_fact_ru = re.compile(
    rf"(?P<metric>[^.;:!?]{{3,160}}?):\s*план\s*[—–-]\s*(?P<plan>{VALUE})\s?(?P<s1>{SCALE})?(?P<u1>[^,;.\d]{{0,16}}?),\s*"
    rf"факт\s*[—–-]\s*(?P<fact>{VALUE})\s?(?P<s2>{SCALE})?(?P<u2>[^,;\d]{{0,16}}?)(?=[.;]|$)", re.IGNORECASE)
# "сохранить базовую ставку на уровне 16,5%": a level to keep is a target
keep_level_ru = re.compile(rf"(?P<verb>сохранить|удержать|удерживать|поддерживать|поддержать|оставить)\s+(?P<metric>[^.;:!?]{{3,100}}?)\s+"
                           rf"на\s+(?:прежнем\s+)?уровне\s+(?P<to>{NUMBER})\s?(?P<u2>%|процент\w*)", re.IGNORECASE)
# "доля электробусов достигла трети": a fraction of a whole as the level reached
reach_fraction_ru = re.compile(r"(?P<metric>[^.;:!?]{3,160}?)\s+(?:достиг\w*|составил\w*)\s+(?:почти\s+|более\s+|около\s+)?"
                               r"(?P<frac>трети|четверти|половины)\b", re.IGNORECASE)
# "сократилось в среднем на 7 минут", "увеличилась на 180 тыс. гектаров": a change by an amount of a unit
by_amount_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?),?\s+(?P<verb>{GROWTH_RU})(?:\s+в\s+среднем)?\s+на\s(?P<to>{NUMBER})\s?(?P<scale>{SCALE}\s?)?"
                          rf"(?P<u2>минут\w*|час\w*|дн(?:я|ей)|суток|ц/га|гектар\w*|га\b|тонн\w*|балл\w*|позици\w*|человек)", re.IGNORECASE)
# "зерновые убраны на площади 3,1 млн гектаров, или 18% от плана", "освоено 318,4 млрд тенге, или 77,2%"
or_share_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,200}}?)\s+(?P<verb>\w+(?:ен|ён|ан|ны|на|но|ено|ано))\s+[^.;:!?]{{0,60}}?(?:{NUMBER})\s?(?:{SCALE})?[^.;:!?,\d]{{0,20}},"
                         rf"\s+или\s+(?P<to>{NUMBER})\s?(?P<u2>%|процент\w*)", re.IGNORECASE)
# "В Костанайской области при плане 4,5 млн гектаров убрано 1,6 млн гектаров", "создано 472 тыс.": an amount done
done_amount_ru = re.compile(
    rf"(?P<metric>[^.;:!?]{{3,160}}?)\s+(?:фактически\s+|уже\s+|всего\s+)?(?P<verb>(?:оснащен|убран|создан|построен|введен|введён|"
    rf"отремонтирован|засеян|трудоустроен|подключен|подключён|модернизирован|заготовлен|собран|намолочен|реконструирован|"
    rf"газифицирован|освоен|привлечен|привлечён|отведен|отведён)[оаы]?)\s+(?:около\s+|более\s+|свыше\s+|почти\s+)?(?P<to>{NUMBER})\s?(?P<scale>{SCALE})?"
    rf"(?P<unit>\s?(?:гектар\w*|га\b|тонн\w*|км\b|километр\w*|человек|рабочих\s+мест|кв\.\s?м\w*|голов\w*|МВт|кВт\w*))?(?=[\s.,;)]|$)",
    re.IGNORECASE)
# "выдано … кредитов по ставке 5% годовых", "кредиты под 6% годовых": an interest rate is a value
rate_ru = re.compile(rf"(?P<what>[^.;:!?]{{0,80}}?)\s*(?:по\s+ставке|под)\s+(?:не\s+более\s+|до\s+)?(?P<to>{NUMBER})\s?%\s+годовых",
                     re.IGNORECASE)
# "Доступ к интернету имеют 95,8% домохозяйств", "покупки онлайн совершали 58% пользователей": a share of a counted whole
share_verb_ru = re.compile(
    rf"(?P<metric>[^.;:!?]{{3,100}}?)\s+(?P<verb>имеют|имеет|имели|совершали|совершают|совершил\w*|пользуются|пользовались|"
    rf"используют|использовали|получили|получают|оплачивают|оплачивали|владеют|доверяют|поддерживают|поддержали|оценили|считают)\s+"
    rf"(?:около\s+|более\s+|почти\s+|лишь\s+|уже\s+)?(?P<to>{NUMBER})\s?%\s+(?P<whole>[а-яё]+(?:\s+[а-яё]+(?:ых|их|ов|ев|ей))?)",
    re.IGNORECASE)
# "из которых 60% приходится на частные инвестиции", "Около трети прироста цен пришлось на регулируемые услуги"
falls_on_ru = re.compile(
    rf"(?:около\s+|почти\s+|более\s+|свыше\s+)?(?:(?P<to>{NUMBER})\s?%|(?P<frac>трети|четверти|половины|треть|четверть|половина))"
    rf"\s*(?P<of>[^.;:!?,\d]{{0,60}}?)\s*(?:приходится|пришл(?:ось|ась|ись)|приходил\w+|прид[её]тся)\s+на\s+(?P<what>[^.;:!?,]{{3,80}})",
    re.IGNORECASE)
# "Пользователей eGov Mobile стало на 1,4 млн больше": a change by an amount
more_by_ru = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?)\s+стал[оаи]?\s+на\s+(?P<to>{NUMBER})\s?(?P<scale>{SCALE})?\s*(?:больше|меньше)",
                        re.IGNORECASE)
# "зафиксировано 14 порывов на тепловых сетях против 39": a count of events set against the past
count_against_ru = re.compile(
    rf"(?P<verb>зафиксирован\w*|зарегистрирован\w*|выявлен\w*|произош\w+|отмечен\w*|допущен\w*)\s+(?P<to>{NUMBER})\s+"
    rf"(?P<what>[^.;:!?,\d]{{3,80}}?)\s+против\s+(?P<from>{NUMBER})(?=[\s.,;)]|$)", re.IGNORECASE)
_PER_CAPITA = re.compile(r"\s+на\s+(?:1[\s\u00a0\u202f]?000|10[\s\u00a0\u202f]?000|100[\s\u00a0\u202f]?000|100\s+тыс\.?)\s+[а-яё]+(?:\s+[а-яё]+)?",
                         re.IGNORECASE)
_AGE_METRIC = re.compile(r"продолжительност|возраст", re.IGNORECASE)
_CHANGE_AND = re.compile(rf"^(?:{GROWTH_RU})\s+(?:на|в)\s+.*?\s+и$", re.IGNORECASE)
_TARGET_MODAL = re.compile(r"[,\s]*\b(?:должн\w+|планируется|предстоит|необходимо|нужно|предлагается|ожидается|намечено)\s*$",
                           re.IGNORECASE)
_RANK_MOVE_BEFORE = re.compile(r"\s+(?:поднял|опустил|переместил|продвинул)\w*\s+на\s+\d{1,3}\s+(?:позици|пункт|строч|ступен)\w*"
                               r"(?:\s+(?P<rating>в\s+рейтинг[^,.;]*?))?\s+и\s*$", re.IGNORECASE)
# "Экспорт — $52,1 млрд (+1,8%)": a change in brackets after a level
paren_change_ru = re.compile(rf"(?P<metric>[^.;:!?—–()]{{3,100}}?)\s+[—–]\s+[^()—–]{{1,30}}?\(\s*(?P<sign>[+−-])\s?(?P<to>{NUMBER})\s?%\s*\)",
                             re.IGNORECASE)
# a physical amount in scaled units ("14,1 млн тонн") is an indicator, a scaled sum of money is not
_PHYSICAL = re.compile(r"\s*(?:тонн|гектар|т-км|кв\.\s?м|км\b|человек|кВт|МВт|голов|баррел|куб)", re.IGNORECASE)
# a baseline said after the level: "(годом ранее — 9,8%)", ", годом ранее было 8,1", "против 66% в прошлом году", "с 10,0% в марте"
_BASELINE = re.compile(
    rf"^\s*(?:\((?:годом\s+ранее|год\s+назад|в\s+прошлом\s+году|на\s+начало\s+года|в\s+20\d\d\s+году|[^()—–]{{3,30}}?)\s*[—–:-]\s*"
    rf"(?P<b1>(?:\$\s?)?(?:{NUMBER}))[^()]{{0,16}}\)|"
    rf"(?:\s+[а-яё]{{3,20}}){{0,2}},?\s+(?:а\s+)?(?:годом\s+ранее|год\s+назад|в\s+прошлом\s+году|в\s+20\d\d\s+году)\s*(?:[—–]|было|был|была|составлял\w*)\s*(?P<b2>{NUMBER})(?=[\s%,.;)]|$)|"
    rf"(?:\s+[^\s\d,;.()]{{1,10}})?\s+против\s+(?P<b3>{NUMBER})(?=[\s%,.;)]|$)|"
    rf"\s+с\s+(?P<b4>{NUMBER})\s?%(?:\s+в\s+(?:[а-я]+е|прошлом\s+году|20\d\d\s+году)|(?=\s*[.;,)]|\s*$)))", re.IGNORECASE)
_BASELINE_METRIC = re.compile(r"^(?:годом|год)\s+(?:ранее|раньше|назад)$|^(?:в\s+прошлом\s+году|на\s+начало\s+года)$", re.IGNORECASE)

# Kazakh: "45%-дан 78%-ға дейін өсті", "15 жұмыс күнінен 5 жұмыс күніне дейін қысқарды", "28-орыннан 24-орынға көтерілді"
_KK_UNIT = r"(?:%|пайыз\w*|Мбит/с|(?:жұмыс\s)?күн\w*|орын\w*|сағат\w*|минут\w*|миллион\w*|млн|млрд|миллиард\w*|мың\w*|есе\w*|[а-яәғқңөұүһі]{3,})"
from_to_kk = re.compile(
    rf"(?P<pre>[^.;:!?]*?)(?P<from>{VALUE})\s?-?\s?(?P<u1>{_KK_UNIT})?-?(?<=[^\s])(?:дан|ден|тан|тен|нан|нен|ынан|інен)?\s+"
    rf"(?:[а-яәғқңөұүһі]+(?:та|те|да|де)\s+)?(?P<to>{VALUE})\s?-?\s?(?P<u2>{_KK_UNIT})?-?(?:ға|ге|қа|ке|на|не|ына|іне|а|е)?\s+(?:дейін\s+)?"
    rf"(?P<verb>өсті|өседі|артты|артады|ұлғайды|ұлғаяды|төмендеді|төмендейді|қысқарды|қысқарады|көтерілді|азайды|жетті|жетеді|"
    rf"көбейді|кеміді|жақсарды|өсіп|артып|қысқарып|төмендеп|баяулады|баяулап|азайып|ұлғайып|көбейіп|жеделдеді|кеңейді|жеделдеп|кеңейіп|"
    rf"(?:өск|артқ|ұлғайғ|төмендег|қысқарғ|баяулаға|азайғ|көбейг|көтерілг)\w*)",
    re.IGNORECASE)
_KK_LEVEL_VERB = (r"жетті|жетеді|құрады|құрайды|өсті|артты|ұлғайды|төмендеді|қысқарды|азайды|жетуі|құрауы|артып|өсіп|төмендеп|"
                  r"қысқарып|азайып|ұлғайып|көбейіп|кеміп|көбейді|кеміді|орындалды|орындалып|жеткізілді|жеткізіледі|жеткізілуі|"
                  r"көтерілді|баяулады|жеделдеді|кеңейді|деңгейінде|болды|болып\sотыр|асып\sтүсті|асты|көп|артық|жоғары|аз|төмен")
# "X 96 пайызға жетті"; a verb said once for two figures ("A 14,8 пайызға, B 21,4 пайызға ұлғайды"); a bare level at the
# end ("бүгінде бұл көрсеткіш 74 пайыз"); the subject may be in the clause before ("…өсіп, 96 пайызға жетті")
value_kk = re.compile(
    rf"(?P<metric>[^.;:!?]{{0,160}}?)(?:^|\s)(?P<to>{VALUE})\s?(?P<u2>%|пайыз)\s?-?\s?(?:ға|ге|ды|ді|ты|ті|ке|қа|ын|ін)?"
    rf"(?:\s(?:дейін\s)?(?P<verb>{_KK_LEVEL_VERB})\b|(?=,\s[^.;:!?]{{3,120}}?\d\s?(?:%|пайыз)\S*\s(?:{_KK_LEVEL_VERB})\b)|(?=\s*[.;!?]?\s*$))",
    re.IGNORECASE)
# "мемлекеттік қызметтердің 92 пайызы цифрландырылды", "арналардың 40%-ы … жабдықталған": a share of a genitive whole
share_of_kk = re.compile(
    rf"(?P<whole>(?:[^.;:!?,]|(?<=\d),(?=\d)){{2,120}}?(?:ның|нің|дың|дің|тың|тің))\s(?P<to>{VALUE})\s?(?:%\s?-?\s?(?:ы|і|ын|ін|ына|іне|ында|інде)|"
    rf"пайыз(?:ы|ын|ына|ында))(?:\s(?P<rest>[^.;:!?,]{{3,140}}?))?(?=[.;:!?,]|\s(?:ал|бүгінде|іс жүзінде)\s|$)", re.IGNORECASE)
# "жылдық инфляция 0,8 пайыздық тармаққа баяулады"
pp_kk = re.compile(rf"(?P<metric>[^.;:!?]{{3,120}}?)\s(?P<to>{NUMBER})\s(?:пайыздық\s(?:тармақ|пункт)\w*|п\.\s?т\.)", re.IGNORECASE)
# "Қазақстан ТМД елдері арасында 3-орынға көтерілді"
place_kk = re.compile(r"(?P<metric>[^.;:!?]{3,120}?)\s(?P<to>\d{1,3})\s?-\s?орын(?:ға|ды|нан|да)\s(?P<verb>көтерілді|түсті|ие болды|тұр|иеленді|жайғасты)",
                      re.IGNORECASE)
target_kk = re.compile(
    rf"(?P<period>20\d{{2}}\s?жылға\s(?:қарай|дейін))?\s?(?P<metric>[^.;:!?]{{3,120}}?)\s(?P<to>{VALUE})\s?(?P<u2>%|пайыз|[A-Za-zА-Яа-я]{{1,6}}/[A-Za-zА-Яа-я]{{1,3}})?\s?-?\s?(?:ға|ге|қа|ке|ына|іне)\s(?:дейін\s)?"
    rf"(?P<verb>жеткізу|жеткізілсін|жетеді|жеткізіледі|жеткізілуі|арттыру|ұлғайту|көтеру|төмендету|қысқарту|азайту)",
    re.IGNORECASE)
# "64 елді мекеннің 52-сінде бөгеттер нығайтылды", "жоспарланған 420 шақырым жолдың 260 шақырымы жөнделді": a part of a
# counted whole; the whole is an indicator too when it is the plan
part_of_kk = re.compile(
    rf"(?P<pre>[^.;:!?]*?)(?P<total>{NUMBER})\s(?:(?P<unit>шақырым|километр|гектар|тонна|мың|млн)\s)?"
    rf"(?P<whole>(?:[а-яәғқңөұүһі-]+\s){{0,2}}[а-яәғқңөұүһі-]+(?:ның|нің|дың|дің|тың|тің))\s(?P<to>{NUMBER})\s?"
    rf"(?:-?\s?(?:і|ы|сі|сы|інде|ында|сінде|сында|не|на)\b|(?P<unit2>шақырым|километр|гектар|тонна)\w*)\s(?P<rest>[^.;:!?,]{{3,80}})",
    re.IGNORECASE)
# "орташа өнімділік гектарына 14,2 центнерді құрады": a yield
yield_kk = re.compile(rf"(?P<metric>[^.;:!?,]{{3,100}}?)\s+гектарына\s+(?P<to>{NUMBER})\s+центнер\w*\s+(?:құрады|болды|жетті|құрап)",
                      re.IGNORECASE)
# "Халықаралық бағыттар саны 140-қа жетті": a count reached
count_reach_kk = re.compile(
    rf"(?P<metric>[^.;:!?,]{{3,120}}?\s(?:саны|көлемі|ұзындығы|қуаты))\s(?P<to>{NUMBER})\s?(?P<scale>мың|млн|млрд)?\s?-?\s?"
    rf"(?:ға|ге|қа|ке|а|е)\s(?:дейін\s)?(?:жетті|өсті|артты|ұлғайды|көбейді|жетіп|өсіп)", re.IGNORECASE)
# "көмір қорын кемінде 30 тәуліктік деңгейде ұстау": a floor set inside an order
floor_kk = re.compile(rf"(?P<metric>(?:[^\s.;:!?,]+\s){{0,2}}[^\s.;:!?,]+(?:ны|ні|ын|ін|ды|ді|ты|ті))\s(?:[^\s.;:!?,]+\s){{0,4}}?"
                      rf"кемінде\s(?P<to>{NUMBER})\s?(?P<u2>%|пайыз|тәулік|күн|Мбит/с)\w*", re.IGNORECASE)
times_kk = re.compile(rf"(?P<metric>[^.;:!?]{{3,160}}?)\s(?P<to>{NUMBER}|{NUMBER_WORD})\sесе(?:ге)?\s(?P<verb>\w+)", re.IGNORECASE)

_LEADING_NOISE = re.compile(
    r"^(?:\s|,|—|-|а\s|и\s|что\s|также\s|при этом\s|кроме того\s|справочно\s|в\s20\d{2}[–-]20\d{2}\s(?:годы|годах|гг\.?)\s|"
    r"в\s20\d{2}\s(?:году|г\.)\s|за\s\w+\s(?:лет|года)\s|20\d{2}[–-]20\d{2}\s?(?:жылдары|жж\.)\s|20\d{2}\sжылы\s|"
    r"соңғы\s\w+\sжылда\s|по данным\s[^,]+,\s|к\s20\d{2}\s(?:году|г\.)\s|20\d{2}\sжылға\sқарай\s)+",
    re.IGNORECASE)
_PERIOD = re.compile(r"(?:в\s)?(20\d{2}[–-]20\d{2})\s?(?:годы|годах|гг\.?|жылдары|жж\.?)?|(?:за|в)\s(20\d{2})\s(?:год|году)|(?:к|до)\s(20\d{2})\s(?:году|года)", re.IGNORECASE)
_HAS_FIGURE = re.compile(rf"\d|\b(?:{NUMBER_WORD}|вдвое|втрое|вчетверо|впятеро|треть|четверть|половину|трети|четверти|половины)\b", re.IGNORECASE)


def _gate(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


# Cheap anchors: a grammar runs on a sentence only when its anchor word is there.
GATES = {
    "from_to_ru": _gate(r"\bсо?\s.{0,60}\bдо\s"),
    "target_ru": _gate(rf"\b(?:{TARGET_RU})\b"),
    "reach_ru": _gate(r"достиг|состав|превыс|\sдо\s|на уровне|\w\s[—–-]\s\d"),
    "times_ru": _gate(r"\bраза?\b"),
    "by_percent_ru": _gate(r"\bна\s\d"),
    "ratio_ru": _gate(r"мультипликатор|соотношени|возврат"),
    "pp_ru": _gate(r"пункт|п\.\s?п\."),
    "place_ru": _gate(r"мест"),
    "more_than_ru": _gate(r"что\s+на\s+\d"),
    "range_share_ru": _gate(r"%|процент"),
    "from_to_kk": _gate(r"(?:дан|ден|тан|тен|нан|нен)\s"),
    "value_kk": _gate(r"%|пайыз"),
    "target_kk": _gate(r"жеткізу|жеткізілсін|жетеді|жеткізіледі|жеткізілуі|арттыру|ұлғайту|көтеру|төмендету|қысқарту|азайту"),
    "share_of_kk": _gate(r"(?:ның|нің|дың|дің|тың|тің)\s\d"),
    "pp_kk": _gate(r"пайыздық\s(?:тармақ|пункт)|п\.\s?т\."),
    "place_kk": _gate(r"-\s?орын"),
    "completion_ru": _gate(r"\sна\s\d"),
    "gerund_ru": _gate(r"(?:шись|ши|в)\s+на\s+\d"),
    "done_share_ru": _gate(r"\d\s?%\s"),
    "dash_value_ru": _gate(r"\s[—–]\s+(?:почти\s|около\s|более\s|свыше\s|порядка\s|лишь\s|\$\s?)?\d"),
    "target_floor_ru": _gate(r"не\s+(?:менее|ниже|более|выше)|минимум"),
    "nominal_target_ru": _gate(r"(?:снижени|увеличени|повышени|доведени|сокращени)\w*\s"),
    "twofold_ru": _gate(r"вдвое|втрое|вчетверо|впятеро"),
    "part_of_ru": _gate(r"\b[Ии]з\s\d"),
    "plan_ru": _gate(r"\bпри\s+(?:план|целев|прогноз|норм)"),
    "times_kk": _gate(r"\bесе"),
    "floor_kk": _gate(r"кемінде\s\d"),
    "part_of_kk": _gate(r"(?:ның|нің|дың|дің|тың|тің)\s\d"),
    "yield_kk": _gate(r"гектарына\s\d"),
    "count_reach_kk": _gate(r"(?:саны|көлемі|ұзындығы|қуаты)\s\d"),
    "and_level_ru": _gate(r"\sи\s+(?:состав|достиг)|(?:п\.\s?п\.|%|раза?),?\s+(?:[—–]\s+)?до\s"),
    "table_pair_ru": _gate(r"%\s*/\s*\d|\|\s*\d"),
    "table_ru": _gate(r":\s*(?:в\s+)?20\d\d"),
    "then_now_ru": _gate(r"составлял|\sбыл|находил"),
    "gapped_ru": _gate(r"\s[—–]\s+(?:на|в|до)\s"),
    "fraction_ru": _gate(r"треть|четверть|половину|пятую"),
    "rank_move_ru": _gate(r"позици|мест|строч|ступен"),
    "such_ru": _gate(r"[—–]\s+таков"),
    "compared_ru": _gate(r"(?:что|это)\s+(?:на\s+\d|в\s|вдвое|втрое|вчетверо)"),
    "plan_fact_ru": _gate(r"план\s*[—–-].{0,40}факт"),
    "keep_level_ru": _gate(r"на\s+(?:прежнем\s+)?уровне"),
    "reach_fraction_ru": _gate(r"трети|четверти|половины"),
    "by_amount_ru": _gate(r"\bна\s\d"),
    "or_share_ru": _gate(r",\s+или\s+\d"),
    "done_amount_ru": _gate(r"(?:оснащен|убран|создан|построен|введен|введён|ремонтирован|засеян|трудоустроен|подключ[её]н|модернизирован|"
                            r"заготовлен|собран|намолочен|реконструирован|газифицирован|освоен|привлеч[её]н|отвед[её]н)\w*\s+(?:\w+\s+)?\d"),
    "rate_ru": _gate(r"%\s+годовых"),
    "share_verb_ru": _gate(r"(?:имеют|имеет|имели|соверш|польз|использ|получ|оплачива|владеют|доверяют|поддерж|оценили|считают)"
                           r"\w*\s+(?:\w+\s+)?\d[\d,.]*\s?%"),
    "falls_on_ru": _gate(r"пришл|приходи\w+\s+на|прид[её]тся"),
    "more_by_ru": _gate(r"стал[оаи]?\s+на\s+\d"),
    "count_against_ru": _gate(r"против\s+\d"),
    "paren_change_ru": _gate(r"\(\s*[+−-]\s?\d"),
}
_INTRO = re.compile(r"^(?:.*?\b(?:сообщил\w*|доложил\w*|отметил\w*|заявил\w*|подчеркнул\w*|сказал\w*|уточнил\w*),?\s+что\s+|"
                    r"(?:по данным|согласно|по информации|по словам|по оценкам|как отметил\w*|по итогам)[^,]*,\s*|"
                    r"(?:при этом|также|кроме того|в частности|так|в том числе|таким образом|то есть|т\.\s?е\.)[,]?\s+)+", re.IGNORECASE)
_KK_INTRO = re.compile(r"^(?:.*?\b(?:мәлімет\w* бойынша|дерек\w* бойынша|болжам\w* бойынша|хабарлауынша|айтуынша|атап өтті|"
                       r"мәлімдеді|хабарлады)[,]?\s+|(?:биыл|былтыр|бүгінде|қазір|соңғы \w+ жылда|бір жылда|жыл басынан бері|"
                       r"сондай-ақ|сонымен қатар|нәтижесінде)[,]?\s+)+", re.IGNORECASE)
_ANAPHORA = re.compile(r"^(?:этот|данный|указанный|этот же|он|она|оно|тот же|её|ее|его|их)\s*(?:показатель|уровень|индикатор)?$|"
                       r"^(?:бұл|осы|аталған)\s+(?:көрсеткіш|деңгей|индикатор)\w*$", re.IGNORECASE)
# "Мақсат – 2027 жылға қарай бұл көрсеткішті": the anaphor at the end of a longer clause
_ANAPHOR_TAIL = re.compile(r"(?:^|\s)(?:бұл|осы|аталған|этот|данный)\s+(?:көрсеткіш|деңгей|индикатор|показатель)\w*$", re.IGNORECASE)
_ANAPHOR = "\0anaphor"
# a clause that is only a predicate names no indicator of its own
_PREDICATE_ONLY = re.compile(r"^(?:однако\s+|но\s+|всё\s+ещё\s+|все\s+еще\s+|по-прежнему\s+)*(?:оста[её]тся|остал\w*|сохраня\w*|"
                             r"держится|находится)(?:\s+(?:высок|низк|стабильн|значительн)\w*)?$", re.IGNORECASE)
_HEADS = ("доля", "уровень", "число", "количество", "объем", "объём", "охват", "индекс", "показатель", "темп")


def _unit(raw: str | None, text: str) -> str | None:
    if not raw:
        return "$" if "$" in text else None
    low = raw.lower().strip()
    if low.startswith(("%", "процент", "пайыз")) and "пункт" not in low:
        return "%"
    if "пункт" in low or low.startswith("п."):
        return "p.p."
    if low.startswith(("мест", "орын")):
        return "place"
    if low.startswith(("дн", "день", "күн", "жұмыс күн")):
        return "days"
    return raw.strip()


def _scaled(value: float | None, scale: str | None) -> float | None:
    """"1,6 млн" → 1 600 000; no scale word leaves the value as it is."""
    return None if value is None else value * scale_of(scale.strip() if scale else None)


def _num(raw: str) -> float | None:
    return parse_number(raw.replace("$", "").strip())


def _clean_metric(metric: str) -> str:
    metric = re.sub(r"^[^\w«\"(]+", "", metric)  # bullets and emoji of a Telegram post: "📌 Су желілерінің тозуы"
    metric = _KK_INTRO.sub("", metric.strip(" ,—–-:"))
    metric = _INTRO.sub("", metric.strip(" ,—–-:"))
    metric = _LEADING_NOISE.sub("", metric.strip(" ,—–-:"))
    metric = _INTRO.sub("", metric)
    metric = re.sub(r"\s+(?:за|в)\s+(?:20\d{2}(?:[–-]20\d{2})?\s*(?:год\w*|гг\.?)|последн\w+ \w+ (?:год\w*|лет|месяц\w*)|"
                    r"(?:\w+ )?месяц\w*(?: 20\d{2} года)?|полгода|(?:первое |второе )?полугодие(?: 20\d{2} года)?|"
                    r"(?:[IV]+|первый|второй|третий|четв[её]ртый) квартал(?: 20\d{2} года)?|"
                    r"январь[–-]\w+(?: 20\d{2} года)?)$", "", metric.strip(" ,—–-:"), flags=re.IGNORECASE)
    return metric.strip(" ,—–-:")


_PARTICIPLE_LEAD = re.compile(
    r"^(?:котор\w+|\w+(?:ющ|ущ|ащ|ящ|ем|им|вш|нн|ённ|т)(?:ий|ая|ое|ие|их|ых|ый|ым|ыми|ую|его|ей|ого|ому|ем|ом|ой))\b",
    re.IGNORECASE)
_ASIDE = re.compile(r"^(?:по\s+(?:данным|предварительным|оценк|словам|информации|итогам)|согласно|как\s+(?:сообщил|отметил)|"
                    r"в\s+(?:целом|частности)|однако|впрочем|при\s+этом)\b[^,]*$", re.IGNORECASE)


_PRONOUN_END = re.compile(r"(?:^|\s)(?:её|ее|его|их|он|она|оно)$", re.IGNORECASE)


def _subject(pre: str) -> str:
    """The indicator a figure belongs to: the end of the text before it, after the last comma or dash. A participial
    phrase ("доля услуг, оказываемых онлайн,"), a bare period ("…, за 2023–2024 годы") or an aside ("…, по данным
    БНС,") is not the subject: the chunk before it is taken (with the participle)."""
    parts = re.split(r"([,—]\s)", pre)
    clause = parts[-1]
    while len(parts) > 2 and parts[-2].startswith(","):
        c = clause.strip(" ,")
        bare = not re.search(r"[^\W\d_]{3,}", _PERIOD.sub("", c)) and not _PRONOUN_END.search(c)  # "к 2029 году её"
        if (bare or _PARTICIPLE_LEAD.match(c)
                or re.fullmatch(rf"(?:{GROWTH_RU})(?:\s+на)?", c, re.IGNORECASE)):  # "…, обслуженных …, выросла"
            clause = parts[-3] + parts[-2] + clause
            parts = parts[:-3] + [clause]
        elif _ASIDE.match(c):
            clause = parts[-3]
            parts = parts[:-2]
        else:
            break
    return clause


def _subject_start(m: re.Match, group: str = "metric") -> tuple[str, int]:
    """``_subject`` of a match group and where it starts in the searched text (the span of the KPI)."""
    pre = m.group(group)
    clause = _subject(pre)
    return clause, m.start(group) + max(pre.rfind(clause), 0)


_CLAUSE_BREAK = re.compile(r",\s+(?:а|ал|и|при этом|тогда как|в то время как|но|однако|әрі|ал)\s+|;\s+", re.IGNORECASE)
# Kazakh clauses also end at a converb ("… 2,5 пайыздық тармаққа өсіп, 96 пайызға жетті") and before "in fact / today"
_CLAUSE_BREAK_KK = re.compile(r"\b(?:өсіп|артып|азайып|қысқарып|төмендеп|ұлғайып|көбейіп|кеміп|жетіп|баяулап|жеделдеп|кеңейіп|"
                              r"көтеріліп|құрап),\s+|,\s+(?=(?:іс жүзінде|бүгінде|нақтысында|ал)\s)", re.IGNORECASE)


# "180 тыс. гектаров": the abbreviation's dot is not a sentence end, yet every metric span stops at "."; it is
# masked (same length, so offsets hold) while the patterns run
_ABBREV_DOT = re.compile(r"(?<=\bтыс)\.(?=\s+[а-яё])|(?<=[A-Za-z])\.(?=(?:kz|ru|com|gov|org|net)\b)")


def find_kpis(text: str, offset: int = 0, lang: str = "ru", prev_metric: str | None = None) -> list[Kpi]:
    """KPIs of one sentence. Two indicators joined by ", а" / ", ал" are read clause by clause, so the second
    one's subject is not swallowed by the first."""
    if not _HAS_FIGURE.search(text):
        return []  # no figure, no indicator: skip the expensive patterns
    text = _ABBREV_DOT.sub(ABBREVIATION_DOT, text)
    found = _find_kpis(text, offset, lang, prev_metric)
    for k in found:
        k.metric = k.metric.replace(ABBREVIATION_DOT, ".")
        k.text = k.text.replace(ABBREVIATION_DOT, ".") if k.text else k.text
    return found


def _find_kpis(text: str, offset: int, lang: str, prev_metric: str | None) -> list[Kpi]:
    period_match = _PERIOD.search(text)
    period = next((g for g in period_match.groups() if g), None) if period_match else None
    found: list[Kpi] = []
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text)]
    if lang == "kk":
        breaks = sorted(set(breaks) | {m.end() for m in _CLAUSE_BREAK_KK.finditer(text)})
    bounds = [0] + breaks + [len(text) + 1]
    last = prev_metric
    for a, b in zip(bounds, bounds[1:]):
        clause = text[a:b]
        if not _HAS_FIGURE.search(clause):
            continue
        got = _find_in_clause(clause, offset + a, lang, last, period)
        if got:
            found.extend(got)
            last = got[-1].metric
    return found


def _find_in_clause(text: str, offset: int, lang: str, prev_metric: str | None, period: str | None) -> list[Kpi]:
    found: list[Kpi] = []
    taken: list[tuple[int, int]] = []
    last_metric: str | None = None
    # "при плане 100%" belongs to the indicator next to it: blanked out for the other patterns, added at the end
    original = text
    plans = list(plan_ru.finditer(text)) if lang == "ru" and GATES["plan_ru"].search(text) else []
    for p in plans:
        text = text[:p.start()] + " " * (p.end() - p.start()) + text[p.end():]

    def add(m: re.Match, metric: str, frm: float | None, to: float | None, unit: str | None, kind: str,
            per: str | None = None, start: int | None = None, stop: int | None = None, own_span: bool = False) -> None:
        nonlocal last_metric
        s = m.start() if start is None else start
        stop = m.end() if stop is None else stop
        end = s + len(text[s:stop].rstrip())  # a blanked-out plan at the end is not part of this span
        # a plan was blanked out of the text the others read, so its span is its own even inside another's
        if (not own_span and any(s < e and b < end for b, e in taken)) or to is None:
            return
        metric = re.sub(r"\s+", " ", _clean_metric(metric))
        if _PREDICATE_ONLY.match(metric):
            metric = "этот показатель"  # "…, однако остаётся высоким — 61%": the indicator of the clause before
        if _ANAPHOR_TAIL.search(metric):
            metric = _ANAPHOR_TAIL.search(metric).group().strip()
        if _ANAPHORA.match(metric):
            metric = _ANAPHOR  # "К 2028 году этот показатель достигнет 90%": resolved by text order at the end
        if not metric or _ANAPHORA.match(metric):
            return
        taken.append((s, end))
        last_metric = metric
        found.append(Kpi(metric=metric, **{"from": frm}, to=to, unit=unit, period=per or period, kind=kind,
                         text=original[s:end].strip(), start=offset + s, end=offset + end))

    for m in (such_ru.finditer(text) if GATES["such_ru"].search(text) else ()):
        add(m, m.group("metric"), None, _num(m.group("to")), "%", "value")
    for m in (from_to_ru.finditer(text) if GATES["from_to_ru"].search(text) else ()):
        pre = m.group("pre").rstrip(" —–-")
        # the metric is the end of the clause before "с X до Y": after the last comma or dash
        clause = _subject(pre) if pre else ""
        metric = _clean_metric(clause)
        if len(metric) < 3 and pre:
            # "доля услуг, оказываемых в электронном виде, за 2023–2024 годы выросла с …": the subject spans commas
            metric = _clean_metric(pre)
            clause = pre
        first = metric.split()[0].lower() if metric else ""
        if not m.group("verb") and last_metric and metric and not re.search(GROWTH_RU, clause, re.IGNORECASE):
            head = last_metric.split()[0].lower()
            # ", безналичных платежей — с 30% до 89%" continues "доля …": a genitive phrase borrows the head noun
            if head in _HEADS and first != head and re.search(r"(?:ых|их|ого|его|ой|ей|ов|ий)$", first):
                metric = f"{head} {metric}"
        metric = re.sub(rf"\s*(?:{GROWTH_RU})\s*$", "", metric, flags=re.IGNORECASE)
        frm, to = _num(m.group("from")), _num(m.group("to"))
        unit = _unit(m.group("u2") or m.group("u1"), m.group())
        if unit and scale_of(unit) > 1 and unit != "%":
            scale = scale_of(unit)
            frm, to = (frm or 0) * scale, (to or 0) * scale
            unit = "USD" if "$" in m.group() else ("count" if not any(c in m.group() for c in "₸$€") else unit)
        # where the subject starts (it need not end the prefix: _subject may drop an aside after it)
        start = m.start("pre") + max(m.group("pre").rfind(clause), 0) if pre else m.start()
        add(m, metric, frm, to, unit, "achieved" if m.group("verb") or last_metric else "value", start=start)
    for m in (table_ru.finditer(text) if GATES["table_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, metric, _num(m.group("from")), _num(m.group("to")), _unit(m.group("u2") or m.group("u1"), m.group()), "value",
            start=start)
    for m in (table_pair_ru.finditer(text) if GATES["table_pair_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        frm, to = next((m.group(f), m.group(t)) for f, t in (("from", "to"), ("from2", "to2"), ("from3", "to3")) if m.group(t))
        unit = "%" if m.group("to") or m.group("to3") else _unit(m.group("u"), m.group())
        add(m, metric, _num(frm), _num(to), unit, "value", start=start)
    for m in (then_now_ru.finditer(text) if GATES["then_now_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, metric, _num(m.group("from")), _num(m.group("to")), _unit(m.group("u2") or m.group("u1"), m.group()), "achieved",
            start=start)
    for m in (target_ru.finditer(text) if GATES["target_ru"].search(text) else ()):
        per = (m.group("period") or "").strip() or None
        after = re.match(r"\s+((?:дол\w+|уровень|охват|числ\w+|количеств\w+|объ[её]м\w*|показатель|индекс)[^.;:!?,]{0,80}?)"
                         r"(?=\s+(?:к|до|в)\s+20\d\d|[.;:!?,]|$)", text[m.end():])
        start = m.start()
        if len(m.group("metric").strip()) > 3:
            metric = m.group("metric")
        elif after:
            metric = after.group(1)
        else:  # "Доля … — 3,4%, к 2029 году её планируется довести до 5%": the clause before the verb, maybe a pronoun
            pre = _TARGET_MODAL.sub("", m.group("pre"))
            metric = _subject(pre)
            start = m.start("pre") + max(pre.rfind(metric), 0)
        metric = _TARGET_MODAL.sub("", metric.strip())
        unit = _unit(m.group("u2"), m.group())
        to = _num(m.group("to"))
        if unit and scale_of(unit) > 1 and to is not None:
            to, unit = to * scale_of(unit), None
        add(m, metric, None, to, unit, "target", per, start=start)
    for m in (reach_ru.finditer(text) if GATES["reach_ru"].search(text) else ()):
        to = _num(m.group("to"))
        frm = _num(m.group("base")) if m.group("base") else None  # "16,1 ц/га против 9,8 ц/га годом ранее"
        if m.group("to2"):
            frm, to = to, _num(m.group("to2"))
        unit = _unit(m.group("u2"), m.group())
        physical = (unit and scale_of(unit) > 1
                    and _PHYSICAL.match(text, m.end())
                    and not re.search(rf"(?:{GROWTH_RU})\s+(?:на|в)\s", m.group("metric"), re.IGNORECASE)
                    and not re.match(r"\s*\S+\s*,\s+(?:что|это|увеличив|сократив|снизив|вырос)", text[m.end():], re.IGNORECASE))
        stop = None
        if unit is None and not m.group("base"):
            # "снизилась до 7,4 на 1 000 родившихся живыми", "продолжительность жизни достигла 75,3 года": a rate, an age
            rate = _PER_CAPITA.match(text[m.end():])
            years = re.match(r"\s?(?:года|лет)\b", text[m.end():]) if _AGE_METRIC.search(m.group("metric")) else None
            if rate or years:
                unit, stop, physical = (rate.group().strip() if rate else "лет"), m.end() + (rate or years).end(), True
        if (unit is None or scale_of(unit) > 1 or unit.lower().startswith(("тенге", "долл", "евро"))) and not (
                plans or physical or m.group("base") and unit):
            continue  # "бюджет составит 312 млрд тенге" is money, not an indicator — unless set against a plan or a past
        metric, start = _subject_start(m)
        if _CHANGE_AND.match(metric.strip()):
            # "доля …, выросла в 1,5 раза и составила 36%": the change is another KPI; the subject is before it
            metric, start = _subject(m.string[m.start("metric"):start].rstrip(" ,")), m.end("metric")
        add(m, metric, frm, to, unit, "target" if re.search(r"нет|нут|ит|ят|должн", m.group()) else "value", start=start,
            stop=stop)
    for m in (by_percent_ru.finditer(text) if GATES["by_percent_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, metric, None, _num(m.group("to")), "%", "achieved", start=start)
    for m in (times_ru.finditer(text) if GATES["times_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, metric, None, _num(m.group("to")), "x", "value", start=start)
    for m in (ratio_ru.finditer(text) if GATES["ratio_ru"].search(text) else ()):
        add(m, m.group("metric"), None, _num(m.group("to")), "ratio", "value")
    for m in (more_than_ru.finditer(text) if GATES["more_than_ru"].search(text) else ()):
        # the level itself is another KPI ("составил 87,5%"): this one's span is the comparison only
        metric, _ = _subject_start(m)
        add(m, metric, None, _num(m.group("to")), _unit(m.group("u2"), m.group()), "achieved", start=m.start("that"))
    for m in (and_level_ru.finditer(text) if GATES["and_level_ru"].search(text) else ()):
        metric, _ = _subject_start(m)
        metric = re.sub(rf"[,\s]*\b(?:{GROWTH_RU})$", "", metric.strip(), flags=re.IGNORECASE)
        add(m, metric, None, _num(m.group("to")), "%", "achieved", start=m.start("lvl"))
    for m in (place_ru.finditer(text) if GATES["place_ru"].search(text) else ()):
        tail, metric, start = (m.group("tail") or "").strip(), m.group("metric"), m.start()
        moved = _RANK_MOVE_BEFORE.search(metric)
        if moved:  # "Казахстан поднялся на 9 позиций в рейтинге X и занял 41-е место": the move is a KPI of its own
            rating = moved.group("rating") or ""
            metric, start = f"{rating} {metric[:moved.start()]}", m.start("metric") + moved.end()
        add(m, f"место {metric.strip()} {tail}".strip(), None, _num(m.group("to")), "place", "value", start=start)
    for m in (pp_ru.finditer(text) if GATES["pp_ru"].search(text) else ()):
        # "Доля обращений, обработанных автоматически, увеличилась на 3,2 п.п.": the subject, not the verb
        metric, start = _subject_start(m)
        metric = re.sub(rf"[,\s]*\b(?:{GROWTH_RU})$", "", metric.strip(), flags=re.IGNORECASE)
        add(m, metric, None, _num(m.group("to")), "p.p.", "value", start=start)
    for m in (completion_ru.finditer(text) if GATES["completion_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, f"{metric.strip()} {m.group('verb')}", None, _num(m.group("to")), "%", "achieved", start=start)
    for m in (target_floor_ru.finditer(text) if GATES["target_floor_ru"].search(text) else ()):
        metric = m.group("metric")
        if m.group("tail") and len(metric.split()) == 1:
            metric = f"{metric} {m.group('tail')}"  # "обновить не менее 30% локомотивного парка"
        add(m, metric, None, _num(m.group("to")), _unit(m.group("u2"), m.group()), "target")
    for m in (nominal_target_ru.finditer(text) if GATES["nominal_target_ru"].search(text) else ()):
        add(m, m.group("metric"), None, _num(m.group("to")), "%", "target", (m.group("period") or "").strip() or None)
    for m in (twofold_ru.finditer(text) if GATES["twofold_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, metric, None, _TIMES_WORDS[m.group("times").lower()], "x", "achieved", start=start)
    for m in (fraction_ru.finditer(text) if GATES["fraction_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, metric, None, _fraction(m.group("frac")), "%", "achieved", start=start)
    for m in (gapped_ru.finditer(text) if GATES["gapped_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        if m.group("frac"):
            to, unit = _fraction(m.group("frac")), "%"
        elif m.group("times"):
            to, unit = _num(m.group("times")), "x"
        else:
            to, unit = _num(m.group("pct")), "%"
        add(m, metric, None, to, unit, "achieved", start=start)
    for m in (rank_move_ru.finditer(text) if GATES["rank_move_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        rating = re.search(r"\b[Вв]\s+(рейтинг\w*[^,]*?)(?=\s+[А-ЯЁA-Z]|$)", metric)
        if rating:  # "В рейтинге … Казахстан": the rating names the indicator
            metric = f"место в {rating.group(1)} {metric[rating.end():].strip()}"
        elif m.group("after"):  # "Казахстан поднялся на 9 позиций в рейтинге …"
            metric = f"место {m.group('after').strip()} {metric.strip()}"
        else:
            metric = f"место {metric.strip()}"
        add(m, metric, _num(m.group("from")) if m.group("from") else None, _num(m.group("to")), "place", "achieved", start=start)
    for m in (part_of_ru.finditer(text) if GATES["part_of_ru"].search(text) else ()):
        rest, to, scale = m.group("rest"), _num(m.group("to")), m.group("scale")
        if re.match(r",\s+или\s+\d", text[m.end():]) or (re.fullmatch(r"20\d\d", m.group("to")) and re.match(r"\s+год", text[m.end():])):
            continue  # "обеспечены 5 730, или 92%": the share is the indicator; "в 2026 году" is a year
        if scale:  # "Из 780 тыс. человек, …, трудоустроены 520 тыс. человек": part and whole in one scale
            if not rest.lower().startswith(scale.lower()[:3]) or to is None:
                continue
            rest, to = re.sub(rf"^{SCALE}\s*", "", rest, flags=re.IGNORECASE), _scaled(to, scale)
        planned = re.match(r"запланированн|планов|предусмотренн", rest, re.IGNORECASE)
        if planned:  # "Из 37 запланированных на год проектов": the planned total is an indicator too
            add(m, rest, None, _num(m.group("total")), None, "target", start=m.start("total"), stop=m.end("total"))
        add(m, rest, None, to, None, "value", start=m.start("to") if planned else None)
    for m in (dash_value_ru.finditer(text) if GATES["dash_value_ru"].search(text) else ()):
        scale = m.group("scale")
        physical = _PHYSICAL.match(text[m.end():]) if scale else None
        if physical and re.match(r"\S*\s*[—–]", text[m.end() + physical.end():]):
            physical = None  # "Треть посевов — около 4,3 млн гектаров — засеяна …": an aside between dashes
        if m.group("u2") is None and m.group("from") is None and m.group("from2") is None and not (plans and scale or physical):
            continue  # "— 46" alone may be anything; a count needs its baseline (or a plan next to it) to be an indicator
        metric, start = _subject_start(m)
        if re.fullmatch(r"\s*(?:план|факт|прогноз)\s*", metric, re.IGNORECASE):
            continue  # "план — 10 млн тонн, факт — 11,2 млн тонн" is one indicator's pair (plan_fact_ru)
        base, to = m.group("from") or m.group("from2"), _num(m.group("to"))
        base = _num(base) if base else None
        if scale:  # "— $63,4 млрд (на начало года — $58,2 млрд)", "— 14,1 млн тонн"
            to, base = _scaled(to, scale), _scaled(base, scale)
        unit = _unit(m.group("u2"), m.group()) if m.group("u2") else physical.group().strip() if physical else _unit(None, m.group())
        add(m, metric, base, to, unit, "value", start=start, stop=m.end() + (physical.end() if physical else 0))
    for m in (gerund_ru.finditer(text) if GATES["gerund_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, metric, None, _num(m.group("to")), "%", "achieved", start=start)
    for m in (done_share_ru.finditer(text) if GATES["done_share_ru"].search(text) else ()):
        add(m, f"{m.group('verb')} {m.group('obj').strip()}", None, _num(m.group("to")), "%", "achieved")
    for m in (range_share_ru.finditer(text) if GATES["range_share_ru"].search(text) else ()):
        add(m, m.group("metric"), _num(m.group("from")), _num(m.group("to")), "%", "value")
    for m in (from_to_kk.finditer(text) if GATES["from_to_kk"].search(text) else ()):
        pre = m.group("pre").rstrip(" —–-")
        clause = re.split(r"[,—]\s", pre)[-1] if pre else ""
        start = m.start() + len(pre) - len(clause) if pre else m.start()
        frm, to = _num(m.group("from")), _num(m.group("to"))
        unit_raw = m.group("u2") or m.group("u1")
        scale = scale_of(re.sub(r"(?:нан|нен|ға|ге|дан|ден|ына|іне|ан|ен|ға)$", "", unit_raw or "")) if unit_raw else 1.0
        if unit_raw and unit_raw.lower().startswith(("миллион", "млн", "миллиард", "млрд", "мың")):
            scale = 1e6 if unit_raw.lower().startswith(("миллион", "млн")) else 1e9 if unit_raw.lower().startswith(("миллиард", "млрд")) else 1e3
        if frm is not None and to is not None and scale > 1:
            frm, to = frm * scale, to * scale
        add(m, clause, frm, to, _unit(unit_raw, m.group()), "achieved", start=start)
    for m in (value_kk.finditer(text) if GATES["value_kk"].search(text) else ()):
        metric, start = m.group("metric"), m.start()
        compared = re.search(r",\s+бұл\s", metric)
        if compared:  # "бюджетке 11,6 трлн теңге түсті, бұл өткен жылмен салыстырғанда 11 пайызға көп": the subject before
            metric = re.split(r"\s\d", metric[:compared.start()])[0]
            start = m.start("metric") + compared.end()
        elif not re.search(r"[^\W\d_]{3,}", metric):
            metric = "бұл көрсеткіш"  # "…өсіп, 96 пайызға жетті": the subject of the clause before
        add(m, metric, None, _num(m.group("to")), "%", "value", start=start)
    for m in (target_kk.finditer(text) if GATES["target_kk"].search(text) else ()):
        per = (m.group("period") or "").strip() or None
        add(m, m.group("metric"), None, _num(m.group("to")), _unit(m.group("u2"), m.group()), "target", per)
    for m in (share_of_kk.finditer(text) if GATES["share_of_kk"].search(text) else ()):
        rest = (m.group("rest") or "").strip()
        kind = "target" if re.search(r"тиіс|керек|қажет|жоспар", rest + " " + m.group("whole"), re.IGNORECASE) else "value"
        add(m, f"{m.group('whole').strip()} {rest} үлесі", None, _num(m.group("to")), "%", kind)  # a share: "… үлесі"
    for m in (pp_kk.finditer(text) if GATES["pp_kk"].search(text) else ()):
        add(m, m.group("metric"), None, _num(m.group("to")), "p.p.", "value")
    for m in (place_kk.finditer(text) if GATES["place_kk"].search(text) else ()):
        add(m, m.group("metric"), None, _num(m.group("to")), "place", "value")
    for m in (part_of_kk.finditer(text) if GATES["part_of_kk"].search(text) else ()):
        pre, rest = _clean_metric(m.group("pre")), m.group("rest").strip()
        unit = m.group("unit2") or m.group("unit")
        metric = f"{pre} {m.group('whole')} {rest}".strip()
        if re.search(r"жоспар|тиіс", pre, re.IGNORECASE):  # "жоспарланған 420 шақырым жолдың …": the plan is an indicator too
            add(m, f"{pre} {m.group('whole')}", None, _num(m.group("total")), unit, "target", start=m.start("total"), stop=m.end("whole"))
        add(m, metric, None, _num(m.group("to")), unit, "achieved", start=m.start("to"))
    for m in (floor_kk.finditer(text) if GATES["floor_kk"].search(text) else ()):
        unit = m.group("u2")
        add(m, m.group("metric"), None, _num(m.group("to")), "%" if unit.startswith(("%", "пайыз")) else unit, "target")
    for m in (yield_kk.finditer(text) if GATES["yield_kk"].search(text) else ()):
        add(m, m.group("metric"), None, _num(m.group("to")), "центнер/га", "value")
    for m in (count_reach_kk.finditer(text) if GATES["count_reach_kk"].search(text) else ()):
        to = _num(m.group("to"))
        add(m, m.group("metric"), None, _scaled(to, m.group("scale")), None, "achieved")
    for m in (times_kk.finditer(text) if GATES["times_kk"].search(text) else ()):
        add(m, m.group("metric"), None, _num(m.group("to")), "x", "value")
    for m in (compared_ru.finditer(text) if GATES["compared_ru"].search(text) else ()):
        metric = m.group("metric")
        head = re.split(r"\s+[—–]\s+|\s+(?:составил\w*|достиг\w*|превысил\w*)\s+", metric)[0]
        metric = head if re.search(r"[^\W\d_]{3,}", head) else metric
        if m.group("by"):
            to, unit = _num(m.group("by")), _unit(m.group("u2"), m.group())
        else:
            to = _TIMES_WORDS.get((m.group("twice") or "").lower()) or _num(m.group("times"))
            unit = "x"
        add(m, metric, None, to, unit, "achieved", start=m.start("that"))
    for m in (plan_fact_ru.finditer(text) if GATES["plan_fact_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        for value, scale, kind, group in ((m.group("plan"), m.group("s1"), "target", "plan"), (m.group("fact"), m.group("s2"), "achieved", "fact")):
            v = _num(value)
            add(m, metric, None, _scaled(v, scale), "%" if "%" in m.group() else None, kind,
                start=m.start(group), stop=m.end("u1") if group == "plan" else m.end())
    for m in (keep_level_ru.finditer(text) if GATES["keep_level_ru"].search(text) else ()):
        add(m, m.group("metric"), None, _num(m.group("to")), "%", "target")
    for m in (reach_fraction_ru.finditer(text) if GATES["reach_fraction_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, metric, None, _fraction(m.group("frac")), "%", "achieved", start=start)
    for m in (by_amount_ru.finditer(text) if GATES["by_amount_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        to = _num(m.group("to"))
        add(m, metric, None, _scaled(to, m.group("scale")),
            _unit(m.group("u2"), m.group()), "achieved", start=start)
    for m in (or_share_ru.finditer(text) if GATES["or_share_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, f"{metric.strip()} {m.group('verb')}", None, _num(m.group("to")), "%", "achieved", start=start)
    for m in (paren_change_ru.finditer(text) if GATES["paren_change_ru"].search(text) else ()):
        metric, _ = _subject_start(m)
        add(m, metric, None, _num(m.group("to")), "%", "achieved", start=m.start("sign") - 1)
    for m in (done_amount_ru.finditer(text) if GATES["done_amount_ru"].search(text) else ()):
        unit = (m.group("unit") or "").strip() or None
        if not plans:
            continue  # "отремонтировано 4,2 тыс. км" reports work done; set against its plan it is an indicator
        metric, start = _subject_start(m)
        add(m, f"{metric.strip()} {m.group('verb')}", None, _scaled(_num(m.group("to")), m.group("scale")), unit, "achieved",
            start=start)
    for m in (rate_ru.finditer(text) if GATES["rate_ru"].search(text) else ()):
        what = re.sub(r"^.*?\b(?:выда\w*|предостав\w*|направ\w*|получ\w*|оформ\w*)\s+", "", m.group("what").strip(), flags=re.IGNORECASE)
        what = re.sub(rf"^(?:[\d\s,.]+|{SCALE}|тенге|долл\w*|\$)+\s*", "", what, flags=re.IGNORECASE).strip()
        add(m, f"ставка {what}".strip(), None, _num(m.group("to")), "%", "value", start=m.end("what"))
    for m in (share_verb_ru.finditer(text) if GATES["share_verb_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, f"доля {m.group('whole')}: {metric.strip()} {m.group('verb')}", None, _num(m.group("to")), "%", "value", start=start)
    for m in (falls_on_ru.finditer(text) if GATES["falls_on_ru"].search(text) else ()):
        to = _num(m.group("to")) if m.group("to") else _fraction(m.group("frac"))
        of = m.group("of").strip()
        add(m, f"{m.group('what').strip()}: доля {of}".strip(" :") if of else f"доля {m.group('what').strip()}", None, to, "%", "value")
    for m in (more_by_ru.finditer(text) if GATES["more_by_ru"].search(text) else ()):
        metric, start = _subject_start(m)
        add(m, metric, None, _scaled(_num(m.group("to")), m.group("scale")), None, "achieved", start=start)
    for m in (count_against_ru.finditer(text) if GATES["count_against_ru"].search(text) else ()):
        add(m, m.group("what"), _num(m.group("from")), _num(m.group("to")), None, "achieved", start=m.start("to"))
    for m in plans:
        before = [k for k in found if 0 <= m.start() - ((k.end or 0) - offset) <= 40]
        near = before[-1] if before else min(found, key=lambda k: abs((k.start or 0) - offset - m.start()), default=None)
        metric = near.metric if near else prev_metric
        if metric:
            to, unit = _num(m.group("to")), m.group("u2")
            scale = re.match(rf"{SCALE}\s*", unit or "", re.IGNORECASE)
            if scale and to is not None:  # "при плане 450 тыс. рабочих мест" → 450 000 рабочих мест
                to, unit = to * scale_of(scale.group().strip()), unit[scale.end():] or None
            add(m, metric, None, to, _unit(unit, m.group()), "target", own_span=True)
    found.sort(key=lambda k: k.start or 0)
    for i, k in enumerate(found):
        if k.metric == _ANAPHOR:
            said = [p.metric for p in found if p.metric != _ANAPHOR]
            k.metric = next((p.metric for p in reversed(found[:i]) if p.metric != _ANAPHOR), None) or prev_metric or next(iter(said), "")
    found = [k for k in found if k.metric]  # a pronoun with nothing said before it names no indicator
    return _attach_baselines(found, original, offset)


def _attach_baselines(found: list[Kpi], text: str, offset: int) -> list[Kpi]:
    """A level said with its past right after it ("снизилась до 8,6% (годом ранее — 9,8%)", "71% против 66%") gets it
    as ``from``; a figure whose only subject is "годом ранее" was that baseline, not an indicator."""
    used: list[tuple[int, int]] = []
    for k in found:
        if k.from_ is not None or k.to is None or k.unit in ("x", "p.p.", "place") or k.end is None:
            continue
        m = _BASELINE.match(text[k.end - offset:])
        if not m:
            continue
        group = next(g for g in ("b1", "b2", "b3", "b4") if m.group(g))
        base = _num(m.group(group))
        if base is None:
            continue
        scale = re.match(rf"\s?({SCALE})", m.string[m.end(group):])
        if scale and k.to >= 1000 > base:  # "…, увеличившись на 180 тыс. гектаров против 150 тыс.": the same scale
            base *= scale_of(scale.group(1))
        k.from_ = base
        used.append((k.end - offset, k.end - offset + m.end()))
    return [k for k in found if not (_BASELINE_METRIC.match(k.metric.strip()) or
                                     any(b <= (k.start or 0) - offset < e for b, e in used))]
