"""The catalog, course page and reader as visitors, students and teachers see them."""

import pytest

from mathkallos.services import content
from mathkallos.services.errors import InvalidInput, NotAuthenticated, NotFound, PermissionDenied
from tests.integration.services.content.factories import make_course


@pytest.fixture
def catalog(session, teacher, other_teacher):
    make_course(
        session, teacher, "Inequalities", topics=["inequalities", "algebra"], level="regional"
    )
    make_course(
        session, teacher, "Number theory", topics=["number theory"], level="national", price=500
    )
    make_course(session, other_teacher, "Analysis", topics=["calculus"], level="international")
    make_course(session, teacher, "Geometry draft", topics=["geometry"], published=False)
    make_course(session, other_teacher, "Other draft", published=False)


def _titles(page):
    return [card.title for card in page.items]


def test_visitors_and_students_see_only_published_courses(session, catalog, student):
    for actor in (None, student):
        page = content.list_courses(session=session, actor=actor, sort="title")
        assert _titles(page) == ["Analysis", "Inequalities", "Number theory"]
        assert page.total == 3


def test_teachers_also_see_their_own_drafts_and_admins_see_everything(
    session, catalog, teacher, admin
):
    assert "Geometry draft" in _titles(content.list_courses(session=session, actor=teacher))
    assert "Other draft" not in _titles(content.list_courses(session=session, actor=teacher))
    assert content.list_courses(session=session, actor=admin).total == 5


def test_filters_by_topic_level_and_price(session, catalog):
    def titles(**filters):
        return _titles(content.list_courses(session=session, actor=None, **filters))

    assert titles(topic="algebra") == ["Inequalities"]
    assert titles(topic="number theory") == ["Number theory"]
    assert titles(topic="number") == []
    assert titles(level="international") == ["Analysis"]
    assert titles(price="paid") == ["Number theory"]
    assert sorted(titles(price="free")) == ["Analysis", "Inequalities"]
    with pytest.raises(InvalidInput):
        titles(level="galactic")


def test_sorts_and_pages(session, catalog):
    by_level = content.list_courses(session=session, actor=None, sort="level")
    assert _titles(by_level) == ["Inequalities", "Number theory", "Analysis"]
    newest = content.list_courses(session=session, actor=None)
    assert _titles(newest) == ["Analysis", "Number theory", "Inequalities"]
    second = content.list_courses(session=session, actor=None, sort="title", page=2, per_page=2)
    assert _titles(second) == ["Number theory"]
    assert (second.total, second.pages) == (3, 2)


def test_course_page_lists_sections_and_only_published_tests(session, teacher, student):
    course = make_course(session, teacher, "Inequalities", sections=3)
    problem = content.create_problem(
        session=session,
        actor=teacher,
        statement="2+2?",
        kind="numeric",
        answer_key="4",
        status="published",
        course_id=course.id,
    )
    shown = content.create_test(session=session, actor=teacher, course_id=course.id, title="Quiz")
    content.create_test(session=session, actor=teacher, course_id=course.id, title="Hidden")
    content.set_test_problems(
        session=session, actor=teacher, test_id=shown.id, items=[(problem.id, 2)]
    )
    content.set_test_published(session=session, actor=teacher, test_id=shown.id, published=True)
    page = content.get_course(session=session, actor=student, slug=course.slug)
    assert [s.slug for s in page.sections] == ["part-1", "part-2", "part-3"]
    assert [(t.title, t.problem_count, t.total_points) for t in page.tests] == [("Quiz", 1, 2)]
    assert not page.can_edit
    assert len(content.get_course(session=session, actor=teacher, slug=course.slug).tests) == 2


def test_drafts_read_as_not_found(session, teacher, student):
    draft = make_course(session, teacher, "Secret", published=False)
    with pytest.raises(NotFound):
        content.get_course(session=session, actor=student, slug=draft.slug)
    with pytest.raises(NotFound):
        content.get_section(
            session=session, actor=None, course_slug=draft.slug, section_slug="part-1"
        )


def test_a_draft_opens_by_its_address_for_its_author_and_admins_only(
    session, teacher, other_teacher, student, admin
):
    draft = make_course(session, teacher, "Secret", published=False)
    for reader in (teacher, admin):
        assert content.get_course(session=session, actor=reader, slug=draft.slug).title == "Secret"
    for outsider in (other_teacher, student, None):
        with pytest.raises(NotFound):
            content.get_course(session=session, actor=outsider, slug=draft.slug)


def test_reader_links_neighbours_and_reading_moves_progress(session, teacher, student):
    course = make_course(session, teacher, "Inequalities", sections=3)
    middle = content.get_section(
        session=session, actor=student, course_slug=course.slug, section_slug="part-2"
    )
    assert (middle.prev_slug, middle.next_slug, middle.is_read) == ("part-1", "part-3", False)
    assert "$x^2$" in middle.content
    first = content.get_section(
        session=session, actor=None, course_slug=course.slug, section_slug="part-1"
    )
    assert first.prev_slug is None
    for _ in range(2):  # marking twice counts once
        percent = content.mark_section_read(
            session=session, actor=student, course_slug=course.slug, section_slug="part-2"
        )
    assert percent == 33
    content.mark_section_read(
        session=session, actor=student, course_slug=course.slug, section_slug="part-1"
    )
    page = content.get_course(session=session, actor=student, slug=course.slug)
    assert page.progress_percent == 67
    assert [s.is_read for s in page.sections] == [True, True, False]
    with pytest.raises(NotAuthenticated):
        content.mark_section_read(
            session=session, actor=None, course_slug=course.slug, section_slug="part-1"
        )


def test_enrolment_is_idempotent_and_paid_courses_stay_closed(session, teacher, student):
    free = make_course(session, teacher, "Free course")
    paid = make_course(session, teacher, "Paid course", price=900)
    assert content.enroll(session=session, actor=student, course_slug=free.slug) is True
    assert content.enroll(session=session, actor=student, course_slug=free.slug) is False
    assert content.get_course(session=session, actor=student, slug=free.slug).is_enrolled
    assert [c.slug for c in content.my_courses(session=session, actor=student)] == [free.slug]
    with pytest.raises(PermissionDenied):
        content.enroll(session=session, actor=student, course_slug=paid.slug)
    with pytest.raises(PermissionDenied):
        content.get_section(
            session=session, actor=student, course_slug=paid.slug, section_slug="part-1"
        )
    assert (
        content.get_section(
            session=session, actor=teacher, course_slug=paid.slug, section_slug="part-1"
        ).title
        == "Part 1"
    )
