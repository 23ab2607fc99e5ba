"""Answer checking for MathKallos: parse student math safely, grade it in bounded workers.

Public API (keep stable): ``check_answer`` (``check_answers`` for several at once),
``check_answer_async``, ``validate_key``, ``preview``, ``Verdict``, ``Preview``. See
docs/grading.md for key formats and settings.
"""

from .engine import check_answer_unbounded, clear_caches, preview, validate_key
from .errors import GradingError, MathSyntaxError
from .pool import check_answer, check_answer_async, check_answers, get_pool, shutdown_pool
from .settings import KINDS
from .verdict import Preview, Verdict

__all__ = [
    "KINDS",
    "GradingError",
    "MathSyntaxError",
    "Preview",
    "Verdict",
    "check_answer",
    "check_answer_async",
    "check_answer_unbounded",
    "check_answers",
    "clear_caches",
    "get_pool",
    "preview",
    "shutdown_pool",
    "validate_key",
]
