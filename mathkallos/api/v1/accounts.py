"""`/api/v1/auth`, `/api/v1/users/me` and `/api/v1/admin/users`: accounts for apps and LMSs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request, Response
from pydantic import BaseModel, Field

from mathkallos.api.v1.deps import ActorDep, SessionDep, SessionIdDep
from mathkallos.models.users import UserPublic
from mathkallos.services import accounts, user_admin
from mathkallos.services.auth import sessions

router = APIRouter(prefix="/api/v1", tags=["accounts"])


class RegisterRequest(BaseModel):
    email: str = Field(max_length=254)
    username: str = Field(max_length=40)
    full_name: str = Field(default="", max_length=120)
    password: str = Field(max_length=128)


class LoginRequest(BaseModel):
    login: str = Field(max_length=254)
    password: str = Field(max_length=128)


class RefreshRequest(BaseModel):
    refresh_token: str = Field(max_length=200)


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 scheme name, not a secret
    user: UserPublic


class ProfileUpdate(BaseModel):
    full_name: str = Field(max_length=120)
    username: str = Field(max_length=40)
    language: str = ""
    theme: str = "system"
    timezone: str = "UTC"


class PasswordChange(BaseModel):
    current_password: str = Field(max_length=128)
    new_password: str = Field(max_length=128)


class NewUser(RegisterRequest):
    role: str = "student"


class UserChange(BaseModel):
    role: str | None = None
    is_active: bool | None = None


def _tokens(signed: sessions.SignedIn) -> TokenResponse:
    return TokenResponse(
        access_token=signed.access_token, refresh_token=signed.refresh_token, user=signed.user
    )


@router.post("/auth/register", status_code=201)
def register(body: RegisterRequest, session: SessionDep) -> UserPublic:
    return accounts.register(session=session, **body.model_dump())


@router.post("/auth/login")
def login(body: LoginRequest, request: Request, session: SessionDep) -> TokenResponse:
    signed = sessions.login(
        session=session,
        login=body.login,
        password=body.password,
        address=request.client.host if request.client else "",
        user_agent=request.headers.get("user-agent", ""),
    )
    return _tokens(signed)


@router.post("/auth/refresh")
def refresh(body: RefreshRequest, session: SessionDep) -> TokenResponse:
    return _tokens(sessions.refresh(session=session, refresh_token=body.refresh_token))


@router.post("/auth/logout", status_code=204)
def logout(session: SessionDep, actor: ActorDep, session_id: SessionIdDep) -> Response:
    sessions.logout(session=session, session_id=session_id)
    return Response(status_code=204)


@router.get("/users/me")
def me(session: SessionDep, actor: ActorDep) -> UserPublic:
    return accounts.get_profile(session=session, actor=actor)


@router.patch("/users/me")
def update_me(body: ProfileUpdate, session: SessionDep, actor: ActorDep) -> UserPublic:
    return accounts.update_profile(session=session, actor=actor, **body.model_dump())


@router.post("/users/me/password", status_code=204)
def change_password(
    body: PasswordChange, session: SessionDep, actor: ActorDep, session_id: SessionIdDep
) -> Response:
    accounts.change_password(
        session=session, actor=actor, keep_session_id=session_id, **body.model_dump()
    )
    return Response(status_code=204)


@router.get("/users/me/export")
def export_me(session: SessionDep, actor: ActorDep) -> dict[str, Any]:
    return accounts.export_my_data(session=session, actor=actor)


@router.delete("/users/me", status_code=204)
def delete_me(
    session: SessionDep, actor: ActorDep, password: Annotated[str, Body(embed=True)]
) -> Response:
    accounts.delete_account(session=session, actor=actor, password=password)
    return Response(status_code=204)


@router.get("/admin/users")
def list_users(
    session: SessionDep,
    actor: ActorDep,
    search: Annotated[str, Query(max_length=100)] = "",
    role: str = "",
    status: str = "",
    page: Annotated[int, Query(ge=1)] = 1,
) -> dict[str, Any]:
    result = user_admin.list_users(
        session=session, actor=actor, search=search, role=role, status=status, page=page
    )
    return {
        "items": [u.model_dump(mode="json") for u in result.items],
        "total": result.total,
        "page": result.page,
        "pages": result.pages,
    }


@router.post("/admin/users", status_code=201)
def create_user(body: NewUser, session: SessionDep, actor: ActorDep) -> UserPublic:
    return user_admin.create_user(session=session, actor=actor, **body.model_dump())


@router.patch("/admin/users/{user_id}")
def change_user(user_id: int, body: UserChange, session: SessionDep, actor: ActorDep) -> UserPublic:
    user = None
    if body.role is not None:
        user = user_admin.set_role(session=session, actor=actor, user_id=user_id, role=body.role)
    if body.is_active is not None:
        user = user_admin.set_active(
            session=session, actor=actor, user_id=user_id, active=body.is_active
        )
    return user or accounts.get_profile(session=session, actor=actor)
