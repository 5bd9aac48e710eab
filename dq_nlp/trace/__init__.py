"""Traceability: the registry of bodies and programmes, entity linking, and the directive → project graph."""
