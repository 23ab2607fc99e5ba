"""What every `/api/v1` route depends on: a unit of work and the caller's identity."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header
from sqlmodel import Session

from mathkallos.db import session_scope
from mathkallos.services.access import Actor
from mathkallos.services.auth import sessions, tokens
from mathkallos.services.errors import NotAuthenticated


def get_session() -> Iterator[Session]:
    """One transaction per request: committed when the route returns, rolled back on error."""
    with session_scope() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def bearer_token(authorization: Annotated[str | None, Header()] = None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise NotAuthenticated("errors.login_required")
    return token


def current_actor(session: SessionDep, token: Annotated[str, Depends(bearer_token)]) -> Actor:
    user = sessions.current_user(session=session, access_token=token)
    return Actor(id=user.id, role=user.role)


def optional_actor(
    session: SessionDep, authorization: Annotated[str | None, Header()] = None
) -> Actor | None:
    """For public routes that show more to signed-in staff; a bad token is still refused."""
    if not authorization:
        return None
    return current_actor(session, bearer_token(authorization))


def current_session_id(token: Annotated[str, Depends(bearer_token)]) -> str:
    """The sign-in session the caller's token belongs to (checked live by current_actor)."""
    try:
        return tokens.decode_access_token(token).session_id
    except tokens.InvalidToken as error:
        raise NotAuthenticated("auth.session_expired") from error


ActorDep = Annotated[Actor, Depends(current_actor)]
SessionIdDep = Annotated[str, Depends(current_session_id)]
OptionalActorDep = Annotated[Actor | None, Depends(optional_actor)]
