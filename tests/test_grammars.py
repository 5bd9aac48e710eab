"""The grammars on phrases of the genre, Russian and Kazakh."""

import pytest

from dq_nlp.extract.grammars.deadlines import find_deadlines
from dq_nlp.extract.grammars.directives import find_directives
from dq_nlp.extract.grammars.kpis import find_kpis
from dq_nlp.extract.grammars.money import find_money
from dq_nlp.lang.detect import detect_lang
from dq_nlp.lang.segment import split_sentences


@pytest.mark.parametrize("text,doc_date,date,granularity", [
    ("до 5 декабря 2025 года", "2025-11-26", "2025-12-05", "day"),
    ("до конца года", "2025-11-26", "2025-12-31", "year"),
    ("в I квартале 2026 года", "2025-11-26", "2026-03-31", "quarter"),
    ("ко второму полугодию", "2026-02-01", "2026-06-30", "half"),
    ("в течение месяца", "2025-11-26", "2025-12-26", "day"),
    ("в срок до 15.03.2026", "2025-11-26", "2026-03-15", "day"),
    ("к 2028 году", "2025-11-26", "2028-12-31", "year"),
    ("до 1 марта", "2025-11-26", "2026-03-01", "day"),
    ("2026 жылғы 1 наурызға дейін", "2025-11-26", "2026-03-01", "day"),
    ("жыл соңына дейін", "2025-11-26", "2025-12-31", "year"),
    ("2026 жылдың бірінші жартыжылдығында", "2025-11-26", "2026-06-30", "half"),
    ("бір ай ішінде", "2025-11-26", "2025-12-26", "day"),
    ("во II квартале", "2025-11-26", "2026-06-30", "quarter"),
])
def test_deadlines_resolve_to_last_day(text, doc_date, date, granularity):
    found = find_deadlines(text, doc_date)
    assert found and found[0].date == date and found[0].granularity == granularity


@pytest.mark.parametrize("text,rec", [("ежеквартально", "quarterly"), ("жыл сайын", "yearly"), ("тоқсан сайын", "quarterly"),
                                      ("ежемесячно", "monthly")])
def test_recurring_deadlines_have_no_date(text, rec):
    d = find_deadlines(text, "2025-11-26")[0]
    assert d.recurrence == rec and d.date is None


def test_year_range_is_not_a_deadline():
    assert not [d for d in find_deadlines("В 2018–2024 годы доля выросла", "2025-11-26") if d.date == "2018-12-31"]


@pytest.mark.parametrize("text,value,currency", [
    ("$665,5 млн", 665_500_000, "USD"), ("2,5 трлн тенге", 2.5e12, "KZT"), ("120 млрд тг", 120e9, "KZT"),
    ("450 млн долларов США", 450e6, "USD"), ("15 млн евро", 15e6, "EUR"), ("300 тыс. тенге", 300e3, "KZT"),
    ("бір жарым миллиард теңге", 1.5e9, "KZT"), ("полтора триллиона тенге", 1.5e12, "KZT"), ("1,5 млрд рублей", 1.5e9, "RUB"),
])
def test_money(text, value, currency):
    m = find_money(f"Выделено {text} на проект.")
    assert len(m) == 1 and abs(m[0].value - value) < 1 and m[0].currency == currency


def test_exchange_rate_is_not_money():
    assert find_money("Курс валют: USD 512,40 EUR 538,10") == []


def test_kpis_with_ellipsis_and_percent():
    text = "В 2018–2024 годы доля электронной торговли выросла с 2,6% до 14,5%, безналичных платежей — с 30% до 89%."
    kpis = find_kpis(text)
    assert [(k.from_, k.to, k.unit) for k in kpis] == [(2.6, 14.5, "%"), (30.0, 89.0, "%")]
    assert kpis[1].metric == "доля безналичных платежей"


def test_kazakh_kpi():
    k = find_kpis("Қолма-қол ақшасыз төлемдердің үлесі 30%-дан 89%-ға дейін өсті.", lang="kk")[0]
    assert (k.from_, k.to, k.unit) == (30.0, 89.0, "%")


def _directives(text, doc_date="2025-11-26"):
    spans = [(s, e, detect_lang(text[s:e])) for s, e in split_sentences(text)]
    return find_directives(spans, text, doc_date)


def test_two_directives_in_one_sentence():
    text = ("Премьер-министр поручил МИИЦР и акиматам областей: до 5 декабря 2025 года сформировать перечень проектов; "
            "до 31 декабря 2025 года завершить разработку стратегии.")
    ds = _directives(text)
    assert [d.deadline.date for d in ds] == ["2025-12-05", "2025-12-31"]
    assert ds[0].owners == ["МИИЦР", "акиматам областей"] and ds[0].issuer == "Премьер-министр"


def test_passive_owner_before_trigger_and_city_list():
    ds = _directives("МИИЦР и акиматам областей, городов Астаны, Алматы и Шымкента поручено до конца года обеспечить запуск.")
    assert ds[0].owners == ["МИИЦР", "акиматам областей, городов Астаны, Алматы и Шымкента"]


def test_owner_named_in_next_sentence():
    ds = _directives("Поручено разработать стандарт открытых API до конца года. Ответственными определены МИИЦР и МНЭ.")
    assert ds[0].owners == ["МИИЦР", "МНЭ"]


@pytest.mark.parametrize("text", [
    "Премьер-министр не поручал министерству менять сроки.",
    "Кто ответит за срыв сроков?",
    "Поручение Главы государства по запуску платформы выполнено.",
    "Правительство Сингапура поручило министерству внедрить ИИ до 2027 года.",
    "Үкімет басшысы министрлікке мұндай тапсырма берген жоқ.",
])
def test_non_directives(text):
    assert _directives(text) == []


def test_kazakh_directive():
    ds = _directives("Үкімет басшысы Цифрлық даму министрлігіне 2026 жылғы 1 наурызға дейін платформаны іске қосуды тапсырды.")
    assert ds[0].owners == ["Цифрлық даму министрлігіне"] and ds[0].deadline.date == "2026-03-01"
    assert ds[0].issuer == "Үкімет басшысы" and ds[0].action == "платформаны іске қосу"


def test_language_detection():
    assert detect_lang("Үкімет басшысы министрлікке тапсырды.") == "kk"
    assert detect_lang("Премьер-министр поручил министерству.") == "ru"


def test_linking_any_case_and_language():
    from dq_nlp.trace.registry import load_registry

    r = load_registry()
    assert r.link_body("Министерству финансов") == r.link_body("Қаржы министрлігіне") == "mf"
    assert r.link_body("Жаслану Мадиеву") == "miid"  # a person owner resolves to the body they head
    assert r.link_bodies("акиматами Карагандинской и Павлодарской областей") == ["akimat_karaganda_region",
                                                                                 "akimat_pavlodar_region"]
    assert r.link_bodies("Абай және Шығыс Қазақстан облыстарының әкімдіктерінен") == ["akimat_abai_region",
                                                                                      "akimat_east_kazakhstan_region"]
    assert r.link_body("Управлению по делам несуществующих ведомств").startswith("new:")  # a candidate, not a loss


def test_programmes_most_specific_first():
    from dq_nlp.trace.registry import load_registry

    r = load_registry()
    ids = r.programmes_in("сформировать проекты-«ледоколы» в рамках Стратегии Digital Qazaqstan")
    assert ids[:2] == ["icebreakers", "digital_qazaqstan"]
    assert [c["id"] for c in r.programme_chain("icebreakers")] == ["icebreakers", "digital_qazaqstan"]


@pytest.mark.parametrize("text,doc_date,date", [
    ("до конца учебного года", "2025-11-10", "2026-05-31"),
    ("2026 жылдың екінші жартыжылдығына дейін", "2025-11-10", "2026-06-30"),
    ("до конца месяца", "2025-11-10", "2025-11-30"),
])
def test_more_deadline_shapes(text, doc_date, date):
    assert find_deadlines(text, doc_date)[0].date == date


def test_kpi_place_and_reached_value():
    kpis = find_kpis("Доля школ выросла до 42%, а Казахстан занял 41-е место в рейтинге готовности к ИИ.")
    assert [(k.to, k.unit) for k in kpis] == [(42.0, "%"), (41.0, "place")]


def test_kazakh_protocol_item_with_bracketed_owners():
    ds = _directives("3. Су тасқыны қаупі бар елді мекендерді бақылау кестесі бір апта ішінде әзірленсін (ТЖМ, СРИМ).")
    assert ds and ds[0].owners == ["ТЖМ", "СРИМ"]


@pytest.mark.parametrize("sentence, metric_word, frm, to, kind", [
    ("Доля услуг, оказываемых в электронном виде, за 2023–2024 годы выросла с 88% до 92,4%.", "доля", 88, 92.4, "achieved"),
    ("Доля безналичных платежей выросла с 30% в 2018 году до 89% в 2024 году.", "безналичных", 30, 89, "achieved"),
    ("Число аварийных школ сократилось со 110 до 55.", "аварийных", 110, 55, "achieved"),
    ("По данным БНС, рост ВВП составил 4,8%, индекс промышленного производства — 102,8%.", "индекс", None, 102.8, "value"),
    ("Поступления составили 16,4 трлн тенге, увеличившись на 11,2%.", "поступления", None, 11.2, "achieved"),
    ("Акиматам поручено обеспечить охват детей дошкольным воспитанием не менее 99%.", "охват", None, 99, "target"),
    ("Дефицит педагогов сократился вдвое.", "дефицит", None, 2, "achieved"),
    ("Из 7 540 школ к высокоскоростному интернету подключены 7 310.", "школ", None, 7310, "value"),
    ("Подготовлено 98% объектов теплоэнергетики при плане 100%.", "объектов", None, 100, "target"),
])
def test_russian_kpi_shapes_of_statistics_releases(sentence, metric_word, frm, to, kind):
    got = [k for k in find_kpis(sentence, lang="ru") if k.to == to]
    assert got, [k.model_dump(by_alias=True) for k in find_kpis(sentence, lang="ru")]
    k = got[0]
    assert metric_word in k.metric.lower() and k.from_ == frm and k.kind == kind


def test_participle_subject_and_asides_are_not_the_metric():
    (k,) = find_kpis("Объём ВВП, по предварительным данным, составил 4,8%.", lang="ru")
    assert k.metric.startswith("Объём ВВП")
    assert not find_kpis("Совещание прошло 12 ноября, в нём участвовали 40 человек.", lang="ru")


def _one_sentence(text: str, doc_date: str = "2025-07-01"):
    return find_directives([(0, len(text), detect_lang(text))], text, doc_date)


def test_two_instructions_joined_by_and_are_two_one_sentence():
    ds = _one_sentence("Акиматам областей необходимо обеспечить охват молодёжи мерами занятости не менее 60% "
                     "и ежемесячно представлять информацию в МТСЗН.")
    assert [d.deadline.recurrence if d.deadline else None for d in ds] == [None, "monthly"]
    ds = _one_sentence("Премьер-министр поручил МП до 1 сентября завершить приёмку объектов и обеспечить их оснащение мебелью.")
    assert len(ds) == 2 and all(d.deadline and d.deadline.date == "2025-09-01" for d in ds) and ds[0].action.endswith("объектов")
    # "сёл и городов" is not a second instruction
    assert len(_one_sentence("Премьер-министр поручил МИИЦР обеспечить подключение сёл и городов к интернету до конца года.")) == 1


def test_foreign_country_named_is_not_a_foreign_issuer():
    kk = ("Сонымен бірге Премьер-Министр Сауда және интеграция министрлігіне Қытаймен шекаралық өткелдердегі жүк өңдеу "
          "мерзімін қысқарту бойынша ұсыныстарды 1 тамызға дейін енгізуді тапсырды.")
    (d,) = _one_sentence(kk)
    assert d.owners == ["Сауда және интеграция министрлігіне"] and d.deadline.date == "2025-08-01"
    assert not _one_sentence("Өзбекстан Үкіметі де шекара бекеттерінің санын көбейтуді тапсырған.")
    assert not _one_sentence("Китайская сторона поручила своим железным дорогам увеличить число поездов до конца года.")


def test_kazakh_accusative_owner_protocol_imperative_and_month_first_date():
    (d,) = _one_sentence("Үкімет басшысы сондай-ақ Мемлекеттік кірістер комитетін өтініштерді қарау мерзімін қысқартуға міндеттеді.")
    assert d.owners == ["Мемлекеттік кірістер комитетін"]
    (d,) = _one_sentence("1. ЦДИАӨМ қызметтерді проактивті форматқа көшіруді он күн мерзімде қамтамасыз етсін.")
    assert d.owners == ["ЦДИАӨМ"] and d.deadline.date == "2025-07-11"
    (d,) = _one_sentence("Үкімет басшысы Оқу-ағарту министрлігіне мектептерді дайындауды тамыз айының 25-іне дейін аяқтауды тапсырды.")
    assert d.deadline.date == "2025-08-25"


def test_kpi_span_starts_at_its_subject_when_an_aside_follows_it():
    (k,) = find_kpis("По данным БНС, доля услуг, по предварительным данным, выросла с 30% до 40%.", lang="ru")
    assert k.metric == "доля услуг" and k.text.startswith("доля услуг")


def test_kazakh_owner_lists_owners_after_the_action_and_converb_chains():
    (d,) = _one_sentence("2) Көлік министрлігі мен «Қазақтелеком» АҚ трассалардағы байланыс учаскелерінің тізбесін "
                         "бір ай ішінде әзірлесін;")
    assert d.owners == ["Көлік министрлігі", "«Қазақтелеком» АҚ"]
    (d,) = _one_sentence("Бюджеттік бағдарламалардың әкімшілері игеру туралы есепті ай сайын ұсынуға міндеттелді.")
    assert d.owners == ["Бюджеттік бағдарламалардың әкімшілері"]  # not the dative "министрлікке"-style object
    (d,) = _one_sentence("Облыстағы көпірлерді жөндеу кестесін бекіту Көлік министрлігіне Қаржы министрлігімен бірлесіп жүктелді.")
    assert d.owners == ["Көлік министрлігіне", "Қаржы министрлігімен"]
    ds = _one_sentence("Президент Ұлттық Банкке бағдарламаны 2026 жылдың соңына дейін қабылдап, оның орындалуын "
                       "тоқсан сайын бақылауды тапсырды.")
    assert [(d.deadline.date, d.deadline.recurrence) for d in ds] == [("2026-12-31", None), (None, "quarterly")]
    assert all(d.owners == ["Ұлттық Банкке"] for d in ds)


def test_kazakh_protocol_noted_items_ownerless_passive_items_and_foreign_issuers():
    assert not _one_sentence("3. Энергетика министрлігінің ақпараты назарға алынсын.")
    (d,) = _one_sentence("– су тасқынына қарсы бөгеттердің дайындығы қамтамасыз етілсін.")
    assert d.owners == []  # filled from "Жауапты болып … белгіленді" when the next sentence names them
    assert not _one_sentence("Қырғызстан Үкіметі өз министрліктеріне Қазақстанмен жүк тасымалын арттыруды тапсырған.")
    (d,) = _one_sentence("Облыс әкімі Асқар Бекболатқа жаңа ауруханаларды келесі жылдың наурызына дейін салуды тапсырды.")
    assert d.owners == ["Асқар Бекболатқа"] and d.deadline.date == "2026-03-31"


@pytest.mark.parametrize("sentence, frm, to, unit", [
    ("Доля электронных счетов-фактур: 2024 — 71%, 2025 — 86%.", 71, 86, "%"),
    ("Охват скринингом: 48,5% / 63,0%.", 48.5, 63.0, "%"),
    ("Уровень цифровизации архивов, которая в 2023 году составляла 35%, к концу 2025 года достигла 58%.", 35, 58, "%"),
    ("Доля экспорта услуг — 14%, годом ранее — 11%.", 11, 14, "%"),
    ("Безработица — 4,6% (за первое полугодие — 4,8%).", 4.8, 4.6, "%"),
    ("Надой на одну корову составил 3,9 т/год против 3,4 т/год годом ранее.", 3.4, 3.9, None),
    ("В рейтинге цифровой конкурентоспособности Казахстан поднялся на 5 позиций.", None, 5, "place"),
    ("Число ДТП со смертельным исходом снизилось на четверть.", None, 25.0, "%"),
])
def test_russian_kpi_tables_two_verbs_baselines_ranks_and_fractions(sentence, frm, to, unit):
    (k,) = find_kpis(sentence, lang="ru")
    assert (k.from_, k.to) == (frm, to) and (unit is None or k.unit == unit)


def test_change_then_level_and_gapped_values_are_separate_kpis():
    ks = find_kpis("Доля онлайн-платежей выросла на 3,1 п.п. до 67%, а число операций по картам — в 1,4 раза.", lang="ru")
    assert [(k.to, k.unit) for k in ks] == [(3.1, "p.p."), (67.0, "%"), (1.4, "x")]
    assert ks[2].metric == "число операций по картам"
    ks = find_kpis("Уровень доверия к госуслугам составил 81%, что на 2,4 п.п. выше, чем годом ранее.", lang="ru")
    assert [(k.metric, k.to) for k in ks] == [("Уровень доверия к госуслугам", 81.0), ("Уровень доверия к госуслугам", 2.4)]


@pytest.mark.parametrize("text, date, rec", [
    ("до 25 декабря текущего года", "2025-12-25", None),
    ("до 1 марта следующего года", "2026-03-01", None),
    ("не позднее 5-го числа месяца, следующего за отчётным", None, "monthly"),
    ("қазан айында", "2025-10-31", None),
    ("алдағы үш айда", "2025-09-10", None),
    ("он күндік мерзімде", "2025-06-20", None),
    ("жарты жыл ішінде", "2025-12-10", None),
    ("келесі жылдың сәуіріне дейін", "2026-04-30", None),
])
def test_relative_years_monthly_reports_and_kazakh_terms(text, date, rec):
    (d,) = find_deadlines(text, "2025-06-10")
    assert (d.date, d.recurrence) == (date, rec)


@pytest.mark.parametrize("text, date, granularity", [
    ("Министерству следует в первом квартале следующего года внести поправки.", "2027-03-31", "quarter"),
    ("Акимату поручено до конца следующего месяца сдать объект.", "2026-02-28", "month"),
    ("Ответ направить в течение 10 рабочих дней.", "2026-02-03", "day"),  # 20 Jan (Tue) + 10 working days
    ("Проект внести в течение полугода.", "2026-07-20", "day"),
    ("Работы завершить до середины 2026 года.", "2026-06-30", "half"),
    ("План утвердить к декабрю 2026 года.", "2026-12-31", "month"),
    ("Смету подготовить в 10-дневный срок.", "2026-01-30", "day"),
    ("Ұсыныстарды қыркүйектің 15-іне дейін енгізсін.", "2026-09-15", "day"),
    ("Жобаны 2026 жылдың екінші жартысында іске қосу тапсырылды.", "2026-12-31", "half"),
    ("Есепті келесі айдың соңына дейін ұсыну тапсырылды.", "2026-02-28", "month"),
    ("Бағдарламаны 2026 жылдың 1-тоқсанында бекіту жүктелді.", "2026-03-31", "quarter"),
    ("Жоспарды келесі жылдың бірінші тоқсанында енгізсін.", "2027-03-31", "quarter"),
    ("Құрылысты жыл ортасына дейін аяқтау тапсырылды.", "2026-06-30", "half"),
])
def test_relative_and_partial_deadlines_round5(text, date, granularity):
    (d,) = find_deadlines(text, "2026-01-20")
    assert (d.date, d.granularity) == (date, granularity)


@pytest.mark.parametrize("text, rec", [
    ("Отчёт представлять два раза в год.", "half-yearly"), ("Совещание проводить раз в месяц.", "monthly"),
    ("Есепті жылына екі рет ұсыну тапсырылды.", "half-yearly"), ("Мониторингті айына бір рет жүргізсін.", "monthly"),
])
def test_times_per_period_is_a_recurrence(text, rec):
    (d,) = find_deadlines(text, "2026-01-20")
    assert d.recurrence == rec and d.date is None


def test_a_year_a_plan_is_for_is_not_a_deadline():
    text = "Министрліктер 2026 жылға арналған шығыстар жөніндегі ұсыныстарды өсімдік майының бағасымен бірге енгізсін."
    assert find_deadlines(text, "2025-12-09") == []


@pytest.mark.parametrize("text, owners", [
    # a body as the subject of an imperative outside a numbered protocol, with or without "деп шешілді"
    ("Облыстық білім басқармасы оқулықтардың жеткізілуі туралы есепті апта сайын әкімдікке жолдасын.",
     ["Облыстық білім басқармасы"]),
    ("Табиғи монополияларды реттеу комитеті тарифтерді тексеруді ай сайын жүргізсін деп шешілді.",
     ["Табиғи монополияларды реттеу комитеті"]),
    # a prosecutor's "ұсыну енгізді" / passive "нұсқау берілді" with the owner in the dative
    ("Қала прокуроры қала әкімдігіне заңсыз берілген жерлерді қайтаруды екі ай ішінде аяқтау туралы ұсыну енгізді.",
     ["қала әкімдігіне"]),
    ("Аудан прокурорларына мемлекеттік сатып алуларды тоқсан сайын тексеру жөнінде нұсқау берілді.",
     ["Аудан прокурорларына"]),
    # a list of dative owners whose modifiers end like accusatives ("қызметі", "тұрғын")
    ("Министр өңірлік полиция департаменттеріне, Шекара қызметі комитетіне және Көлік полициясы комитетіне "
     "шекара бекеттеріндегі кезекті қысқарту жоспарын бекітуді тапсырды.",
     ["өңірлік полиция департаменттеріне", "Шекара қызметі комитетіне", "Көлік полициясы комитетіне"]),
    ("Аким тұрғын үй инспекциясына лифтілердің жай-күйін тексеруді тапсырды.", ["тұрғын үй инспекциясына"]),
])
def test_kazakh_order_forms_round7(text, owners):
    (d,) = _one_sentence(text)
    assert d.owners == owners


def test_kazakh_list_items_under_a_header_are_orders():
    text = ("Облыс әкімі келесі тапсырмаларды берді:\n1) «Жылу желілері» ЖШС-ға қазандықтарды 1 қазанға дейін жөндеу;\n"
            "2) аудан әкімдеріне көмір қорын ай сайын тексеру.")
    ds = _directives(text, "2025-08-01")
    assert [(d.owners, d.deadline.date if d.deadline and d.deadline.date else d.deadline.recurrence) for d in ds] == [
        (["«Жылу желілері» ЖШС-ға"], "2025-10-01"), (["аудан әкімдеріне"], "monthly")]


def test_next_sentence_adds_owners_to_named_ones():
    text = ("Әкім білім басқармасына мектептерді жылытуды 1 қарашаға дейін аяқтауды тапсырды. "
            "Жауаптылар ретінде аудан әкімдері белгіленді.")
    (d,) = _directives(text, "2025-09-01")
    assert d.owners == ["білім басқармасына", "аудан әкімдері"]


def test_russian_order_quoted_in_a_kazakh_sentence():
    text = "Мемлекет басшысы: «Министерству энергетики до 1 октября завершить ремонт котельных», – деді."
    (d,) = _one_sentence(text, "2025-08-01")
    assert d.owners == ["Министерству энергетики"] and d.deadline.date == "2025-10-01"
    assert (d.sentence_start, d.sentence_end) == (0, len(text))


@pytest.mark.parametrize("text, expected", [
    ("Уровень безработицы снизился до 4,6% (годом ранее — 4,8%).", (4.8, 4.6)),
    ("Доля цифровых услуг — 91% против 84% в прошлом году.", (84.0, 91.0)),
    ("Смертность от ДТП снизилась до 7,9, годом ранее было 8,4.", None),  # no unit: not read as an indicator
    ("Индекс цен ускорился до 12,1% с 11,4% в июне.", (11.4, 12.1)),
    ("48% — такова доля школ с интерактивными досками, годом ранее было 39%.", (39.0, 48.0)),
    ("Пропускная способность — 4,2 млн тонн против 3,6 млн тонн годом ранее.", None),
])
def test_kpi_baseline_after_the_level(text, expected):
    ks = find_kpis(text)
    if expected is None:
        assert all(k.metric.lower() not in {"годом ранее", "в прошлом году"} for k in ks)
        return
    (k,) = ks
    assert (k.from_, k.to) == expected


@pytest.mark.parametrize("text, metric_word, to, unit", [
    ("Выручка компании — 820 млрд тенге, что в 1,2 раза больше, чем годом ранее.", "Выручка", 1.2, "x"),
    ("Средняя пенсия — 142 тыс. тенге, это на 9% выше прошлогодней.", "пенсия", 9.0, "%"),
    ("Урожайность — 12,8 ц/га, что на 0,6 ц/га ниже прошлогодней.", "Урожайность", 0.6, "ц/га"),
    ("Время ожидания скорой помощи сократилось в среднем на 4 минуты.", "Время ожидания", 4.0, "минуты"),
    ("Площадь садов увеличилась на 12 тыс. гектаров.", "садов", 12000.0, "гектаров"),
    ("Доля безналичных расчётов в такси достигла половины.", "безналичных", 50.0, "%"),
    ("Совет решил сохранить базовую ставку на уровне 15,25%.", "ставку", 15.25, "%"),
])
def test_kpi_comparisons_amounts_and_levels(text, metric_word, to, unit):
    k = next(k for k in find_kpis(text) if k.to == to)  # a level said before the comparison is a KPI of its own
    assert metric_word in k.metric and k.unit == unit


def test_kpi_plan_and_fact_in_one_line():
    ks = find_kpis("Налоговые поступления: план — 3,1 трлн тенге, факт — 3,25 трлн тенге.")
    assert [(k.kind, k.to) for k in ks] == [("target", 3.1e12), ("achieved", 3.25e12)]
    assert all("Налоговые поступления" in k.metric for k in ks)


def test_kpi_pipe_table_rows():
    (k,) = find_kpis("Число пользователей портала, млн | 6,1 | 7,4")
    assert (k.from_, k.to) == (6.1, 7.4)
    (k,) = find_kpis("Доля оцифрованных архивов | 35% | 52%")
    assert (k.from_, k.to, k.unit) == (35.0, 52.0, "%")


def test_kpi_pronoun_takes_the_indicator_said_before_it():
    ks = find_kpis("Доля местных лекарств в закупе — 41%, к 2028 году она должна достичь 55%.", prev_metric="другой показатель")
    assert [(k.metric, k.to) for k in ks] == [("Доля местных лекарств в закупе", 41.0), ("Доля местных лекарств в закупе", 55.0)]


@pytest.mark.parametrize("text, owners", [
    ("Үкімет басшысы облыс әкімдеріне су құбырларын жөндеуді аяқтау жөнінде тапсырмасын берді.", [["облыс әкімдеріне"]]),
    ("Президент Үкіметке жыл соңына дейін жаңа Су кодексін қабылдау міндетін қойды.", [["Үкіметке"]]),
    ("Вице-премьер ведомстволарға жұмысты жеделдетуді тапсырды.", [["ведомстволарға"]]),
    # two orders, each with its own trigger, in one sentence
    ("Премьер-Министр ІІМ-ге жол қауіпсіздігін күшейтуді тапсырды, сондай-ақ Көлік министрлігіне "
     "бағдаршамдарды жаңартуды жүктеді.", [["ІІМ-ге"], ["Көлік министрлігіне"]]),
])
def test_kazakh_order_phrasings_round7(text, owners):
    assert [d.owners for d in _one_sentence(text)] == owners


@pytest.mark.parametrize("text, expected", [
    # a plan blanked out of another indicator's span is still its own KPI; an amount done against it is the fact
    ("Ремонт дорог при плане 95% выполнен на 97%.", [("target", 95.0), ("achieved", 97.0)]),
    ("При плане 30 тыс. гектаров новыми системами полива оснащено 27,5 тыс. гектаров.", [("target", 30000.0), ("achieved", 27500.0)]),
    ("В рамках программы при плане 12 тыс. рабочих мест создано 13,4 тыс.", [("target", 12000.0), ("achieved", 13400.0)]),
])
def test_kpi_plan_inside_another_span_and_amounts_done(text, expected):
    assert sorted((k.kind, k.to) for k in find_kpis(text)) == sorted(expected)


def test_kpi_work_done_without_a_plan_is_not_an_indicator():
    assert find_kpis("В 2025 году отремонтировано 3,7 тыс. км дорог местного значения.") == []


@pytest.mark.parametrize("text, metric_word, frm, to, unit", [
    ("Доля цифровых подписей выросла в 1,8 раза и составила 44%.", "цифровых", None, 44.0, "%"),
    ("Износ водопроводных сетей уменьшился на 2,1 п.п., однако остаётся высоким — 58%.", "водопроводных", None, 58.0, "%"),
    ("Материнская смертность снизилась до 9,3 на 100 000 родившихся живыми, годом ранее было 11,2.", "смертность", 11.2, 9.3,
     "на 100 000 родившихся живыми"),
    ("Средняя продолжительность жизни мужчин достигла 70,4 года.", "продолжительность", None, 70.4, "лет"),
    ("Банковскими картами пользуются 87% взрослых жителей против 81% годом ранее.", "взрослых", 81.0, 87.0, "%"),
    ("— резервы Национального банка — $41,2 млрд (на начало года — $38,9 млрд);", "резервы", 38.9e9, 41.2e9, "$"),
    ("Объём добычи угля — 56,3 млн тонн, что на 3% выше прошлогоднего.", "добычи", None, 56.3e6, "тонн"),
    ("Владельцев смартфонов стало на 0,8 млн больше.", "смартфонов", None, 0.8e6, None),
    ("За неделю зафиксировано 9 аварий на водоводах против 23 годом ранее.", "аварий", 23.0, 9.0, None),
    ("Из 620 тыс. безработных, прошедших обучение, трудоустроены 410 тыс.", "трудоустроены", None, 410000.0, None),
    ("Почти половина прироста кредитования пришлась на ипотеку.", "ипотеку", None, 50.0, "%"),
    ("Малому бизнесу выдано 85 млрд тенге кредитов по ставке 6% годовых.", "ставка", None, 6.0, "%"),
])
def test_kpi_shapes_round8(text, metric_word, frm, to, unit):
    got = [k for k in find_kpis(text) if k.to == to]
    assert got, find_kpis(text)
    assert metric_word in got[0].metric and got[0].from_ == frm and got[0].unit == unit


def test_kpi_plan_and_fact_words_are_not_metrics_of_a_dash_value():
    ks = find_kpis("Экспорт муки: план — 2 млн тонн, факт — 2,3 млн тонн.")
    assert [k.metric for k in ks] == ["Экспорт муки", "Экспорт муки"]


def test_kpi_aside_between_dashes_is_not_a_level():
    assert [k.to for k in find_kpis("Половина посевов — около 3 млн гектаров — обработана биопрепаратами.")] == []


@pytest.mark.parametrize("text, metric_word, frm, to", [
    ("Онлайн төлемдердің үлесі бір жылда 4 пайыздық тармаққа өсіп, 91 пайызға жетті.", "үлесі", None, 91.0),
    ("Өнеркәсіп өнімі 6,2 пайызға, бөлшек сауда 9,1 пайызға ұлғайды.", "Өнеркәсіп", None, 6.2),
    ("Өнеркәсіп өнімі 6,2 пайызға, бөлшек сауда 9,1 пайызға ұлғайды.", "сауда", None, 9.1),
    ("Жылдық инфляция шілдедегі 11,8 пайыздан тамызда 12,3 пайызға дейін жеделдеді.", "инфляция", 11.8, 12.3),
    ("Жоспар бойынша дәрігерлердің 80 пайызы курстан өтуі тиіс, бүгінде бұл көрсеткіш 65 пайыз.", "дәрігерлердің", None, 65.0),
    ("Тексерілген дәріханалардың 27 пайызында бұзушылықтар анықталды.", "дәріханалардың", None, 27.0),
    ("Облыс бойынша жөндеуге жоспарланған 300 шақырым жолдың 180 шақырымы жөнделді.", "жолдың", None, 180.0),
    ("Облыс бойынша жөндеуге жоспарланған 300 шақырым жолдың 180 шақырымы жөнделді.", "жолдың", None, 300.0),
    ("Биыл облыста бидайдың орташа өнімділігі гектарына 13,6 центнерді құрады.", "өнімділігі", None, 13.6),
    ("Тікелей рейстер саны 95-ке жетті.", "саны", None, 95.0),
    ("Салық түсімдері 1,2 трлн теңгеге жетті, бұл былтырғыдан 8 пайызға көп.", "түсімдері", None, 8.0),
    ("Үкіметке жұмыссыздықты 2027 жылға дейін 4 пайызға дейін төмендету тапсырылды.", "жұмыссыздықты", None, 4.0),
])
def test_kazakh_kpi_shapes_round8(text, metric_word, frm, to):
    got = [k for k in find_kpis(text, lang="kk") if k.to == to]
    assert got, find_kpis(text, lang="kk")
    assert metric_word in got[0].metric and got[0].from_ == frm


@pytest.mark.parametrize("text, owners, issuer", [
    # a verbal noun that ends a body's name is not where the action ends
    ("Бұл жұмысты үйлестіру Жасанды интеллект және цифрлық даму министрлігіне жүктелді.",
     [["Жасанды интеллект және цифрлық даму министрлігіне"]], None),
    # adjectives that only look accusative ("жауапты") are not the object
    ("Жиын соңында Премьер-министр жауапты мемлекеттік органдарға барлық тапсырмаларды орындауды тапсырды.",
     [["жауапты мемлекеттік органдарға"]], "Премьер-министр"),
    # the issuer's name after a title is not part of the owner
    ("Қала әкімі Жеңіс Қасымбек тұрғын үй инспекциясына жылу беру кестесін қатаң бақылауды тапсырды.",
     [["тұрғын үй инспекциясына"]], "Қала әкімі Жеңіс Қасымбек"),
    ("Ведомство басшысы департамент директорларына тоқсан сайын мониторинг жүргізуді тапсырды.",
     [["департамент директорларына"]], "Ведомство басшысы"),
    # a list of place names after a title is the owner's, not a person's name
    ("Министр Ақмола, Қарағанды және Ұлытау облыстарының әкімдіктеріне құбырларды тазартуды тапсырды.",
     [["Ақмола, Қарағанды және Ұлытау облыстарының әкімдіктеріне"]], "Министр"),
    ("Премьер-Министр ҚР Су ресурстары және ирригация министрлігіне су үнемдеу технологияларын енгізуді тапсырды.",
     [["ҚР Су ресурстары және ирригация министрлігіне"]], "Премьер-Министр"),
    # a company's leadership is an owner, so "нақты шаралар" is not a summary without one
    ("Премьер-министр «Қазақстан темір жолы» ҰК АҚ басшылығына жүк тасымалын ұлғайту бойынша нақты шаралар қабылдауды тапсырды.",
     [["«Қазақстан темір жолы» ҰК АҚ басшылығына"]], "Премьер-министр"),
    ("Президент Қасым-Жомарт Тоқаев Үкіметке өтініштерді қарау тәртібін жеңілдетуді тапсырды.", [["Үкіметке"]],
     "Қасым-Жомарт Тоқаев"),
    ("Әкім қалалық жолаушылар көлігі басқармасына жаңа автобустар сатып алуды тапсырды.",
     [["қалалық жолаушылар көлігі басқармасына"]], "Әкім"),
])
def test_kazakh_owner_and_issuer_edges_round8(text, owners, issuer):
    ds = _one_sentence(text)
    assert [d.owners for d in ds] == owners
    assert ds[0].issuer == issuer


def test_kazakh_action_before_owners_named_after_it():
    (d,) = _one_sentence("Бұл жұмысты үйлестіру Жасанды интеллект және цифрлық даму министрлігіне жүктелді.")
    assert "үйлестіру" in d.action and "министрлігіне" not in d.action


@pytest.mark.parametrize("text, date", [
    ("Министрлікке жобаны келесі жылдың соңына дейін аяқтау тапсырылды.", "2027-12-31"),
    ("Комитетке актілерді айдың соңына дейін жинау тапсырылды.", "2026-03-31"),
    ("Министрлікке бағдарламаны бірінші жартыжылдықтың соңына дейін жаңарту тапсырылды.", "2026-06-30"),
    # a start date is not the deadline
    ("Компанияға 1 тамыздан бастап жүретін пойыздардың кестесін 20 шілдеге дейін бекіту тапсырылды.", "2026-07-20"),
])
def test_kazakh_deadline_edges_round8(text, date):
    (d,) = _one_sentence(text, doc_date="2026-03-10")
    assert d.deadline.date == date


def test_a_bare_end_of_something_is_not_a_year_end():
    assert find_deadlines("жобаның соңына дейін", "2026-03-10") == []


def test_owner_named_in_the_next_sentence_by_this_work_is_given_to():
    text = ("Павлодар ЖЭО-ларындағы жөндеу жұмыстарын тамыз айының соңына дейін аяқтау қамтамасыз етілсін. "
            "Бұл жұмыс «Павлодарэнерго» АҚ-ға жүктелді.")
    ds = find_directives([(s, e, "kk") for s, e in split_sentences(text)], text, "2026-05-01")
    assert [(d.owners, d.deadline.date) for d in ds] == [(["«Павлодарэнерго» АҚ-ға"], "2026-08-31")]
    text = "Кондиционерлерді тексеру нәтижелері апта сайын басқармаға ұсынылсын. Жауапты – «Вокзал-сервис» филиалы."
    ds = find_directives([(s, e, "kk") for s, e in split_sentences(text)], text, "2026-05-01")
    assert [d.owners for d in ds] == [["«Вокзал-сервис» филиалы"]]


def test_cut_off_final_sentence_is_not_a_directive():
    text = "Аким провёл совещание. Кроме того, аким поручил управлению энергетики подготовить"
    assert find_directives([(s, e, "ru") for s, e in split_sentences(text)], text, "2026-05-01") == []
    text = "Премьер-министр поручил МНЭ проработать вопросы трудовой миграции в"
    assert find_directives([(0, len(text), "ru")], text + " ... Читайте также: новости.", "2026-05-01") == []


@pytest.mark.parametrize("text", [
    "Ранее Центральный банк Узбекистана поручил банкам страны ограничить выдачу займов.",
    "Ресей Федерациясының Орынбор облысының үкіметі өзен жағалауын нығайтуды тапсырды.",
])
def test_foreign_banks_and_regional_governments_are_foreign_issuers(text):
    assert _one_sentence(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Доля экспорта услуг в ВВП — 2,1%, к 2030 году её планируется довести до 4%.",
     [("Доля экспорта услуг в ВВП", 2.1), ("Доля экспорта услуг в ВВП", 4.0)]),
    ("Средний вес сдаваемого скота составил 410 кг против 385 кг годом ранее.", [("Средний вес сдаваемого скота", 410.0)]),
    ("Импорт — $18,4 млрд (+3,2%), экспорт — $30,9 млрд (−1,1%).", [("Импорт", 3.2), ("экспорт", 1.1)]),
    ("Через портал Enbek.kz трудоустроены 92 тыс. человек, что на 9% больше, чем годом ранее.",
     [("Через портал Enbek.kz трудоустроены 92 тыс. человек", 9.0)]),
    ("Уровень безработицы снизился до 4,6% с 4,9%.", [("Уровень безработицы", 4.6)]),
    ("Покрытие сетью 5G достигло 64% городов, годом ранее было 41%.", [("Покрытие сетью 5G", 64.0)]),
    ("Достаточность капитала — 21,3% при нормативе 12%.", [("Достаточность капитала", 21.3), ("Достаточность капитала", 12.0)]),
])
def test_kpi_shapes_round8b(text, expected):
    assert [(k.metric, k.to) for k in find_kpis(text)] == expected


def test_kpi_rank_move_before_a_place_and_a_rating_after_it():
    ks = find_kpis("Казахстан поднялся на 6 позиций в рейтинге Global Innovation Index и занял 78-е место.")
    assert [(k.to, k.unit) for k in ks] == [(6.0, "place"), (78.0, "place")]
    assert all("Global Innovation Index" in k.metric for k in ks)


def test_kpi_part_restated_as_a_share_and_planned_totals():
    assert [k.to for k in find_kpis("Из 4 100 сёл связью обеспечены 3 900, или 95%.")] == [95.0]
    ks = find_kpis("Из 52 запланированных на год объектов введены 19.")
    assert sorted((k.kind, k.to) for k in ks) == [("target", 52.0), ("value", 19.0)]


def test_kazakh_floor_target_inside_an_order():
    (k,) = find_kpis("– аудан әкімдері мектептердегі көмір қорын 1 қарашаға дейін кемінде 40 тәуліктік деңгейге жеткізсін;", lang="kk")
    assert (k.to, k.unit, k.kind) == (40.0, "тәулік", "target") and "көмір" in k.metric


@pytest.mark.parametrize("text, owners, issuer", [
    # a colon after the verb: the action follows it
    ("Үкімет басшысы облыс әкімдеріне тапсырды: ауылдық жолдарды күзге дейін жөндеу керек.", [["облыс әкімдеріне"]],
     "Үкімет басшысы"),
    ("Вице-премьер тапсырма берді: Энергетика министрлігі мен «KEGOC» АҚ кестені бір ай ішінде жаңартсын.",
     [["Энергетика министрлігі", "«KEGOC» АҚ"]], "Вице-премьер"),
    # an adverb between the owner and the verb
    ("Президент шекарадағы бақылауды күшейтуді Ұлттық қауіпсіздік комитетіне тікелей жүктеді.",
     [["Ұлттық қауіпсіздік комитетіне"]], "Президент"),
    # an emphasis with an addressee, and "бұйырды"
    ("Мемлекет басшысы Қаржы министрлігіне салық әкімшілігін жеңілдету қажеттігін атап өтті.",
     [["Қаржы министрлігіне"]], "Мемлекет басшысы"),
    ("Президент Қорғаныс министрлігіне әскери бөлімдерді жасақтауды бұйырды.", [["Қорғаныс министрлігіне"]], "Президент"),
    # polite imperatives in a quote: the listeners named outside it or called in it own the order
    ("Премьер-Министр әкімдерге қарата: «Көктемгі су тасқынына дайындықты наурызға дейін аяқтаңыздар», – деді.",
     [["әкімдерге"]], "Премьер-Министр"),
    ("«Министрлер, мемлекеттік қызметтердің сапасын ай сайын тексеріп отырыңыздар», – деді Мемлекет басшысы.",
     [["Министрлер"]], "Мемлекет басшысы"),
    # a third-person imperative and "тапсырамын" inside a quote
    ("«Көлік министрлігі әуежайлардағы кезекті қысқарту шараларын әзірлесін», – деді Үкімет басшысы.",
     [["Көлік министрлігі"]], "Үкімет басшысы"),
    ("Президент: «Ұлттық банкке инфляцияны тежеу шараларын күшейтуді тапсырамын», – деді.", [["Ұлттық банкке"]],
     "Президент"),
])
def test_kazakh_colon_quote_and_emphasis_orders(text, owners, issuer):
    ds = _one_sentence(text)
    assert [d.owners for d in ds] == owners
    assert ds[0].issuer == issuer


@pytest.mark.parametrize("text", [
    "Облыс әкімі мүгедектігі бар азаматтарға көліктің кілттерін тапсырды.",  # handed over keys
    "Жаңа аурухана ғимараты пайдалануға тапсырылды.",
    "Станцияда 30 вагонға көмір жүктелді.",
    "Үкімет басшысы министрлерге нақты тапсырмалар жүктеді.",  # a summary
    "Тұрғындар әкімдіктен аулаларды абаттандыруды талап етті.",  # residents' demand
    "Егер жауын-шашын азайса, Су ресурстары министрлігіне қосымша шаралар қабылдау қажет болады.",
    "Сарапшылардың пікірінше, Ұлттық банкке базалық мөлшерлемені көтеру керек болуы мүмкін.",
    "Қағидаларға сәйкес әкімдіктер жыл сайын есеп беруі тиіс.",  # a standing rule
    "Осы қаулының орындалуын бақылау Премьер-Министрдің орынбасарына жүктелсін.",  # control clause
    "Еуразиялық экономикалық комиссия мүше мемлекеттерге стандарттарды үйлестіруді міндеттеді.",
    "Әзірбайжан Үкіметі порттарды жаңғыртуды көлік министрлігіне жүктеді.",
    "Депутаттар Президент тапсырған жобалардың кешіктірілуі туралы сұрады.",  # a participle, not an order
    "«Жолдарды тезірек салыңыздар», – деді Моңғолия Премьер-министрі өз министрлеріне.",
])
def test_kazakh_look_alikes_are_not_orders(text):
    assert _one_sentence(text) == []


def test_kazakh_quote_over_two_sentences_and_headline():
    text = ("Министр Жасұлан Мадиев: «Желіні жаңғырту жоспары бекітілді. Операторлар 1 қазанға дейін ауылдарды "
            "байланыспен қамтуы тиіс».")
    ds = find_directives([(s, e, "kk") for s, e in split_sentences(text)], text, "2026-03-01")
    assert [(d.owners, d.issuer, d.deadline.date) for d in ds] == [(["Операторлар"], "Министр Жасұлан Мадиев", "2026-10-01")]
    text = "Премьер-Министр Үкіметке жылу маусымына дайындықты күшейтуді тапсырды\nЖиында жылу маусымы талқыланды."
    assert find_directives([(s, e, "kk") for s, e in split_sentences(text)], text, "2026-03-01") == []


@pytest.mark.parametrize("text, owners, issuer", [
    # the owner's own title is not the issuer
    ("Премьер-Министр Олжас Бектенов Энергетика министрі Ерлан Аккенженовке жылу көздерін тексеруді тапсырды.",
     [["Ерлан Аккенженовке"]], "Премьер-Министр Олжас Бектенов"),
    ("Денсаулық сақтау министрі облыстық басқармалардан дәрі қорын күн сайын жаңартуды талап етті.",
     [["облыстық басқармалардан"]], "Денсаулық сақтау министрі"),
    # quoted companies in the accusative and ablative; "бұған дейін" is no object; an earlier order keeps its issuer
    ("Министр «Қазақтелеком» АҚ-ны ауылдарды интернетпен қамтуға міндеттеді.", [["«Қазақтелеком» АҚ-ны"]], "Министр"),
    ("Бұған дейін Президент Үкіметке ауыл мектептерін жөндеуді тапсырған болатын.", [["Үкіметке"]], "Президент"),
    ("Президент Үкімет пен Парламентке заң жобасын қарауды жеделдетуді тапсырды.", [["Үкімет", "Парламентке"]], "Президент"),
])
def test_kazakh_owner_and_issuer_edges_round9(text, owners, issuer):
    ds = _one_sentence(text)
    assert [d.owners for d in ds] == owners
    assert ds[0].issuer == issuer


@pytest.mark.parametrize("after, owners", [
    ("Жауаптылар: ҰЭМ мен Қаржы министрлігі.", ["ҰЭМ", "Қаржы министрлігі"]),
    ("Жауапты орындаушы – облыстық энергетика басқармасы.", ["облыстық энергетика басқармасы"]),
    ("Бұл бағыт бойынша жауапты орган ретінде Ұлттық экономика министрлігі айқындалды.", ["Ұлттық экономика министрлігі"]),
])
def test_kazakh_owners_named_in_the_next_sentence_round9(after, owners):
    text = "Үкімет басшысы тарифтік саясаттың жаңа моделін екі ай мерзімде енгізуді тапсырды. " + after
    ds = find_directives([(s, e, "kk") for s, e in split_sentences(text)], text, "2026-03-01")
    assert [d.owners for d in ds] == [owners]


@pytest.mark.parametrize("text, date, rec", [
    ("квоталарды бір жарым ай ішінде қайта қарау", "2025-08-23", None),  # one and a half months
    ("в течение полутора месяцев", "2025-08-23", None),
    ("есепті әр дүйсенбі сайын ұсыну", None, "weekly"),
    ("отчитываться каждый понедельник", None, "weekly"),
    ("отчитываться каждый квартал", None, "quarterly"),
])
def test_fractional_terms_and_weekdays(text, date, rec):
    (d,) = find_deadlines(text, "2025-07-08")
    assert (d.date, d.recurrence) == (date, rec)


def test_kazakh_bare_month_inline_decision_and_abbreviated_head():
    ds = _one_sentence("Облыс әкімі құрылыс басқармасына мектептің құрылысын тамызда аяқтауды, білім басқармасына оны "
                       "жиһазбен жабдықтауды 20 тамызға дейін қамтамасыз етуді тапсырды.", "2026-03-01")
    assert [(d.owners, d.deadline.date) for d in ds] == [(["құрылыс басқармасына"], "2026-08-31"),
                                                         (["білім басқармасына"], "2026-08-20")]
    (d,) = _one_sentence("Алқа мынадай шешім қабылдады: облыстық департаменттерге жоспарларды 1 қазанға дейін қайта қарау.")
    assert d.owners == ["облыстық департаменттерге"]
    (d,) = _one_sentence("«Тұрғындарды көшіру шараларын дереу қабылдаңыздар», – деп тапсырды ТЖМ басшысы облыстық департаменттерге.")
    assert (d.owners, d.issuer) == (["облыстық департаменттерге"], "ТЖМ басшысы")


@pytest.mark.parametrize("text, owners, issuer", [
    ("«Обеспечьте до конца года ремонт всех котельных», – сказал Премьер-министр, обращаясь к акимам областей.",
     [["акимам областей"]], "Премьер-министр"),
    ("Глава государства: «Поручаю Правительству в течение двух месяцев внести проект закона о платформенной занятости».",
     [["Правительству"]], "Глава государства"),
    ("«Пусть Министерство финансов до 1 июня вернёт предпринимателям НДС», – сказал Президент.",
     [["Министерство финансов"]], "Президент"),
    ("Акиматам областей предстоит к 1 октября завершить подготовку к отопительному сезону.", [["Акиматам областей"]], None),
    ("Министерству энергетики предложено до 1 июля представить план модернизации ТЭЦ.", [["Министерству энергетики"]], None),
])
def test_russian_quoted_and_impersonal_orders(text, owners, issuer):
    ds = _one_sentence(text)
    assert [d.owners for d in ds] == owners
    assert ds[0].issuer == issuer


@pytest.mark.parametrize("text", [
    "Если паводковая ситуация ухудшится, акиматам может быть поручено эвакуировать жителей.",
    "Президент может поручить Правительству пересмотреть бюджет, если цены на нефть упадут.",
    "В Акорде опровергли информацию о том, что Президент поручил закрыть границу.",
    "Коллегия ЕЭК поручила государствам – членам ЕАЭС гармонизировать техрегламенты.",
    "Госсовет КНР поручил провинциям сократить выбросы угольных станций.",
    "В депутатском запросе сенатор потребовал от Министерства здравоохранения объяснить нехватку врачей.",
    "Жителям рекомендовано воздержаться от поездок по трассам из-за гололёда.",
    "В 2024 году Президент поручил построить 100 школ; сегодня работы полностью завершены.",
])
def test_russian_look_alikes_are_not_orders(text):
    assert _one_sentence(text) == []
