"""The document set a judged benchmark searches: frozen to what the judges saw, or everything bundled.

Search queries and ask questions were judged against the corpus of one commit. Gold documents written later add
relevant sentences nobody judged (search) and can make an "unanswerable" question answerable (ask), so by default
both benchmarks index the frozen list in ``corpora/haystack.txt``."""

from __future__ import annotations

from pathlib import Path

from ..errors import DqError
from ..settings import REPO_DIR

MANIFEST = REPO_DIR / "corpora" / "haystack.txt"
ALL_CORPORA = [REPO_DIR / "corpora" / "samples", REPO_DIR / "corpora" / "gold"]
CHOICES = ("frozen", "all")


def manifest_entries(manifest: Path = MANIFEST) -> list[str]:
    """The repo-relative paths listed in the manifest (comment lines start with "#")."""
    lines = [x.strip() for x in manifest.read_text(encoding="utf-8").splitlines()] if manifest.exists() else []
    return [x for x in lines if x and not x.startswith("#")]


def haystack_paths(which: str = "frozen") -> list[Path]:
    """Files (``frozen``) or folders (``all``) to ingest for a judged benchmark."""
    if which == "all":
        return list(ALL_CORPORA)
    if which != "frozen":
        raise DqError(f"unknown haystack {which!r}: use one of {', '.join(CHOICES)}")
    if not MANIFEST.exists():
        raise DqError(f"{MANIFEST} is missing: restore it from git, or pass --haystack all")
    paths = [REPO_DIR / x for x in manifest_entries()]
    missing = [str(p.relative_to(REPO_DIR)) for p in paths if not p.exists()]
    if missing:
        raise DqError(f"{len(missing)} haystack files are missing (first: {missing[0]}); restore them from git")
    return paths
