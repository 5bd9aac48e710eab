"""Retrieval: embedders → Chroma (dense), BM25 over lemmas/stems (lexical), and their fusion."""
