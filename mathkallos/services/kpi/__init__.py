"""KPIs: per-user daily metrics, topic mastery, XP, streaks and achievements kept by listeners
on domain events (`listeners`), rebuilt from raw facts on demand (`rebuild_kpis`), and read by
the student dashboard and the teacher/admin reports. Importing the package registers the KPI
rows with "download my data"."""

from mathkallos.services.kpi import personal as _personal  # noqa: F401 - registers export
from mathkallos.services.kpi.achievements import ACHIEVEMENTS, AchievementDefinition
from mathkallos.services.kpi.dashboard import student_dashboard
from mathkallos.services.kpi.rebuild import rebuild_kpis
from mathkallos.services.kpi.reports import course_report, course_report_csv, school_report

__all__ = [
    "ACHIEVEMENTS",
    "AchievementDefinition",
    "course_report",
    "course_report_csv",
    "rebuild_kpis",
    "school_report",
    "student_dashboard",
]
