"""Small regular grammars, named after the phrases they read. Each module exposes ``find_*(text, ...)``."""
