"""The accounts API as a mobile app would use it, on both databases."""

from mathkallos.models.users import Role
from tests.integration.conftest import PASSWORD


def test_register_login_me_and_logout(client):
    created = client.post("/api/v1/auth/register", json={
        "email": "lev@example.com", "username": "lev", "full_name": "Lev Pontryagin",
        "password": "Topology1908"})
    assert created.status_code == 201
    assert "password_hash" not in created.json()
    tokens = client.post("/api/v1/auth/login",
                         json={"login": "LEV@example.com", "password": "Topology1908"}).json()
    assert tokens["token_type"] == "bearer"
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.get("/api/v1/users/me", headers=auth).json()["full_name"] == "Lev Pontryagin"
    assert client.post("/api/v1/auth/logout", headers=auth).status_code == 204
    assert client.get("/api/v1/users/me", headers=auth).status_code == 401


def test_bad_registration_is_422_with_a_message_per_field(client):
    response = client.post("/api/v1/auth/register", json={
        "email": "nope", "username": "x", "password": "short"})
    assert response.status_code == 422
    fields = response.json()["fields"]
    assert fields["email"] == "Enter a valid email address."
    assert set(fields) == {"email", "username", "password"}


def test_messages_follow_accept_language(client):
    response = client.post("/api/v1/auth/login", json={"login": "ghost", "password": "x1"},
                           headers={"Accept-Language": "ru-RU"})
    assert response.status_code == 422
    assert response.json()["message"] == "Неверный email, имя пользователя или пароль."


def test_throttled_login_answers_429_with_retry_after(client, headers_for):
    headers_for(Role.STUDENT)  # creates student1
    for _ in range(5):
        assert client.post("/api/v1/auth/login",
                           json={"login": "student1", "password": "Wrong-123"}).status_code == 422
    response = client.post("/api/v1/auth/login", json={"login": "student1", "password": PASSWORD})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) == 15 * 60
    assert response.json()["error"] == "auth.too_many_attempts"


def test_refresh_rotates_and_reuse_is_refused(client, headers_for):
    headers_for(Role.STUDENT)
    first = client.post("/api/v1/auth/login",
                        json={"login": "student1", "password": PASSWORD}).json()
    second = client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    reused = client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reused.status_code == 401


def test_profile_password_export_and_delete(client, headers_for):
    auth = headers_for(Role.STUDENT)
    patched = client.patch("/api/v1/users/me", headers=auth, json={
        "full_name": "New Name", "username": "renamed", "language": "ru", "theme": "dark",
        "timezone": "Asia/Novosibirsk"})
    assert patched.status_code == 200
    assert patched.json()["preferences"]["timezone"] == "Asia/Novosibirsk"
    wrong = client.post("/api/v1/users/me/password", headers=auth,
                        json={"current_password": "nope-123", "new_password": "Another-1234"})
    assert wrong.status_code == 422
    changed = client.post("/api/v1/users/me/password", headers=auth,
                          json={"current_password": PASSWORD, "new_password": "Another-1234"})
    assert changed.status_code == 204
    exported = client.get("/api/v1/users/me/export", headers=auth).json()
    assert exported["profile"]["username"] == "renamed"
    deleted = client.request("DELETE", "/api/v1/users/me", headers=auth,
                             json={"password": "Another-1234"})
    assert deleted.status_code == 204
    assert client.post("/api/v1/auth/login", json={
        "login": "renamed", "password": "Another-1234"}).status_code == 422


def test_admin_manages_users_through_the_api(client, headers_for):
    admin = headers_for(Role.ADMIN)
    created = client.post("/api/v1/admin/users", headers=admin, json={
        "email": "t@example.com", "username": "teach", "password": "Teaching2026",
        "role": "teacher"})
    assert created.status_code == 201
    user_id = created.json()["id"]
    listed = client.get("/api/v1/admin/users", headers=admin, params={"role": "teacher"}).json()
    assert [u["username"] for u in listed["items"]] == ["teach"]
    off = client.patch(f"/api/v1/admin/users/{user_id}", headers=admin, json={"is_active": False})
    assert off.json()["is_active"] is False
    assert client.post("/api/v1/auth/login", json={
        "login": "teach", "password": "Teaching2026"}).status_code == 403
