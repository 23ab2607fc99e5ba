"""The runner's state: one attempt, one problem on screen, the student's drafts.

Everything the browser receives comes from the attempts services' student records, so an
answer key or a solution reaches the client only once the rules allow it (DESIGN invariant 1).
Time on a problem is measured here, on the server, from when it was shown; the service caps it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import reflex as rx

from mathkallos import i18n
from mathkallos.components.formatting import attempt_title
from mathkallos.services import attempts, grading
from mathkallos.services.attempts.dto import (
    AttemptProblem,
    AttemptView,
    ResultView,
    SavedAnswer,
    SolutionView,
)
from mathkallos.services.errors import AttemptClosed, DomainError
from mathkallos.services.grading.feedback import localized
from mathkallos.state import AppState

STEP_SEPARATORS = ("\n", ";")
FORMULA_KINDS = ("numeric", "symbolic", "set", "tuple", "matrix", "interval", "equation", "complex")


def step_lines(text: str) -> list[str]:
    """The steps of a step-by-step answer as the checker splits them."""
    for separator in STEP_SEPARATORS[1:]:
        text = text.replace(separator, STEP_SEPARATORS[0])
    return [line.strip() for line in text.split(STEP_SEPARATORS[0]) if line.strip()]


class RunnerState(AppState):
    attempt: AttemptView | None = None
    result: ResultView | None = None
    error: str = ""
    index: int = 0
    drafts: dict[str, str] = {}
    preview_lines: list[str] = []
    preview_error: str = ""
    preview_hints: list[str] = []
    solutions: dict[str, SolutionView] = {}
    # Exam autosave receipts live apart from `attempt`: a save then re-sends a few bytes, not
    # every problem's statement (it matters when a whole year group saves at once).
    saved_answers: dict[str, str] = {}
    seconds_left: int = 0
    save_note: str = ""
    save_failed: bool = False
    busy: bool = False
    timer_stamp: int = 0
    _opened_at: float = 0.0
    _handed_over: int = 0

    # ---- what the page shows -------------------------------------------------------------

    @rx.var
    def current(self) -> AttemptProblem | None:
        if self.attempt is None or not self.attempt.problems:
            return None
        return self.attempt.problems[min(self.index, len(self.attempt.problems) - 1)]

    @rx.var
    def title(self) -> str:
        """The test's title, or "Practice: <topic>" for the practice of a topic."""
        shown = self.attempt or self.result
        if shown is None:
            return ""
        return attempt_title(shown.test.title if shown.test else "", shown.topic, self.lang)

    @rx.var
    def current_key(self) -> str:
        current = self.current
        return str(current.problem.id) if current else ""

    @rx.var
    def draft(self) -> str:
        return self.drafts.get(self.current_key, "")

    @rx.var
    def solution(self) -> SolutionView | None:
        return self.solutions.get(self.current_key)

    @rx.var
    def is_exam(self) -> bool:
        return self.attempt is not None and self.attempt.mode == "exam"

    @rx.var
    def problem_count(self) -> int:
        return len(self.attempt.problems) if self.attempt else 0

    @rx.var
    def position_label(self) -> str:
        return i18n.translate(
            "runner.position", self.lang, number=self.index + 1, total=self.problem_count
        )

    @rx.var
    def unanswered_count(self) -> int:
        """`_show` gives every problem of the attempt a draft, so the drafts are counted: this
        runs on every keystroke's save, and walking the attempt wraps each element in a proxy."""
        if self.attempt is None:
            return 0
        return sum(1 for answer in self.drafts.values() if not answer)

    @rx.var
    def selected_options(self) -> list[str]:
        return [label.strip() for label in self.draft.split(",") if label.strip()]

    @rx.var
    def hints_left(self) -> int:
        current = self.current
        return current.problem.hint_count - current.state.hints_used if current else 0

    # ---- loading ---------------------------------------------------------------------------

    def _show(self, view: AttemptView) -> None:
        problems = [self._localized(item) for item in view.problems]
        drafts = {str(p.problem.id): p.state.answer for p in view.problems}
        self.attempt = replace(view, problems=problems)
        self._assign(result=None)
        self.drafts = drafts
        self.saved_answers = {key: answer for key, answer in drafts.items() if answer}
        self.seconds_left = view.seconds_left or 0
        self.timer_stamp += 1

    def _localized(self, item: AttemptProblem) -> AttemptProblem:
        verdict = item.state.verdict
        if verdict is None:  # an exam's, or not checked yet
            return item
        text = localized(verdict.code, verdict.params, verdict.feedback, self.lang)
        return replace(item, state=replace(item.state, verdict=replace(verdict, feedback=text)))

    def _show_result(self, result: ResultView) -> None:
        problems = [
            replace(
                p, feedback=localized(p.feedback_code, p.feedback_params, p.feedback, self.lang)
            )
            for p in result.problems
        ]
        self.result, self.attempt = replace(result, problems=problems), None

    async def _load_result(self, attempt_id: int) -> None:
        self._show_result(await self.run_signed_in(attempts.get_result, attempt_id=attempt_id))

    def _attempt_id(self) -> int:
        raw = self.route_arg("attempt_id")
        return int(raw) if raw.isdigit() else 0

    def _clear(self) -> None:
        self._assign(
            attempt=None,
            result=None,
            error="",
            index=0,
            solutions={},
            save_note="",
            save_failed=False,
        )

    def hand_over(self, view: AttemptView) -> None:
        """The attempt the course page has just started or resumed, shown before the redirect
        to the runner, so that the load which follows need not read it again (a whole class
        starts an exam at once). Only the very next load may use it."""
        self._clear()
        if view.is_open:
            self._show(view)
            self._focus_problem(self._first_unfinished(view))
            self._handed_over = view.id

    @rx.event
    async def load(self):  # noqa: ANN201 - an event spec or None
        """The page's on_load. A handed-over attempt was started by the signed-in student a
        moment ago: nothing to read or check again (the student may already be at work on it,
        the page renders before this load). Otherwise sign-in first, then the attempt."""
        handed_over, self._handed_over = self._handed_over, 0
        shown = self.attempt is not None and self.attempt.id == self._attempt_id()
        if shown and handed_over == self._attempt_id():
            return None
        # A reload shows this tab's last state until this load ends: the student stays on the
        # problem in hand (an answer typed meanwhile belongs to it), else the first unfinished.
        in_hand = self.index if shown else None
        self._clear()
        redirect = await self.require_login()
        if redirect is not None:
            return redirect
        try:
            view = await self.run_quick(attempts.get_attempt, attempt_id=self._attempt_id())
            if view.is_open:
                self._show(view)
                self._focus_problem(self._first_unfinished(view) if in_hand is None else in_hand)
            else:
                await self._load_result(view.id)
        except DomainError as error:
            self.error = self.message(error)

    @staticmethod
    def _first_unfinished(view: AttemptView) -> int:
        for position, item in enumerate(view.problems):
            if not item.state.answer or (item.state.verdict and not item.state.verdict.correct):
                return position
        return 0

    async def _reload(self) -> None:
        if self.attempt is None:
            return
        view = await self.run_quick(attempts.get_attempt, attempt_id=self.attempt.id)
        if not view.is_open:
            await self._load_result(view.id)
            return
        drafts = dict(self.drafts)
        self._show(view)
        self.drafts = {**self.drafts, **{k: v for k, v in drafts.items() if v}}

    # ---- moving between problems ---------------------------------------------------------

    def _focus_problem(self, index: int) -> None:
        self.index = max(0, min(index, self.problem_count - 1))
        self._opened_at = time.time()
        self._preview(self.draft)

    def _time_spent(self) -> int:
        spent = int(time.time() - self._opened_at) if self._opened_at else 0
        self._opened_at = time.time()
        return spent

    @rx.event
    async def go(self, index: int):  # noqa: ANN201 - event specs
        if self.is_exam:
            await self._autosave()
        self._focus_problem(index)
        return rx.set_focus("answer-input") if self.current else None

    # ---- typing ----------------------------------------------------------------------------

    def _preview(self, text: str) -> None:
        lines, error, hints = self._understood(text)
        # Only what changed is assigned: every assignment is re-sent, on every keystroke.
        self._assign(preview_lines=lines, preview_error=error, preview_hints=hints)

    def _understood(self, text: str) -> tuple[list[str], str, list[str]]:
        """The "you entered" lines, the first syntax error and the hints for `text`."""
        lines: list[str] = []
        hints: list[str] = []
        current = self.current
        if current is None or not text.strip():
            return lines, "", hints
        kind = current.problem.kind
        if kind not in (*FORMULA_KINDS, "steps"):
            return lines, "", hints
        parts = step_lines(text) if kind == "steps" else [text]
        for number, line in enumerate(parts, start=1):
            preview = grading.preview(line)
            if preview.problem is not None:
                where = i18n.translate("runner.step_n", self.lang, n=number) + " "
                error = (where if kind == "steps" else "") + preview.error_in(self.lang)
                return [], error, list(preview.hints_in(self.lang))
            lines.append(preview.latex)
            hints.extend(h for h in preview.hints_in(self.lang) if h not in hints)
        return lines, "", hints

    @rx.event
    async def set_draft(self, text: str) -> None:
        if self.current is None:
            return
        self.drafts = {**self.drafts, self.current_key: text}
        self._preview(text)
        if self.is_exam:
            await self._autosave()

    @rx.event
    async def toggle_option(self, label: str) -> None:
        """Multiple choice: tick or untick one option (answers are stored as "A, C")."""
        chosen = self.selected_options
        chosen = [c for c in chosen if c != label] if label in chosen else [*chosen, label]
        await self.set_draft(", ".join(sorted(chosen)))

    @rx.event
    async def insert(self, snippet: str) -> None:
        await self.set_draft(self.draft + snippet)

    # ---- exam ------------------------------------------------------------------------------

    async def _autosave(self) -> None:
        current, attempt = self.current, self.attempt
        if current is None or attempt is None or not attempt.is_open:
            return
        text = self.draft
        if text == self.saved_answers.get(self.current_key, ""):
            return
        if not text.strip():
            self.save_note = i18n.translate("runner.empty_not_saved", self.lang)
            self.save_failed = True
            return
        try:
            saved: SavedAnswer = await self.run_quick(
                attempts.save_exam_answer,
                attempt_id=attempt.id,
                problem_id=current.problem.id,
                answer=text,
                time_spent_seconds=self._time_spent(),
            )
        except AttemptClosed as error:
            self.save_note, self.save_failed = self.message(error), True
            await self._load_result(attempt.id)
            return
        except DomainError as error:
            self.save_note, self.save_failed = self.message(error), True
            return
        self._remember_saved(saved)

    def _remember_saved(self, saved: SavedAnswer) -> None:
        """Record the receipt and re-anchor the countdown on the server's clock."""
        self.saved_answers = {**self.saved_answers, str(saved.problem_id): saved.answer}
        self.seconds_left = saved.seconds_left or 0
        self.timer_stamp += 1
        self._assign(save_note=i18n.translate("runner.saved", self.lang), save_failed=False)

    @rx.event
    async def submit(self):  # noqa: ANN201 - event specs
        """Finish the attempt (exam submit or the end of a practice run) and show the result."""
        if self.attempt is None:
            return None
        if self.is_exam:
            await self._autosave()
        attempt_id = self.attempt.id
        try:
            self._show_result(
                await self.run_signed_in(attempts.submit_attempt, attempt_id=attempt_id)
            )
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return rx.call_script("window.scrollTo(0, 0)")

    @rx.event
    async def time_up(self) -> None:
        """The countdown reached zero: the server decides (it may grant the last seconds)."""
        try:
            await self._reload()
        except DomainError as error:
            self.error = self.message(error)

    @rx.event
    async def proctor(self, kind: str, detail: str = "") -> None:
        if self.attempt is None or not self.is_exam:
            return
        try:
            await self.run_quick(
                attempts.record_proctoring_event,
                attempt_id=self.attempt.id,
                kind=kind,
                detail=detail,
            )
        except AttemptClosed:
            await self._reload()
        except DomainError:
            return

    @rx.event
    async def visibility(self, hidden: bool) -> None:
        await self.proctor("tab_hidden" if hidden else "tab_visible")

    @rx.event
    async def fullscreen(self, active: bool) -> None:
        await self.proctor("fullscreen_enter" if active else "fullscreen_exit")

    # ---- practice --------------------------------------------------------------------------

    @rx.event
    async def check(self):  # noqa: ANN201 - event specs
        current, attempt = self.current, self.attempt
        if current is None or attempt is None or self.busy:
            return None
        self.busy = True
        try:
            await self.run_signed_in(
                attempts.submit_practice_answer,
                attempt_id=attempt.id,
                problem_id=current.problem.id,
                answer=self.draft,
                time_spent_seconds=self._time_spent(),
            )
            await self._reload()
        except DomainError as error:
            return rx.toast.error(self.message(error))
        finally:
            self.busy = False
        return None

    async def _practice_call(self, service: Callable[..., object]) -> None:
        current, attempt = self.current, self.attempt
        if current is None or attempt is None:
            return
        outcome = await self.run_signed_in(
            service, attempt_id=attempt.id, problem_id=current.problem.id
        )
        if isinstance(outcome, SolutionView):
            self.solutions = {**self.solutions, str(outcome.problem_id): outcome}
        await self._reload()

    @rx.event
    async def hint(self):  # noqa: ANN201 - event specs
        try:
            await self._practice_call(attempts.reveal_hint)
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return None

    @rx.event
    async def show_solution(self):  # noqa: ANN201 - event specs
        try:
            await self._practice_call(attempts.reveal_solution)
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return None

    @rx.event
    async def give_up(self):  # noqa: ANN201 - event specs
        try:
            await self._practice_call(attempts.give_up)
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return None
