"""The admin's user management on both databases."""

import pytest

from mathkallos.models.users import Role
from mathkallos.services import user_admin
from mathkallos.services.auth import sessions
from mathkallos.services.errors import Conflict, NotAuthenticated, PermissionDenied
from tests.integration.conftest import PASSWORD


def test_search_filter_and_paging(session, make_user):
    admin = make_user(Role.ADMIN)
    for _ in range(25):
        make_user(Role.STUDENT)
    make_user(Role.TEACHER, name="teacher_galois")
    first = user_admin.list_users(session=session, actor=admin, role="student", page_size=10)
    assert (first.total, first.pages, len(first.items)) == (25, 3, 10)
    last = user_admin.list_users(session=session, actor=admin, role="student", page=3, page_size=10)
    assert len(last.items) == 5
    assert {u.id for u in first.items}.isdisjoint({u.id for u in last.items})
    found = user_admin.list_users(session=session, actor=admin, search="GALOIS")
    assert [u.username for u in found.items] == ["teacher_galois"]


def test_only_admins_manage_users(session, make_user):
    teacher = make_user(Role.TEACHER)
    student = make_user(Role.STUDENT)
    with pytest.raises(PermissionDenied):
        user_admin.list_users(session=session, actor=teacher)
    with pytest.raises(PermissionDenied):
        user_admin.set_role(session=session, actor=student, user_id=student.id, role="admin")
    with pytest.raises(NotAuthenticated):
        user_admin.list_users(session=session, actor=None)


def test_admin_creates_a_teacher_who_can_log_in(session, make_user):
    admin = make_user(Role.ADMIN)
    created = user_admin.create_user(
        session=session,
        actor=admin,
        email="t@example.com",
        username="newteacher",
        full_name="New Teacher",
        password="Teaching2026",
        role="teacher",
    )
    assert created.role == Role.TEACHER
    assert sessions.login(session=session, login="newteacher", password="Teaching2026")


def test_deactivation_stops_sessions_at_once_and_reactivation_restores_login(session, make_user):
    admin = make_user(Role.ADMIN)
    student = make_user(Role.STUDENT, name="ramanujan")
    signed = sessions.login(session=session, login="ramanujan", password=PASSWORD)
    user_admin.set_active(session=session, actor=admin, user_id=student.id, active=False)
    session.commit()
    with pytest.raises(NotAuthenticated):
        sessions.current_user(session=session, access_token=signed.access_token)
    with pytest.raises(sessions.PermissionDenied):
        sessions.login(session=session, login="ramanujan", password=PASSWORD)
    user_admin.set_active(session=session, actor=admin, user_id=student.id, active=True)
    assert sessions.login(session=session, login="ramanujan", password=PASSWORD)


def test_role_change_signs_the_user_out_so_no_token_keeps_the_old_role(session, make_user):
    admin = make_user(Role.ADMIN)
    student = make_user(Role.STUDENT, name="promoted")
    signed = sessions.login(session=session, login="promoted", password=PASSWORD)
    user_admin.set_role(session=session, actor=admin, user_id=student.id, role="teacher")
    session.commit()
    with pytest.raises(NotAuthenticated):
        sessions.current_user(session=session, access_token=signed.access_token)


def test_the_last_admin_cannot_be_demoted_or_deactivated(session, make_user):
    admin = make_user(Role.ADMIN)
    with pytest.raises(Conflict):
        user_admin.set_role(session=session, actor=admin, user_id=admin.id, role="student")
    with pytest.raises(Conflict):
        user_admin.set_active(session=session, actor=admin, user_id=admin.id, active=False)


def test_ensure_admin_is_idempotent(session):
    first = user_admin.ensure_admin(
        session=session, email="root@example.com", password="Bourbaki1935"
    )
    second = user_admin.ensure_admin(
        session=session, email="ROOT@example.com", password="Bourbaki1935"
    )
    assert first.created
    assert not second.created
    assert first.user.id == second.user.id
    assert second.user.role == Role.ADMIN
