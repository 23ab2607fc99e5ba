"""The demo school that `make run` loads into an empty database: accounts first, then content."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, func, select

from mathkallos.models.users import Role, User
from mathkallos.services.accounts import create_account


@dataclass(frozen=True)
class DemoAccount:
    role: Role
    email: str
    username: str
    full_name: str
    password: str


# Printed by `make run` and listed in the README: these are demo credentials by design.
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        Role.STUDENT,
        "student@mathkallos.example.com",
        "student",
        "Sofia Kovalevskaya",
        "Student2026",
    ),
    DemoAccount(
        Role.TEACHER,
        "teacher@mathkallos.example.com",
        "teacher",
        "Pafnuty Chebyshev",
        "Teacher2026",
    ),
    DemoAccount(
        Role.ADMIN, "admin@mathkallos.example.com", "admin", "Andrey Kolmogorov", "Admin2026"
    ),
)


@dataclass
class DemoReport:
    loaded: bool
    accounts: list[DemoAccount] = field(default_factory=list)
    courses: int = 0

    def describe(self) -> str:
        if not self.loaded:
            return "The database already has users: demo content was not loaded."
        lines = [f"Loaded the demo school: {self.courses} courses and these accounts:"]
        lines += [
            f"  {a.role.value:<8} login: {a.username:<8} (or {a.email})  password: {a.password}"
            for a in self.accounts
        ]
        return "\n".join(lines)


def load_demo_if_empty(*, session: Session) -> DemoReport:
    """Idempotent: does nothing once any user exists, so real data is never touched."""
    if session.exec(select(func.count()).select_from(User)).one() > 0:
        return DemoReport(loaded=False)
    created = {}
    for account in DEMO_ACCOUNTS:
        created[account.role] = create_account(
            session=session,
            email=account.email,
            username=account.username,
            full_name=account.full_name,
            password=account.password,
            role=account.role,
        )
    return DemoReport(
        loaded=True,
        accounts=list(DEMO_ACCOUNTS),
        courses=_load_demo_courses(session, author_id=created[Role.TEACHER].id),
    )


def _load_demo_courses(session: Session, *, author_id: int) -> int:
    from mathkallos.services.content.demo import load_demo_courses

    return load_demo_courses(session=session, author_id=author_id)
