"""The test runner: practice with instant checking (a test, or a set picked from a topic of a
course), timed exams checked only at submit, the expiry sweeper, teacher review of proofs,
attempt lists and in-app notifications.

Pages and the API call these functions with keyword arguments `(*, session, actor, ...)`; they
return the DTOs in `dto` and raise the domain errors of `mathkallos.services.errors`
(`AttemptClosed` after the deadline or submit). Importing the package registers the attempts
with "download my data".
"""

from mathkallos.services.attempts import personal as _personal  # noqa: F401 - registers export
from mathkallos.services.attempts.exam import give_answer, save_exam_answer, start_exam
from mathkallos.services.attempts.history import attempt_detail, list_attempts, my_attempts
from mathkallos.services.attempts.lifecycle import (
    exam_in_progress,
    get_attempt,
    get_result,
    record_proctoring_event,
    start_test,
    submit_attempt,
)
from mathkallos.services.attempts.notifications import (
    list_notifications,
    mark_notifications_read,
    unread_count,
)
from mathkallos.services.attempts.practice import (
    give_up,
    reveal_hint,
    reveal_solution,
    start_practice,
    submit_practice_answer,
)
from mathkallos.services.attempts.review import grade_answer, review_queue
from mathkallos.services.attempts.sweeper import run_sweeper_forever, sweep_expired
from mathkallos.services.attempts.topics import start_topic_practice, topic_choices

__all__ = [
    "attempt_detail",
    "exam_in_progress",
    "get_attempt",
    "get_result",
    "give_answer",
    "give_up",
    "grade_answer",
    "list_attempts",
    "list_notifications",
    "mark_notifications_read",
    "my_attempts",
    "record_proctoring_event",
    "reveal_hint",
    "reveal_solution",
    "review_queue",
    "run_sweeper_forever",
    "save_exam_answer",
    "start_exam",
    "start_practice",
    "start_test",
    "start_topic_practice",
    "submit_attempt",
    "submit_practice_answer",
    "sweep_expired",
    "topic_choices",
    "unread_count",
]
