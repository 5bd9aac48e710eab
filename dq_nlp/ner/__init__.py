"""Our own NER for Russian (NEREL) and Kazakh (KazNERD): converters, training, evaluation, loading."""

from .recognizer import load_ner

__all__ = ["load_ner"]
