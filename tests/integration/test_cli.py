"""The operator's CLI on both databases: create-admin and all-or-nothing imports."""

from sqlmodel import Session, func, select

from mathkallos.cli import main
from mathkallos.models.content import Problem
from mathkallos.models.users import Role, User

GOOD_CSV = (
    "statement,kind,answer_key,difficulty,status\n"
    '"Compute $2+2$.",numeric,4,1,published\n'
    '"Solve $x^2=4$.",set,"{2,-2}",2,published\n'
)


def _problems(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Problem)).one()


def test_create_admin_is_idempotent_and_says_what_it_did(app_database, capsys):
    assert main(["create-admin", "--email", "ops@example.com", "--password", "Operat0r-pass"]) == 0
    assert "Created admin ops" in capsys.readouterr().out
    assert main(["create-admin", "--email", "ops@example.com", "--password", "Operat0r-pass"]) == 0
    assert "already existed" in capsys.readouterr().out
    with Session(app_database) as session:
        admins = session.exec(select(User).where(User.role == Role.ADMIN)).all()
    assert [a.email for a in admins] == ["ops@example.com"]


def test_create_admin_refuses_a_weak_password(app_database, capsys):
    assert main(["create-admin", "--email", "ops@example.com", "--password", "weak"]) == 2
    assert "at least 8 characters" in capsys.readouterr().err


def test_import_with_one_bad_row_changes_nothing_and_names_the_row(app_database, tmp_path,
                                                                    capsys):
    main(["create-admin", "--email", "ops@example.com", "--password", "Operat0r-pass"])
    bad = tmp_path / "bad.csv"
    bad.write_text(GOOD_CSV + '"Broken key.",symbolic,"x^^2",3,published\n')
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "nothing was saved" in err
    assert "row 4" in err
    assert _problems(app_database) == 0

    good = tmp_path / "good.csv"
    good.write_text(GOOD_CSV)
    assert main(["import", str(good)]) == 0
    assert "Imported 2 problems" in capsys.readouterr().out
    assert _problems(app_database) == 2


def test_import_without_any_admin_says_what_to_do(app_database, tmp_path, capsys):
    path = tmp_path / "p.csv"
    path.write_text(GOOD_CSV)
    assert main(["import", str(path)]) == 2
    assert "create-admin" in capsys.readouterr().err


def test_rebuild_kpis_recomputes_lost_figures_and_says_what_it_did(app_database, capsys):
    import random
    from datetime import UTC, datetime

    from sqlalchemy import delete

    from mathkallos.models.kpi import DailyMetric, UserProgress
    from tests.integration.services.kpi import history

    with Session(app_database, expire_on_commit=False) as session:
        teacher = User(email="t@example.com", username="t", password_hash="x", role=Role.TEACHER)
        student = User(email="s@example.com", username="s", password_hash="x")
        session.add_all([teacher, student])
        session.commit()
        content = history.make_content(session, teacher.id, ["algebra", "geometry"])
        history.generate(session, random.Random(1), [student], content, days=5,
                         start=datetime(2026, 3, 1, tzinfo=UTC))
        xp = session.get(UserProgress, student.id).xp
        metrics = session.exec(select(func.count()).select_from(DailyMetric)).one()
        session.execute(delete(DailyMetric))
        session.execute(delete(UserProgress))
        session.commit()

    assert main(["rebuild-kpis"]) == 0
    out = capsys.readouterr().out
    assert "Rebuilt the KPIs of every user: " in out
    assert f"replayed into {metrics} daily metric rows" in out
    with Session(app_database) as session:
        assert session.get(UserProgress, student.id).xp == xp
    assert main(["rebuild-kpis", "--user", str(student.id)]) == 0
    assert f"user(s) {student.id}: " in capsys.readouterr().out
