"""Extraction: spaCy components (one per fact) over small named grammars in ``extract/grammars``."""
