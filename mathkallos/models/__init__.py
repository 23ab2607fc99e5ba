"""Every table of the app; importing this package registers them all on SQLModel.metadata."""

from mathkallos.models.attempts import (
    AnswerStatus,
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    Notification,
    ProctoringEvent,
    ProctoringKind,
)
from mathkallos.models.content import (
    Course,
    CourseLevel,
    Enrollment,
    Problem,
    ProblemKind,
    ProblemStatus,
    Section,
    SectionRead,
    Test,
    TestMode,
    TestProblem,
)
from mathkallos.models.users import AuthSession, LoginAttempt, RefreshToken, Role, User, UserPublic

__all__ = [
    "AnswerStatus",
    "Attempt",
    "AttemptAnswer",
    "AttemptStatus",
    "AuthSession",
    "Course",
    "CourseLevel",
    "Enrollment",
    "LoginAttempt",
    "Notification",
    "Problem",
    "ProblemKind",
    "ProblemStatus",
    "ProctoringEvent",
    "ProctoringKind",
    "RefreshToken",
    "Role",
    "Section",
    "SectionRead",
    "Test",
    "TestMode",
    "TestProblem",
    "User",
    "UserPublic",
]
