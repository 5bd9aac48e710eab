"""The services a process opens once (CLI command, API lifespan): store, index, extractor, registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .extract.pipeline import Extractor
from .settings import Settings
from .store import Store
from .trace.registry import Registry, load_registry


@dataclass
class Services:
    settings: Settings = field(default_factory=Settings.from_env)

    @cached_property
    def store(self) -> Store:
        return Store(Path(self.settings.data_dir) / "dq.sqlite")

    @cached_property
    def index(self):
        from .index.embedders import get_embedder
        from .index.search import Index

        return Index(Path(self.settings.data_dir), get_embedder(self.settings.embedder), self.store,
                     chroma_url=self.settings.chroma_url)

    @cached_property
    def extractor(self) -> Extractor:
        return Extractor(self.settings.models_dir, ner=self.settings.ner, registry_dir=self.settings.registry_dir)

    @cached_property
    def registry(self) -> Registry:
        return load_registry(self.settings.registry_dir)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()
