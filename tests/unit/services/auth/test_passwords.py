import pytest

from mathkallos.services.auth.passwords import hash_password, password_problems, verify_password


def test_hash_is_argon2_and_verifies_only_the_right_password():
    hashed = hash_password("correct horse 42")
    assert hashed.startswith("$argon2")
    assert "correct horse" not in hashed
    assert verify_password("correct horse 42", hashed)
    assert not verify_password("correct horse 43", hashed)


def test_missing_account_and_garbage_hash_are_just_wrong():
    assert not verify_password("anything1", None)
    assert not verify_password("anything1", "not-a-hash")


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("ab1", "auth.password_too_short"),
        ("onlyletters", "auth.password_needs_letter_and_digit"),
        ("1234567890", "auth.password_needs_letter_and_digit"),
        ("password123", "auth.password_too_common"),
        ("olga2024x", "auth.password_too_common"),  # the username itself
        ("x1" * 70, "auth.password_too_long"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(password, problem):
    assert problem in password_problems(password, email="olga@example.com", username="olga2024x")


def test_a_reasonable_password_passes():
    assert password_problems("Noether1882", email="emmy@example.com", username="emmy") == []
