"""Where the education programme's pages may be created."""

import pytest

from dialog.models import EventIndexPage
from education.models import CourseIndexPage, CoursePage
from home.models import DistrictPage, HomePage, StandardPage


def test_course_index_lives_below_the_home_page(page_rules):
    page_rules.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})


def test_course_index_holds_only_courses(page_rules):
    page_rules.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})


def test_course_lives_only_in_the_course_index(page_rules):
    page_rules.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})


def test_course_is_a_leaf(page_rules):
    page_rules.assertAllowedSubpageTypes(CoursePage, set())


@pytest.mark.parametrize(
    "parent", [HomePage, StandardPage, DistrictPage, EventIndexPage]
)
def test_course_cannot_be_created_outside_the_course_index(page_rules, parent):
    page_rules.assertCanNotCreateAt(parent, CoursePage)
