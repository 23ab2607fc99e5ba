"""Every table of the app; importing this package registers them all on SQLModel.metadata."""

from mathkallos.models.users import AuthSession, LoginAttempt, RefreshToken, Role, User, UserPublic

__all__ = ["AuthSession", "LoginAttempt", "RefreshToken", "Role", "User", "UserPublic"]
