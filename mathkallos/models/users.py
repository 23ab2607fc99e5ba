"""Accounts, sign-in sessions (refresh-token families) and login attempts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from mathkallos.models.base import utcnow


class Role(StrEnum):
    STUDENT = "student"
    TEACHER = "teacher"
    ADMIN = "admin"


class UserBase(SQLModel):
    email: str = Field(max_length=254, unique=True, index=True)
    username: str = Field(max_length=40, unique=True, index=True)
    full_name: str = Field(default="", max_length=120)


class User(UserBase, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    password_hash: str = Field(max_length=255)
    role: Role = Field(default=Role.STUDENT, sa_type=String(16), index=True)
    is_active: bool = Field(default=True, index=True)
    preferences: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = None


class UserPublic(UserBase):
    """What may leave the server about a user: never the password hash."""

    id: int
    role: Role
    is_active: bool
    preferences: dict[str, Any]
    created_at: datetime
    last_login_at: datetime | None = None


class AuthSession(SQLModel, table=True):
    """One signed-in device: a family of rotating refresh tokens; revoking it logs it out."""

    __tablename__ = "auth_sessions"

    id: str = Field(primary_key=True, max_length=32)
    user_id: int = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)
    last_used_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = Field(default=None, index=True)
    user_agent: str = Field(default="", max_length=255)


class RefreshToken(SQLModel, table=True):
    """Stored as a SHA-256 digest; a token is single-use and a reused one revokes its family."""

    __tablename__ = "refresh_tokens"

    id: int | None = Field(default=None, primary_key=True)
    session_id: str = Field(
        foreign_key="auth_sessions.id", max_length=32, index=True, ondelete="CASCADE"
    )
    token_hash: str = Field(max_length=64, unique=True, index=True)
    expires_at: datetime
    used_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class LoginAttempt(SQLModel, table=True):
    __tablename__ = "login_attempts"

    id: int | None = Field(default=None, primary_key=True)
    account_key: str = Field(max_length=254, index=True)
    address: str = Field(default="", max_length=64, index=True)
    succeeded: bool = False
    created_at: datetime = Field(default_factory=utcnow, index=True)
