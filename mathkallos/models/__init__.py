"""Every table of the app; importing this package registers them all on SQLModel.metadata."""

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
    "AuthSession",
    "Course",
    "CourseLevel",
    "Enrollment",
    "LoginAttempt",
    "Problem",
    "ProblemKind",
    "ProblemStatus",
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
