"""Videos a server was asked for: made in one background thread, one after another.

A request for a video not made yet queues it and is answered at once ("đang làm video");
the same video asked for again while it waits is not queued twice. Across the server's
processes `maker.make` takes a file lock and makes nothing that is already there, so
two processes asked for one video still make it once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from trainer.speech.video import maker
from trainer.speech.video.plan import VideoPlan

log = logging.getLogger(__name__)
MAKING, FAILED = "making", "failed"
MAX_FAILED = 200  # failures remembered (each lesson, language and address at most once)


class VideoJobs:
    def __init__(self, folder: Path, on_made: Callable[[], None] = lambda: None):
        self.folder = folder
        self.on_made = on_made  # e.g. forget kept pages, so lessons show the new video
        self._lock = threading.Lock()
        self._waiting: dict[str, VideoPlan] = {}  # file name -> plan, oldest first
        self._failed: dict[str, str] = {}
        self._worker: threading.Thread | None = None

    def ask(self, plan: VideoPlan) -> str:
        """Queue the plan's video unless it waits already: MAKING, or FAILED if it could not
        be made (the reason is `failure(plan)`)."""
        with self._lock:
            if plan.name in self._failed:
                return FAILED
            self._waiting.setdefault(plan.name, plan)
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="video", daemon=True)
                self._worker.start()
            return MAKING

    def ahead(self, plan: VideoPlan) -> int:
        """How many videos will be made before this one."""
        with self._lock:
            names = list(self._waiting)
        return names.index(plan.name) if plan.name in names else 0

    def failure(self, plan: VideoPlan) -> str | None:
        return self._failed.get(plan.name)

    def wait(self, timeout: float) -> bool:
        """Wait until every queued video is made or failed; False if timeout came first."""
        with self._lock:
            worker = self._worker
        if worker is not None:
            worker.join(timeout)
        with self._lock:
            return self._worker is None

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._waiting:
                    self._worker = None
                    return
                name, plan = next(iter(self._waiting.items()))
            try:
                maker.make(plan, self.folder)
            except Exception as error:  # the worker outlives any one video
                log.error("video %s not made: %s", name, error)
                with self._lock:
                    if len(self._failed) >= MAX_FAILED:
                        self._failed.pop(next(iter(self._failed)))
                    self._failed[name] = str(error)
            finally:
                with self._lock:
                    self._waiting.pop(name, None)
            self.on_made()
