import pytest

from mathkallos import routes


def test_login_then_keeps_the_destination():
    assert routes.login_then("/admin/users") == "/login?next=%2Fadmin%2Fusers"


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("/profile", "/profile"),
        ("/courses?topic=algebra", "/courses?topic=algebra"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_only_local_paths_are_followed_after_login(candidate, expected):
    assert routes.safe_next(candidate) == expected


def test_staff_review_and_attempt_builders():
    assert routes.teach_review() == routes.TEACH_REVIEW == "/teach/review"
    assert routes.teach_review(7) == "/teach/review?course=7"
    assert routes.teach_attempt(12) == "/teach/attempts/12"
