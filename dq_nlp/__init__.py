"""dq-nlp: directives, owners, deadlines, KPIs and money from Russian and Kazakh government texts."""

__version__ = "0.1.0"
