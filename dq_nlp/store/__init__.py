"""SQLite store: the source of truth for documents, sentences and extractions."""

from .sqlite import Store

__all__ = ["Store"]
