"""Evaluation helpers: peer extractors to compare ours with on gold documents."""
