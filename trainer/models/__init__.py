"""SQLAlchemy models: learner state only; lessons and quizzes stay in files, named by slug."""

from trainer.models.base import Base, utcnow
from trainer.models.certificate import Certificate
from trainer.models.login_failure import LoginFailure
from trainer.models.play import PlayCount
from trainer.models.progress import LessonProgress
from trainer.models.quiz import QuizAttempt
from trainer.models.team import Commune, Team, team_instructors
from trainer.models.user import ROLE_NAMES, Role, User

__all__ = [
    "ROLE_NAMES",
    "Base",
    "Certificate",
    "Commune",
    "LessonProgress",
    "LoginFailure",
    "PlayCount",
    "QuizAttempt",
    "Role",
    "Team",
    "User",
    "team_instructors",
    "utcnow",
]
