"""Every route of the app and the builders for routes with parameters.

Pages and components import these names; nobody writes a URL string inline.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

HOME = "/"
COURSES = "/courses"
COURSE = "/courses/[course_slug]"
SECTION = "/courses/[course_slug]/[section_slug]"
LOGIN = "/login"
REGISTER = "/register"
DASHBOARD = "/dashboard"
PROFILE = "/profile"
ADMIN_USERS = "/admin/users"
TEACH = "/teach"
TEACH_COURSE = "/teach/courses/[course_id]"
TEACH_PROBLEM = "/teach/problems/[problem_id]"
TEACH_IMPORT = "/teach/import"
TEACH_REVIEW = "/teach/review"
TEACH_ATTEMPTS = "/teach/attempts"
TEACH_ATTEMPT = "/teach/attempts/[attempt_id]"
NOTIFICATIONS = "/notifications"
ATTEMPT = "/attempts/[attempt_id]"
TEACH_REPORT = "/teach/reports/[course_id]"
ADMIN_REPORTS = "/admin/reports"
NEW = "new"
NOT_FOUND = "404"

HEALTH = "/health"
METRICS = "/metrics"
API_PREFIX = "/api/v1"


# Slugs are validated to [a-z0-9-], so they need no quoting; these builders also accept
# Reflex vars (an f-string over a var becomes a var), for links rendered per row.
def course(slug: Any) -> Any:
    return f"{COURSES}/{slug}"


def section(course_slug: Any, section_slug: Any) -> Any:
    return f"{COURSES}/{course_slug}/{section_slug}"


def teach_course(course_id: Any) -> Any:
    return f"/teach/courses/{course_id}"


def teach_problem(problem_id: Any, course_id: Any = None) -> Any:
    """The editor of a saved problem, or of a new one (`new`) in a course."""
    base = f"/teach/problems/{problem_id}"
    return base if course_id is None else f"{base}?course={course_id}"


def teach_report(course_id: Any) -> Any:
    return f"/teach/reports/{course_id}"


def attempt(attempt_id: Any) -> Any:
    """The runner of an open attempt, or the results of a finished one."""
    return f"/attempts/{attempt_id}"


def teach_review(course_id: Any = None) -> Any:
    """The review queue, for one course when `course_id` is given."""
    return TEACH_REVIEW if course_id is None else f"{TEACH_REVIEW}?course={course_id}"


def teach_attempt(attempt_id: Any) -> Any:
    """One attempt as its teacher sees it: answers, verdicts and proctoring events."""
    return f"{TEACH_ATTEMPTS}/{attempt_id}"


def login_then(next_path: str) -> str:
    """The login page that sends the user back to `next_path` afterwards."""
    return f"{LOGIN}?{urlencode({'next': next_path})}"


def safe_next(next_path: str | None) -> str:
    """Only same-site relative paths are followed after login (no open redirect)."""
    if not next_path or not next_path.startswith("/") or next_path.startswith("//"):
        return HOME
    return quote(next_path, safe="/?=&-_.~%")
