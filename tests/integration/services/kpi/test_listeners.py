"""Listeners keep the KPI rows in the publisher's transaction (figures on a known history)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import col, select

from mathkallos.models.kpi import (
    AnswerFact,
    DailyMetric,
    ProblemStat,
    ReadingLog,
    TopicStat,
    UserAchievement,
    UserProgress,
)
from mathkallos.services.kpi import rebuild_kpis
from tests.integration.services.kpi import history as h


def _t(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _daily(session, user_id):
    return {
        (m.metric_date, m.metric_type): m.value
        for m in session.exec(select(DailyMetric).where(col(DailyMetric.user_id) == user_id))
    }


def test_practice_answers_across_local_midnight(session, make_user, content):
    student = make_user()
    h.set_timezone(session, student.id, "America/Los_Angeles")
    algebra0, algebra1 = content.problems[0], content.problems[1]
    attempt = h.start_attempt(session, student.id, content.practice, _t("2026-03-02T07:30:00"))
    answers = {row.problem_id: row for row in h.rows(session, attempt)}
    h.practice_try(session, attempt, answers[algebra0.id], at=_t("2026-03-02T07:50:00"),
                   correct=True, seconds=120)
    h.practice_try(session, attempt, answers[algebra1.id], at=_t("2026-03-02T08:10:00"),
                   correct=False, seconds=90, hints=1)
    h.practice_try(session, attempt, answers[algebra1.id], at=_t("2026-03-02T08:12:00"),
                   correct=True, seconds=30, hints=1)
    session.commit()

    mar1, mar2 = date(2026, 3, 1), date(2026, 3, 2)  # 07:50Z is 23:50 in Los Angeles
    assert _daily(session, student.id) == {
        (mar1, "answers"): 1, (mar1, "correct_answers"): 1, (mar1, "score_points"): 1,
        (mar1, "max_points"): 1, (mar1, "time_spent_seconds"): 120, (mar1, "xp"): 4,
        # the retried answer counts once, with both tries' time, on the day of its last try
        (mar2, "answers"): 1, (mar2, "correct_answers"): 1, (mar2, "score_points"): 1,
        (mar2, "max_points"): 1, (mar2, "time_spent_seconds"): 120, (mar2, "xp"): 10,
    }
    progress = session.get(UserProgress, student.id)
    assert (progress.answers, progress.correct_answers, progress.problems_solved) == (2, 2, 2)
    assert (progress.xp, progress.level, progress.time_spent_seconds) == (14, 1, 240)
    assert (progress.current_streak, progress.best_streak) == (2, 2)
    assert progress.last_active_date == mar2
    stat = session.get(ProblemStat, algebra1.id)
    assert (stat.attempts, stat.correct, stat.total_time_seconds, stat.hint_uses) == (1, 1, 120, 1)
    topic = session.exec(select(TopicStat).where(col(TopicStat.topic) == "algebra")).one()
    assert (topic.attempts, topic.correct, topic.recent_correct, topic.mastered) == (2, 2, 2, False)
    awarded = session.exec(select(UserAchievement).where(
        col(UserAchievement.user_id) == student.id)).all()
    assert [(a.code, a.awarded_at) for a in awarded] == [("first_solve", _t("2026-03-02T07:50"))]


def test_exam_close_review_and_reading(session, make_user, content):
    student = make_user()
    h.set_timezone(session, student.id, "Pacific/Auckland")
    attempt = h.start_attempt(session, student.id, content.exam, _t("2026-04-04T10:00:00"))
    answers = h.rows(session, attempt)
    for row in answers[:5]:
        h.save_exam_answer(row, at=_t("2026-04-04T10:10:00"), correct=row.position != 2,
                           seconds=100)
    proof = answers[5]
    h.save_exam_answer(proof, at=_t("2026-04-04T10:20:00"), correct=True, seconds=700)
    h.close(session, attempt, at=_t("2026-04-04T10:30:00"))  # 23:30 in Auckland (NZDT)
    progress = session.get(UserProgress, student.id)
    # the proof awaits review: five answers graded, one wrong
    assert (progress.answers, progress.correct_answers, progress.exams_taken) == (5, 4, 1)
    assert progress.xp == 4 + 0 + 16 + 4 + 10 + 50
    h.review(session, attempt, proof, score=2.0, at=_t("2026-04-06T09:00:00"))
    h.read_section(session, student.id, content.sections[0], at=_t("2026-04-04T11:00:00"),
                   seconds=5_000)
    h.read_section(session, student.id, content.sections[0], at=_t("2026-04-04T12:00:00"),
                   seconds=60)
    session.commit()

    progress = session.get(UserProgress, student.id)
    assert (progress.answers, progress.correct_answers, progress.problems_solved) == (6, 5, 5)
    assert (progress.score_points, progress.max_points) == (6.0, 7.0)
    # reading is capped at 10 minutes per stint; the section's second read earns no XP
    assert progress.time_spent_seconds == 5 * 100 + 700 + 600 + 60
    assert progress.xp == 4 + 16 + 4 + 10 + 16 + 50 + 5
    assert progress.sections_read == 1
    apr4, apr5 = date(2026, 4, 4), date(2026, 4, 5)  # NZ summer time ends on 5 April
    daily = _daily(session, student.id)
    assert daily[(apr4, "answers")] == 6  # the reviewed proof stays on the exam's day
    assert daily[(apr4, "tests_taken")] == 1
    assert daily[(apr5, "sections_read")] == 2  # 11:00Z is past midnight in Auckland
    assert daily[(apr5, "time_spent_seconds")] == 660
    assert (progress.current_streak, progress.best_streak) == (2, 2)
    codes = set(session.exec(select(UserAchievement.code).where(
        col(UserAchievement.user_id) == student.id)).all())
    assert codes == {"first_solve", "first_exam"}
    assert len(session.exec(select(ReadingLog)).all()) == 2
    assert session.get(AnswerFact, proof.id).score == 2.0


def test_topic_mastery_needs_eight_of_the_last_ten(session, make_user, content):
    student = make_user()
    algebra0 = content.problems[0]
    topic = None
    for n, correct in enumerate([True] * 7 + [False, False, True, True]):
        at = _t(f"2026-05-01T{8 + n:02}:00")
        attempt = h.start_attempt(session, student.id, content.practice, at)
        row = next(r for r in h.rows(session, attempt) if r.problem_id == algebra0.id)
        h.practice_try(session, attempt, row, at=_t(f"2026-05-01T{8 + n:02}:05"), correct=correct)
        h.close(session, attempt, at=_t(f"2026-05-01T{8 + n:02}:06"))
        topic = session.exec(select(TopicStat).where(
            col(TopicStat.user_id) == student.id, col(TopicStat.topic) == "algebra")).one()
        # 7 right then wrong, wrong: never 8 of 10 until the 10th answer
        assert topic.mastered == (n >= 9), n
    assert (topic.attempts, topic.recent_correct, len(topic.recent)) == (11, 8, 10)
    progress = session.get(UserProgress, student.id)
    assert progress.problems_solved == 1  # one distinct problem, however often solved
    assert "topic_mastered" in set(session.exec(select(UserAchievement.code)).all())


def test_a_proof_answered_again_after_review_gives_its_place_back_to_an_older_answer(
    session, make_user, content
):
    student = make_user()
    geometry0, proof = content.problems[3], content.problems[5]
    for n in range(10):  # geometry: one wrong, then nine right, in ten practice runs
        attempt = h.start_attempt(session, student.id, content.practice, _t(f"2026-05-01T0{n}:00"))
        row = next(r for r in h.rows(session, attempt) if r.problem_id == geometry0.id)
        h.practice_try(session, attempt, row, at=_t(f"2026-05-01T0{n}:05"), correct=n > 0)
        h.close(session, attempt, at=_t(f"2026-05-01T0{n}:06"))
    attempt = h.start_attempt(session, student.id, content.practice, _t("2026-05-02T10:00"))
    row = next(r for r in h.rows(session, attempt) if r.problem_id == proof.id)
    h.practice_try(session, attempt, row, at=_t("2026-05-02T10:05"), correct=True)
    h.review(session, attempt, row, score=2.0, at=_t("2026-05-02T12:00"))
    topic = session.exec(select(TopicStat).where(col(TopicStat.topic) == "geometry")).one()
    assert (len(topic.recent), topic.recent_correct) == (10, 10)  # the wrong one left
    h.practice_try(session, attempt, row, at=_t("2026-05-02T13:00"), correct=True)
    session.commit()

    # the proof awaits review again and does not count; the window is the ten answers before
    session.refresh(topic)
    assert (topic.attempts, len(topic.recent), topic.recent_correct) == (10, 10, 9)
    before = h.snapshot(session)
    rebuild_kpis(session=session)
    session.commit()
    assert h.snapshot(session) == before
