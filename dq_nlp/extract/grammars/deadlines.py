"""Deadlines in Russian and Kazakh, resolved against the document date to the *last day* of the named period.

"до 5 декабря 2025 года" → 2025-12-05 (day) · "в I квартале 2026 года" → 2026-03-31 (quarter) ·
"до конца года" → 12-31 of the document's year · "в течение месяца" → doc date + 1 month ·
"ко второму полугодию" → 06-30 · "2026 жылғы 1 наурызға дейін" → 2026-03-01 · "жыл соңына дейін" → 12-31 ·
"ежеквартально" / "тоқсан сайын" → a recurrence, no date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ...records import Deadline

# ---------------------------------------------------------------- vocabulary
RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8, "сентябр": 9,
    "октябр": 10, "ноябр": 11, "декабр": 12,
}
RU_MONTH = (r"(?P<ru_month>январ[яьею]|феврал[яьею]|марта?|марте|апрел[яьею]|ма[яйе]|июн[яьею]|июл[яьею]|"
            r"августа?|августе|сентябр[яьею]|октябр[яьею]|ноябр[яьею]|декабр[яьею])")
KK_MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7, "тамыз": 8,
    "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}
KK_MONTH = r"(?P<kk_month>қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*"

ORDINALS = {
    "перв": 1, "втор": 2, "трет": 3, "четв": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
    "бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "і": 1, "іі": 2, "ііі": 3, "іv": 4,
}
RU_ORDINAL = r"(?P<ord>I{1,3}V?|IV|[1-4]-?(?:м|й|го|ом)?|перв\w*|втор\w*|трет\w*|четв[её]рт\w*)"
KK_ORDINAL = r"(?P<ord>[IІ]{1,3}V?|[IІ]V|[1-4]-?(?:ші|шы|інші|ыншы)?|бірінші|екінші|үшінші|төртінші)"

YEAR_RU = r"(?P<year>20\d{2})(?![–-]\d)\s?(?:года|году|год|г\.|г\b|гг\.?)?"
YEAR_KK = r"(?P<year>20\d{2})\s?(?:жылғы|жылдың|жылы|жыл|ж\.)?"

COUNT_WORDS = {
    "одн": 1, "один": 1, "двух": 2, "две": 2, "два": 2, "трех": 3, "трёх": 3, "три": 3, "четырех": 4, "пяти": 5,
    "пять": 5, "шести": 6, "десяти": 10, "десять": 10, "пятнадцати": 15, "тридцати": 30,
    "бір жарым": 1.5, "екі жарым": 2.5, "полутора": 1.5, "полтора": 1.5,
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "он": 10, "он бес": 15, "отыз": 30,
}
COUNT = r"(?P<count>\d{1,3}|бір жарым|екі жарым|полутора|полтора|одн\w*|дв\w+|тр[её]х|три|четыр\w*|пят\w*|шест\w*|десят\w*|пятнадцат\w*|тридцат\w*|бір|екі|үш|төрт|бес|алты|он бес|он|отыз)"
UNIT_DAYS = {"д": 1, "н": 7, "м": 30, "к": 91, "г": 365, "л": 365, "к\u04af": 1, "а": 7, "ай": 30, "жыл": 365}

# ---------------------------------------------------------------- grammar
# Each rule: (name, compiled pattern). Order matters: longer, more specific phrases first.
_RULES_SRC: list[tuple[str, str]] = [
    # --- recurrences
    ("monthly_day", r"(?P<rec>(?:ежемесячно,?\s*)?(?:до|не\sпозднее)\s\d{1,2}(?:-?го)?\sчисла(?:\sкаждого\sмесяца|"
                    r",?\sследующего\sза\sотч[её]тным(?:\sмесяцем)?|\sмесяца,?\sследующего\sза\sотч[её]тным)?)"),
    ("recurrence", r"(?P<rec>ежеквартальн\w*|ежемесячн\w*|ежегодн\w*|еженедельн\w*|ежедневн\w*|каждый квартал|"
                   r"каждые полгода|раз в полгода|раз в квартал|каждого месяца|каждый месяц|каждый год|"
                   r"тоқсан сайын|ай сайын|жыл сайын|апта сайын|күн сайын|жарты жыл сайын|"
                   # "әр дүйсенбі сайын", "каждый понедельник": a weekday each week
                   r"(?:әр\s)?(?:дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі)\s(?:сайын|күндері)|"
                   r"(?:каждый|каждую|каждое)\s(?:понедельник|вторник|среду|четверг|пятницу|субботу)|"
                   # "раз в год", "два раза в год", "жылына екі рет", "жарты жылда бір рет"
                   r"(?:один\s|два\s)?раза?\sв\s(?:год|полгода|квартал|месяц|неделю)|дважды\sв\sгод|"
                   r"(?:жылына|айына|аптасына|тоқсанына|жарты\sжылда)\s(?:бір|екі)\sрет)"),
    # --- explicit dates
    ("dotted", r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>20\d{2})(?:\s?(?:года|г\.|г\b|жылға|ж\.))?(?:\s?(?:дейін|дейiн))?"),
    ("ru_day_month", rf"(?:(?:в срок |не позднее |до |к |по )?)(?P<d>\d{{1,2}})(?:-?го)?\s{RU_MONTH}(?:\s{YEAR_RU}|"
                     rf"\s(?P<rel>текущего|этого|нынешнего|следующего|будущего)\sгода)?"),
    ("kk_year_day_month", rf"{YEAR_KK}\s(?P<d>\d{{1,2}})\s?-?\s?{KK_MONTH}(?:\s(?:дейін|дейiн|шейін))?"),
    # "тамыз айының 25-іне дейін": the month first, the day in the dative after it
    ("kk_month_gen_day", rf"(?:{YEAR_KK}\s)?{KK_MONTH}(?:\sайының|(?<=ның)|(?<=нің)|(?<=тың)|(?<=тің)|(?<=дың)|(?<=дің))\s(?P<d>\d{{1,2}})\s?-?\s?(?:на|не|ына|іне|сына|сіне|ға|ге|қа|ке|а|е)?\s(?:дейін|дейiн|шейін)"),
    ("kk_day_month", rf"(?P<d>\d{{1,2}})\s?-?\s?{KK_MONTH}(?:\s(?:дейін|дейiн|шейін))?"),
    ("kk_year_month_end", rf"(?:{YEAR_KK}\s)?{KK_MONTH}\s(?:айының\s)?(?:соңына|аяғына)(?:\s(?:дейін|шейін))?"),
    # "келесі жылдың наурызына дейін", "2026 жылғы сәуір айына дейін": by a month = by its last day
    ("kk_by_month", rf"(?:(?:{YEAR_KK}|ағымдағы жылдың|ағымдағы жылғы|осы жылдың|биылғы|келесі жылдың|келесі жылғы)\s)?"
                    rf"{KK_MONTH}(?:(?<=на)|(?<=не)|(?<=ға)|(?<=ге)|(?<=қа)|(?<=ке)|\sайына)\s(?:дейін|дейiн|шейін)"),
    ("ru_month_end", rf"(?:до|к) конц[ау] {RU_MONTH}(?:\s{YEAR_RU})?"),
    ("ru_in_month", rf"(?:в|во) {RU_MONTH}\s{YEAR_RU}"),
    # "к декабрю 2025 года", "до марта", "в течение ноября", "в декабре": by a month = its last day
    ("ru_in_month", rf"(?<!\w)(?:(?:в|во|к|ко|до|в течение)\s){RU_MONTH}(?:\s{YEAR_RU}|\s(?P<rel>текущего|этого|следующего|будущего)\sгода)?"
                    r"(?!\s(?:прошлого|\d))"),
    # "до середины 2026 года", "2026 жылдың ортасына дейін": by the end of the first half
    ("mid_year", rf"(?<!\w)(?:до|к)\sсередин[еыу]\s(?:{YEAR_RU}|(?P<rel>текущего|этого|следующего)\sгода)|"
                 rf"(?:{YEAR_KK.replace('year', 'ykk')}\s|(?P<rel_kk>келесі\s)?жыл(?:дың)?\s)ортасына\s(?:дейін|шейін)"),
    # --- quarters and halves
    ("ru_quarter", rf"(?:(?:до конца|к концу|по итогам|не позднее)\s)?(?:в|во|до|к|ко)?\s?{RU_ORDINAL}\s(?:квартал\w*)(?:\s{YEAR_RU}|\s(?P<next>следующего|будущего)\sгода)?"),
    ("ru_half_by", rf"к(?:о)?\s(?P<ord>втор|перв)\w*\s(?:полугодию)(?:\s{YEAR_RU})?"),
    ("ru_half", rf"(?:(?:до конца|к концу|по итогам|не позднее)\s)?(?:в|во|до|к|ко)?\s?{RU_ORDINAL}\s(?:полугоди\w*)(?:\s{YEAR_RU}|\s(?P<next>следующего|будущего)\sгода)?"),
    # "2026 жылдың екінші жартысында": the year is required (a bare "жартысы" is "half of" something)
    ("kk_half", rf"{YEAR_KK}\s{KK_ORDINAL}\sжартыс(?:ында|ына\sдейін|ының\sсоңына\sдейін)"),
    ("kk_quarter", rf"(?:(?:{YEAR_KK}|(?P<next>келесі\sжылдың|келер\sжылдың))\s)?{KK_ORDINAL}(?:\s|(?<=-))(?:тоқсан\w*)(?:\s(?:соңына|аяғына))?(?:\s(?:дейін|ішінде))?"),
    ("kk_half", rf"(?:(?:{YEAR_KK}|(?P<next>келесі\sжылдың|келер\sжылдың))\s)?{KK_ORDINAL}(?:\s|(?<=-))(?:жартыжылды\w*|жарты\sжылды\w*|жартыжылд\w*)(?:\s(?:соңына|аяғына))?(?:\s(?:дейін|ішінде))?"),
    # --- year ends
    ("month_end_this_or_next", r"(?:до|к)\sконц[ау]\s(?:текущего\s|этого\s|(?P<next>следующего)\s)?месяца|"
                             r"(?:(?:ағымдағы|осы|(?P<next_kk>келесі))\s)?айдың\s(?:соңына|аяғына)(?:\sдейін)?"),
    ("ru_school_year_end", r"(?:до|к)\sконц[ау]\s(?:текущего\s|этого\s)?учебного\sгода"),
    ("ru_year_end", rf"(?:до|к)\s(?:конц[ау]|окончани[юя])\s(?:текущего\s|этого\s|нынешнего\s|следующего\s)?(?:года|{YEAR_RU})"),
    # a bare "соңына дейін" is the end of something else ("айдың соңына дейін"): a year must be named
    ("kk_year_end", rf"(?:(?:{YEAR_KK}|ағымдағы жылдың|осы жылдың|биылғы жылдың|(?:келесі|келер) жылдың)\s|жыл\s)(?:соңына|аяғына)\s(?:дейін|шейін)"),
    ("kk_year_end2", r"(?:(?:келесі|келер)\s)?(?P<kkyearend>жылдың соңына|жыл соңына|жыл аяғына|жылдың аяғына)(?:\s(?:дейін|шейін))?"),
    ("ru_by_year", rf"(?:к|до|в|в течение)\s{YEAR_RU}"),
    ("kk_by_year", rf"{YEAR_KK.replace('(?:жылғы|жылдың|жылы|жыл|ж.)?', '')}\s?(?:жылға|жылы|жылдың соңына|ж\.)\s?(?:қарай|дейін|шейін)?(?!\s?арнал)"),
    # --- relative periods
    ("ru_within", rf"(?:в течение|в пределах|за)\s{COUNT}?\s?(?P<work>рабочих\s|календарных\s)?"
                  rf"(?P<unit>дн\w*|день|недел\w*|месяц\w*|квартал\w*|полугод\w*|год\w*|лет)"),
    ("ru_n_term", r"в\s(?P<count>\w+?)-?(?P<unit>дневный|недельный|месячный|годичный|годовой)\sсрок"),
    ("ru_term", r"в\s(?P<unit>месячный|недельный|годичный)\sсрок"),
    # "он күн ішінде", "он күндік мерзімде", "екі аптаның ішінде", "алдағы үш айда"
    ("kk_within", rf"{COUNT}\s(?P<unit>күн|апта|ай|тоқсан|жыл)(?:дық|дік|тық|тік|лық|лік|ның|нің)?\s(?:ішінде|мерзімде|көлемінде)"),
    ("kk_next_n", rf"алдағы\s{COUNT}\s(?P<unit>күн|апта|ай|тоқсан|жыл)(?:да|де|та|те)\b"),
    ("kk_half_year_within", r"жарты\sжыл\s(?:ішінде|мерзімде)"),
    ("kk_in_month", rf"(?:(?:{YEAR_KK}|ағымдағы жылдың|осы жылдың|биылғы|келесі жылдың)\s)?{KK_MONTH}(?<=[а-яәғқңөұүһі]{{3}})\sайында"),
    # "тамызда аяқтау": a bare month in the locative (not "тамыздағы", "маусымында")
    ("kk_in_month", r"(?:(?:(?P<year>20\d{2})\sжылғы|ағымдағы жылдың|келесі жылдың)\s)?(?P<kk_month>қаңтар|ақпан|наурыз|сәуір|мамыр|"
                    r"маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)(?:да|де|та|те)(?![а-яәғқңөұүһі])"),
]
RULES = [(name, re.compile(src, re.IGNORECASE)) for name, src in _RULES_SRC]

_REC = {
    "жарты жыл сайын": "half-yearly", "каждые полгода": "half-yearly", "раз в полгода": "half-yearly",
    "ежеквартал": "quarterly", "каждый квартал": "quarterly", "раз в квартал": "quarterly", "тоқсан сайын": "quarterly",
    "ежемесяч": "monthly", "каждого месяца": "monthly", "каждый месяц": "monthly", "ай сайын": "monthly",
    "ежегод": "yearly", "каждый год": "yearly", "жыл сайын": "yearly",
    "еженедел": "weekly", "апта сайын": "weekly", "дүйсенбі": "weekly", "сейсенбі": "weekly", "сәрсенбі": "weekly",
    "бейсенбі": "weekly", "жұма": "weekly", "сенбі": "weekly", "каждый": "weekly", "каждую": "weekly", "каждое": "weekly", "ежеднев": "daily", "күн сайын": "daily",
    "два раза в год": "half-yearly", "дважды в год": "half-yearly", "жылына екі рет": "half-yearly",
    "жарты жылда бір рет": "half-yearly", "раз в год": "yearly", "жылына бір рет": "yearly",
    "раз в месяц": "monthly", "айына бір рет": "monthly",
    "раз в неделю": "weekly", "аптасына бір рет": "weekly", "тоқсанына бір рет": "quarterly",
}


@dataclass
class _Hit:
    start: int
    end: int
    deadline: Deadline


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    year = d.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _ordinal(token: str) -> int | None:
    t = token.lower().rstrip("-")
    t = t.translate(str.maketrans("і", "i")) if re.fullmatch(r"[іi]{1,3}v?", t) else t
    for key, value in ORDINALS.items():
        if t == key or (len(key) > 2 and t.startswith(key)):
            return value
    m = re.match(r"([1-4])", t)
    return int(m.group(1)) if m else None


def _count(token: str | None) -> float:
    if not token:
        return 1
    t = token.lower()
    if t.isdigit():
        return int(t)
    for key, value in sorted(COUNT_WORDS.items(), key=lambda kv: -len(kv[0])):
        if t.startswith(key):
            return value
    return 1


def _ru_month(token: str) -> int:
    t = token.lower()
    for stem, month in sorted(RU_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if t.startswith(stem):
            return month
    raise ValueError(token)


def _kk_month(token: str) -> int:
    t = token.lower()
    for stem, month in KK_MONTHS.items():
        if t.startswith(stem):
            return month
    raise ValueError(token)


def _year(m: re.Match, doc: date) -> int | None:
    y = m.groupdict().get("year") or m.groupdict().get("y")
    return int(y) if y else None


def _infer_year(month: int, day: int, doc: date) -> int:
    """A date without a year is the next such date on or after (about) the document date."""
    candidate = date(doc.year, month, min(day, calendar.monthrange(doc.year, month)[1]))
    return doc.year + 1 if candidate < doc - timedelta(days=31) else doc.year


def _relative_year(rel: str, doc: date) -> int:
    """"текущего/этого года" is the document's year, "следующего/будущего года" the next one."""
    return doc.year + 1 if rel.lower() in {"следующего", "будущего"} else doc.year


def _resolve(name: str, m: re.Match, doc: date) -> Deadline | None:
    text = m.group().strip()
    g = m.groupdict()
    if name == "monthly_day":
        return Deadline(text=text, recurrence="monthly")
    if name == "recurrence":
        low = g["rec"].lower()
        for key, rec in _REC.items():
            if low.startswith(key) or key in low:
                return Deadline(text=text, recurrence=rec)
        return None
    if name == "dotted":
        try:
            return Deadline(text=text, date=date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat(), granularity="day")
        except ValueError:
            return None
    if name in {"ru_day_month", "kk_day_month", "kk_year_day_month", "kk_month_gen_day"}:
        month = _ru_month(g["ru_month"]) if g.get("ru_month") else _kk_month(g["kk_month"])
        day = int(g["d"])
        year = _year(m, doc) or _infer_year(month, day, doc)
        if g.get("rel"):  # "до 25 декабря текущего года", "до 1 марта следующего года"
            year = _relative_year(g["rel"], doc)
        try:
            return Deadline(text=text, date=date(year, month, day).isoformat(), granularity="day")
        except ValueError:
            return None
    if name == "kk_half_year_within":
        return Deadline(text=text, date=_add_months(doc, 6).isoformat(), granularity="day")
    if name in {"ru_month_end", "kk_year_month_end", "ru_in_month", "kk_by_month", "kk_in_month"}:
        month = _ru_month(g["ru_month"]) if g.get("ru_month") else _kk_month(g["kk_month"])
        year = _year(m, doc) or _infer_year(month, 28, doc)
        if g.get("rel"):
            year = _relative_year(g["rel"], doc)
        if re.match(r"келесі", text, re.IGNORECASE):
            year = doc.year + 1
        elif re.match(r"ағымдағы|осы|биылғы", text, re.IGNORECASE):
            year = doc.year
        return Deadline(text=text, date=_last_day(year, month).isoformat(), granularity="month")
    if name in {"ru_quarter", "kk_quarter", "ru_half", "kk_half", "ru_half_by"}:
        n = _ordinal(g["ord"])
        by_start = name == "ru_half_by" or (name == "kk_half" and re.search(r"(?:ға|ге|қа|ке|на|не)\s+дейін", text)
                                            and not re.search(r"соңына|аяғына", text))
        if by_start:  # "ко второму полугодию", "екінші жартыжылдыққа дейін": by the start of H2 = the end of H1
            months = 6 if n == 2 else 12
        elif name in {"ru_quarter", "kk_quarter"}:
            months = 3 * n if n else 0
        else:
            months = 6 * n if n in (1, 2) else 0
        if not months:
            return None
        explicit = _year(m, doc) or (doc.year + 1 if g.get("next") else None)
        year = explicit or doc.year
        end = _last_day(year, months)
        if by_start and n != 2:
            end = date(year - 1, 12, 31) if explicit else date(year, 12, 31)
        if not explicit and end < doc:  # "во II квартале" written in November means next year's
            end = _last_day(year + 1, end.month)
        granularity = "quarter" if "quarter" in name else "half"
        return Deadline(text=text, date=end.isoformat(), granularity=granularity)
    if name == "month_end_this_or_next":
        end = _add_months(doc, 1) if g.get("next") or g.get("next_kk") else doc
        return Deadline(text=text, date=_last_day(end.year, end.month).isoformat(), granularity="month")
    if name == "mid_year":
        year = int(g.get("year") or g.get("ykk") or 0) or doc.year
        if g.get("rel"):
            year = _relative_year(g["rel"], doc)
        if g.get("rel_kk"):
            year = doc.year + 1
        return Deadline(text=text, date=date(year, 6, 30).isoformat(), granularity="half")
    if name == "ru_school_year_end":  # the school year ends in May
        year = doc.year if doc.month <= 5 else doc.year + 1
        return Deadline(text=text, date=date(year, 5, 31).isoformat(), granularity="month")
    if name in {"ru_year_end", "kk_year_end", "kk_year_end2"}:
        year = _year(m, doc) or doc.year
        if "следующего" in text.lower() or "келесі" in text.lower():
            year = doc.year + 1
        return Deadline(text=text, date=date(year, 12, 31).isoformat(), granularity="year")
    if name in {"ru_by_year", "kk_by_year"}:
        year = _year(m, doc)
        if not year:
            return None
        return Deadline(text=text, date=date(year, 12, 31).isoformat(), granularity="year")
    if name in {"ru_within", "ru_n_term", "ru_term", "kk_within", "kk_next_n"}:
        n = _count(g.get("count"))
        unit = g["unit"].lower()
        if g.get("work"):  # "в течение 10 рабочих дней": weekends do not count
            end = doc
            while n > 0:
                end += timedelta(days=1)
                n -= end.weekday() < 5
        elif unit.startswith(("дн", "ден", "день", "күн")) or unit == "дневный":
            end = doc + timedelta(days=n)
        elif unit.startswith(("недел", "апта")) or unit == "недельный":
            end = doc + timedelta(weeks=n)
        elif unit.startswith(("месяц", "месяч", "ай")):
            end = _add_months(doc, int(n)) + timedelta(days=round((n - int(n)) * 30))  # "бір жарым ай": +1 month 15 days
        elif unit.startswith("полугод"):
            end = _add_months(doc, round(6 * n))
        elif unit.startswith(("квартал", "тоқсан")):
            end = _add_months(doc, round(3 * n))
        else:
            end = _add_months(doc, round(12 * n))
        return Deadline(text=text, date=end.isoformat(), granularity="day")
    return None


_START_DATE = re.compile(r"\s*бастап\b", re.IGNORECASE)
_START_DATE_RU = re.compile(r"\bначиная\s+с\s*$", re.IGNORECASE)


def find_deadlines(text: str, doc_date: str | None, offset: int = 0) -> list[Deadline]:
    """All deadline phrases in ``text`` (non-overlapping, leftmost-longest by rule order)."""
    doc = date.fromisoformat(doc_date) if doc_date else date.today()
    hits: list[_Hit] = []
    for name, pattern in RULES:
        for m in pattern.finditer(text):
            if m.end() - m.start() < 3:
                continue
            if any(m.start() < h.end and h.start < m.end() for h in hits):
                continue
            try:
                deadline = _resolve(name, m, doc)
            except (ValueError, KeyError):
                deadline = None
            if deadline is None or _START_DATE.match(text, m.end()) or _START_DATE_RU.search(text, 0, m.start()):
                continue  # "1 тамыздан бастап", "начиная с 1 августа": when something starts, not a deadline
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            deadline.start = offset + start
            deadline.end = offset + start + len(deadline.text)
            hits.append(_Hit(start, m.end(), deadline))
    hits.sort(key=lambda h: h.start)
    return [h.deadline for h in hits]
