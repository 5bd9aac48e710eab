"""spaCy pipeline components, one per fact, registered with ``@Language.factory`` and configured by name.

Each component reads ``doc._.doc_date`` / sentence spans and writes its records to a ``Doc`` extension:
``doc._.deadlines``, ``doc._.money``, ``doc._.kpis``, ``doc._.dq_entities``, ``doc._.directives``.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..lang.detect import detect_lang
from ..lang.segment import split_sentences
from ..records import Deadline, Directive, Span
from .entities import EntityRecognizer
from .grammars.deadlines import find_deadlines
from .grammars.directives import find_directives
from .grammars.kpis import find_kpis
from .grammars.money import find_money

for _name, _default in (("doc_date", None), ("doc_id", None), ("sent_spans", None), ("deadlines", None),
                        ("money", None), ("kpis", None), ("dq_entities", None), ("directives", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def sentence_spans(doc: Doc) -> list[tuple[int, int, str]]:
    if doc._.sent_spans is None:
        text = doc.text
        spans = []
        for s, e in split_sentences(text):
            lang = detect_lang(text[s:e])
            spans.append((s, e, lang if lang != "unknown" else "ru"))
        doc._.sent_spans = spans
    return doc._.sent_spans


@Language.factory("dq_sentences")
def make_sentences(nlp: Language, name: str):
    """Sentence boundaries from our segmenter (razdel + Kazakh abbreviations), with a language per sentence."""

    def component(doc: Doc) -> Doc:
        spans = sentence_spans(doc)
        starts = {s for s, _, _ in spans}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.idx in starts
        return doc

    return component


@Language.factory("dq_entities", default_config={"models_dir": None, "backend": "auto"})
def make_entities(nlp: Language, name: str, models_dir: str | None, backend: str):
    from ..settings import Settings

    recognizer = EntityRecognizer(Path(models_dir) if models_dir else Settings().models_dir, backend)

    def component(doc: Doc) -> Doc:
        doc._.dq_entities = recognizer(doc.text, sentence_spans(doc))
        return doc

    return component


@Language.factory("dq_deadlines")
def make_deadlines(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        out: list[Deadline] = []
        text = doc.text  # Doc.text joins every token on each access: read it once
        for s, e, _ in sentence_spans(doc):
            out.extend(find_deadlines(text[s:e], doc._.doc_date, offset=s))
        doc._.deadlines = out
        return doc

    return component


@Language.factory("dq_money")
def make_money(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.money = find_money(doc.text)
        return doc

    return component


@Language.factory("dq_kpis")
def make_kpis(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        out = []
        text = doc.text
        for s, e, lang in sentence_spans(doc):
            out.extend(find_kpis(text[s:e], offset=s, lang=lang, prev_metric=out[-1].metric if out else None))
        doc._.kpis = out
        return doc

    return component


@Language.factory("dq_directives", default_config={"registry_dir": None})
def make_directives(nlp: Language, name: str, registry_dir: str | None):
    from ..trace.registry import load_registry

    registry = load_registry(Path(registry_dir) if registry_dir else None)

    def component(doc: Doc) -> Doc:
        text = doc.text
        drafts = find_directives(sentence_spans(doc), text, doc._.doc_date)
        doc_projects = registry.programmes_in(text) if drafts else []
        directives: list[Directive] = []
        for n, draft in enumerate(drafts):
            sentence = text[draft.sentence_start:draft.sentence_end]
            owners, owner_ids = [], []
            for mention in draft.owners:
                ids = registry.link_bodies(mention, draft.lang)
                if len(ids) > 1:  # one mention of several bodies: one owner per body, named as the registry names it
                    owners += [registry.body_name(i, draft.lang) or mention for i in ids]
                    owner_ids += ids
                else:
                    owners.append(mention)
                    owner_ids.append(ids[0] if ids else None)
            project = registry.programmes_in(sentence)
            project_id = (project or doc_projects or [None])[0]
            directives.append(Directive(
                id=f"{doc._.doc_id or 'doc'}-{n + 1}",
                doc_id=doc._.doc_id,
                issuer=draft.issuer,
                issuer_id=registry.link_body(draft.issuer, draft.lang) if draft.issuer else None,
                owners=owners,
                owner_ids=owner_ids,
                action=draft.action,
                deadline=draft.deadline,
                sentence=Span(text=sentence, start=draft.sentence_start, end=draft.sentence_end),
                project=registry.programme_name(project_id, draft.lang) if project_id else None,
                project_id=project_id,
                lang=draft.lang,
            ))
        doc._.directives = directives
        return doc

    return component
