"""What this process serves from memory: the catalog, the audio, and pages made once.

One object per app, `serving(app)`, made when the app starts and owned here. The catalog is
read once: content never changes while the server runs. The audio is the build's manifest
with the voices this server took in since (`taken_audio`: uploads, recordings copied from
other servers) laid over it; a recording always wins. `reload()` reads the audio again and
forgets every page kept from before, so a new voice is heard at once. Every area calls it;
no area clears another's cache. Each cache is bounded (big entries by their bytes) and,
when full, drops the entry used longest ago, one at a time.

Nothing here runs inside a page request on its own: `start_watching()` (in each server
process, see trainer.serving) runs the few-seconds tasks, such as noticing a new voice,
in a thread of their own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable
from contextlib import suppress
from functools import cached_property
from pathlib import Path
from typing import Any

from cachetools import Cache, LRUCache, TTLCache
from flask import Flask, current_app

from trainer.content.catalog import Catalog
from trainer.speech import manifest
from trainer.speech.stage import AUDIO

PAGE_BYTES = 16 * 1024 * 1024  # whole pages for readers: every shipped lesson in two styles
ARTICLE_BYTES = 8 * 1024 * 1024  # a lesson's steps as HTML, per language
QUIZ_CODES = 1000  # class quiz states kept at once; codes come from visitors
QUIZ_STATUS_SECONDS = 0.5  # how long a process answers a class quiz's state from memory
WATCH_SECONDS = 2.0  # between looks for new voices, off the request path
_MISSING = object()

log = logging.getLogger(__name__)


class Kept:
    """A bounded map, safe across threads, that drops the least recently used entry first."""

    def __init__(self, cache: Cache):
        self._cache = cache
        self._lock = threading.Lock()
        self._generation = 0  # moves on at every clear: a value made before it is not kept

    @classmethod
    def of_bytes(cls, limit: int, size: Callable[[Any], int] = len) -> Kept:
        return cls(LRUCache(maxsize=limit, getsizeof=size))

    def get(self, key: Hashable, default: Any = None) -> Any:
        with self._lock:
            return self._cache.get(key, default)

    def put(self, key: Hashable, value: Any, generation: int | None = None) -> None:
        """Keep value, unless the cache was cleared since generation or value alone is too big."""
        with self._lock:
            if generation is not None and generation != self._generation:
                return
            with suppress(ValueError):  # larger than the whole cache: served, never kept
                self._cache[key] = value

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The kept value, or make() kept from now on."""
        found = self.get(key, _MISSING)
        if found is not _MISSING:
            return found
        generation = self.generation
        value = make()
        self.put(key, value, generation)
        return value

    @property
    def generation(self) -> int:
        return self._generation

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()
            self._generation += 1

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._cache

    def __len__(self) -> int:
        with self._lock:
            return len(self._cache)

    @property
    def size(self) -> int:
        """What is kept, in the cache's own measure (bytes for pages)."""
        with self._lock:
            return self._cache.currsize


class ServingState:
    """The catalog, the audio and the caches one server process serves from."""

    def __init__(self, catalog: Catalog, built_audio: Path, taken_audio: Path):
        self.catalog = catalog
        self.built_audio = built_audio  # written by `trainer build` only
        self.taken_audio = taken_audio  # voices this server took in since the build
        self.pages = Kept.of_bytes(PAGE_BYTES)  # whole pages for readers, as bytes
        self.articles = Kept.of_bytes(ARTICLE_BYTES, lambda html: len(html.encode()))
        self.quiz_status = Kept(TTLCache(maxsize=QUIZ_CODES, ttl=QUIZ_STATUS_SECONDS))
        self.search: Any = None  # the search index, opened on the first search (reading)
        self._tasks: list[Callable[[Flask], None]] = [lambda app: self.reload_if_changed()]
        self._watcher: threading.Thread | None = None
        self._stop = threading.Event()
        self._reloading = threading.Lock()
        self.reload()

    @property
    def audio(self) -> manifest.Manifest:
        return self._audio

    def reload(self) -> None:
        """Read the audio again (the build's and this server's since) and forget every page
        made with the old one."""
        with self._reloading:
            stamps = self._stamps()
            built = manifest.load(self.built_audio)
            taken = manifest.load(self.taken_audio)
            self._audio = manifest.overlaid(built, taken, manifest.fingerprint(self.built_audio))
            self._seen = stamps
            self.pages.clear()
            self.articles.clear()

    def reload_if_changed(self) -> bool:
        """Reload when a build or an upload (in any process) rewrote a manifest; whether it did."""
        if self._stamps() == self._seen:
            return False
        self.reload()
        return True

    def audio_file(self, name: str) -> Path | None:
        """Where the audio file named name is: the build's folder or this server's since."""
        return manifest.locate(name, (self.built_audio, self.taken_audio))

    @cached_property
    def picture_sources(self) -> dict[str, str]:
        """Built picture name (every width) -> its source path under media/."""
        pictures = self.catalog.pictures.items()
        return {built: src for src, p in pictures for built in {p.name, *dict(p.srcset)}}

    def every_few_seconds(self, task: Callable[[Flask], None]) -> None:
        """Run task(app) from the watcher thread, never inside a page request."""
        self._tasks.append(task)

    def start_watching(self, app: Flask, every: float = WATCH_SECONDS) -> threading.Thread:
        """Start this process's watcher: the tasks every few seconds, in its own app context."""
        if self._watcher is None or not self._watcher.is_alive():
            self._watcher = threading.Thread(
                target=self._watch, args=(app, every), name="trainer-watcher", daemon=True
            )
            self._watcher.start()
        return self._watcher

    def stop_watching(self) -> None:
        if self._watcher is not None:
            self._stop.set()
            self._watcher.join(timeout=10)
            self._watcher, self._stop = None, threading.Event()

    def _watch(self, app: Flask, every: float) -> None:
        stop = self._stop
        while not stop.is_set():
            for task in self._tasks:
                try:
                    with app.app_context():
                        task(app)
                except Exception:  # a failed look must never stop the next one
                    log.exception("a background task failed; it runs again shortly")
            stop.wait(every)

    def _stamps(self) -> tuple[int | None, int | None]:
        return (_mtime(self.built_audio / manifest.FILE), _mtime(self.taken_audio / manifest.FILE))


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def init_app(app: Flask, catalog: Catalog) -> None:
    app.extensions["serving"] = ServingState(
        catalog, Path(app.config["BUILD_DIR"]) / AUDIO, Path(app.instance_path) / "unbuilt" / AUDIO
    )


def serving(app: Flask | None = None) -> ServingState:
    """The app's serving state (the current app's by default)."""
    return (app or current_app).extensions["serving"]
