"""KPI rows in "download my data"; every row cascades away with the user (ON DELETE CASCADE)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from mathkallos.models.kpi import DailyMetric, ReadingLog, TopicStat, UserAchievement, UserProgress
from mathkallos.services import personal_data


def export_kpis(session: Session, user_id: int) -> dict[str, Any]:
    progress = session.get(UserProgress, user_id)
    return {
        "progress": progress.model_dump(mode="json") if progress else None,
        "daily_metrics": [
            {"date": m.metric_date.isoformat(), "type": m.metric_type, "value": m.value}
            for m in session.exec(
                select(DailyMetric)
                .where(col(DailyMetric.user_id) == user_id)
                .order_by(col(DailyMetric.metric_date), col(DailyMetric.metric_type))
            ).all()
        ],
        "topics": [
            t.model_dump(mode="json", exclude={"id", "user_id", "recent"})
            for t in session.exec(
                select(TopicStat)
                .where(col(TopicStat.user_id) == user_id)
                .order_by(col(TopicStat.topic))
            ).all()
        ],
        "achievements": [
            {"code": a.code, "awarded_at": a.awarded_at.isoformat()}
            for a in session.exec(
                select(UserAchievement)
                .where(col(UserAchievement.user_id) == user_id)
                .order_by(col(UserAchievement.awarded_at), col(UserAchievement.code))
            ).all()
        ],
        "reading_log": [
            {"section_id": r.section_id, "at": r.at.isoformat(), "seconds": r.seconds}
            for r in session.exec(
                select(ReadingLog)
                .where(col(ReadingLog.user_id) == user_id)
                .order_by(col(ReadingLog.at))
            ).all()
        ],
    }


personal_data.register("kpi", export_kpis)
