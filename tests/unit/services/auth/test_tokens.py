from datetime import timedelta

import jwt
import pytest

from mathkallos.models.base import utcnow
from mathkallos.services.auth import tokens
from mathkallos.settings import get_settings


def test_access_token_carries_sub_role_exp_and_session():
    token = tokens.issue_access_token(user_id=7, role="teacher", session_id="abc")
    raw = jwt.decode(token, get_settings().secret_key, algorithms=["HS256"])
    assert (raw["sub"], raw["role"], raw["sid"]) == ("7", "teacher", "abc")
    lifetime = raw["exp"] - raw["iat"]
    assert lifetime == get_settings().access_token_minutes * 60
    claims = tokens.decode_access_token(token)
    assert (claims.user_id, claims.role, claims.session_id) == (7, "teacher", "abc")


def test_access_token_expires():
    issued = utcnow() - timedelta(hours=1)
    token = tokens.issue_access_token(user_id=1, role="student", session_id="s", now=issued)
    with pytest.raises(tokens.InvalidToken, match="expired"):
        tokens.decode_access_token(token)
    assert tokens.decode_access_token(token, now=issued + timedelta(minutes=1)).user_id == 1


def test_forged_or_tampered_tokens_are_rejected():
    forged = jwt.encode(
        {"sub": "1", "role": "admin", "sid": "s", "exp": 4102444800, "typ": "access"},
        "another-key-of-a-decent-length-0123456789",
        algorithm="HS256",
    )
    with pytest.raises(tokens.InvalidToken):
        tokens.decode_access_token(forged)
    unsigned = jwt.encode(
        {"sub": "1", "role": "admin", "sid": "s", "exp": 4102444800}, None, algorithm="none"
    )
    with pytest.raises(tokens.InvalidToken):
        tokens.decode_access_token(unsigned)
    with pytest.raises(tokens.InvalidToken):
        tokens.decode_access_token("not.a.jwt")


def test_a_token_accepted_once_is_refused_after_the_secret_key_changes(monkeypatch):
    token = tokens.issue_access_token(user_id=3, role="student", session_id="s")
    assert tokens.decode_access_token(token).user_id == 3
    monkeypatch.setenv("SECRET_KEY", "a-rotated-key-of-a-decent-length-0123456789")
    get_settings.cache_clear()
    try:
        with pytest.raises(tokens.InvalidToken):
            tokens.decode_access_token(token)
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert tokens.decode_access_token(token).user_id == 3


def test_refresh_tokens_are_random_and_stored_as_digests():
    first, second = tokens.new_refresh_token(), tokens.new_refresh_token()
    assert first != second
    assert len(first) >= 40
    assert len(tokens.digest(first)) == 64
    assert tokens.digest(first) != first
