"""Evaluation of each stage against gold data: `dq eval extract|ner|search|ask`."""
