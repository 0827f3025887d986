"""SQLAlchemy models: learner state only; lessons and quizzes stay in files, named by slug."""

from trainer.models.base import Base, utcnow
from trainer.models.certificate import Certificate
from trainer.models.hall import ClassAnswer, ClassPhone, ClassQuiz, Presentation
from trainer.models.login_failure import LoginFailure
from trainer.models.play import PlayCount
from trainer.models.progress import LessonProgress
from trainer.models.quiz import QuizAttempt
from trainer.models.recording import VoiceRecording
from trainer.models.team import Commune, Team, team_instructors
from trainer.models.user import ROLE_NAMES, Role, User
from trainer.models.village import Village, VillageTarget
from trainer.models.visit import Visit

__all__ = [
    "ROLE_NAMES",
    "Base",
    "Certificate",
    "ClassAnswer",
    "ClassPhone",
    "ClassQuiz",
    "Commune",
    "LessonProgress",
    "LoginFailure",
    "PlayCount",
    "Presentation",
    "QuizAttempt",
    "Role",
    "Team",
    "User",
    "Village",
    "VillageTarget",
    "Visit",
    "VoiceRecording",
    "team_instructors",
    "utcnow",
]
