"""Content statistics (`trainer content-stats`): how much is written, per topic and language."""

from trainer.content.stats.collect import Stats, collect
from trainer.content.stats.report import render

__all__ = ["Stats", "collect", "render"]
