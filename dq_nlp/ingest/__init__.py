"""Ingest: read files of any supported format into normalised ``Document`` records."""
