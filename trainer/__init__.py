"""trainer: lessons, audio and certification for Vietnam's Community Digital Technology Teams.

The package root stays light: `import trainer.content` or `import trainer.speech` loads
neither Flask nor SQLAlchemy. `create_app` (in `trainer.app`) is imported on first use, so
`gunicorn "trainer:create_app()"` keeps working.
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from trainer.app import create_app

        return create_app
    raise AttributeError(f"module 'trainer' has no attribute {name!r}")
