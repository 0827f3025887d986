"""The newest migration shipped, so tests do not name a revision that merges renumber."""

from alembic.script import ScriptDirectory

from trainer.database import MIGRATIONS


def newest_migration() -> str:
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()
