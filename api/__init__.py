"""The dq-nlp HTTP service (FastAPI): thin routers over the same services as the CLI."""
