"""Where home's page types may be created (Wagtail's parent/subpage rules)."""

import pytest
from wagtail.models import Page

from dialog.models import EventIndexPage, EventPage, ForumPage, WorkingGroupPage
from education.models import CourseIndexPage, CoursePage
from home.models import (
    DistrictDataPage,
    DistrictIndexPage,
    DistrictPage,
    HomePage,
    StandardPage,
)
from news.models import DecisionBriefingPage, NewsArticlePage, NewsIndexPage
from tracker.models import CoalitionAgreementPage


def test_home_page_is_created_only_at_the_tree_root(page_rules):
    page_rules.assertAllowedParentPageTypes(HomePage, {Page})


def test_home_page_offers_the_site_sections(page_rules):
    page_rules.assertAllowedSubpageTypes(
        HomePage,
        {
            Page,
            StandardPage,
            DistrictIndexPage,
            DistrictDataPage,
            NewsIndexPage,
            EventIndexPage,
            CourseIndexPage,
            WorkingGroupPage,
            ForumPage,
            CoalitionAgreementPage,
        },
    )


@pytest.mark.parametrize(
    "child",
    [
        NewsArticlePage,
        DecisionBriefingPage,
        EventPage,
        CoursePage,
        DistrictPage,
        HomePage,
    ],
)
def test_detail_pages_cannot_be_created_directly_below_the_home_page(page_rules, child):
    page_rules.assertCanNotCreateAt(HomePage, child)


def test_home_page_exists_once_per_parent(home_page):
    assert not HomePage.can_create_at(home_page.get_parent())


def test_standard_page_can_be_created_below_home_district_and_standard_pages(
    page_rules,
):
    page_rules.assertAllowedParentPageTypes(
        StandardPage, {Page, HomePage, StandardPage, DistrictPage}
    )


def test_standard_page_may_hold_standard_working_group_and_forum_pages(page_rules):
    page_rules.assertAllowedSubpageTypes(
        StandardPage, {Page, StandardPage, WorkingGroupPage, ForumPage}
    )


@pytest.mark.parametrize(
    "parent", [NewsIndexPage, EventIndexPage, CourseIndexPage, DistrictIndexPage]
)
def test_standard_page_cannot_be_created_inside_a_listing_section(page_rules, parent):
    page_rules.assertCanNotCreateAt(parent, StandardPage)


def test_district_index_lives_below_the_home_page(page_rules):
    page_rules.assertAllowedParentPageTypes(DistrictIndexPage, {HomePage})


def test_district_index_holds_only_district_pages(page_rules):
    page_rules.assertAllowedSubpageTypes(
        DistrictIndexPage, {DistrictPage, DistrictDataPage}
    )


def test_district_index_exists_once_per_home_page(district_index, home_page):
    assert not DistrictIndexPage.can_create_at(home_page)


def test_district_page_lives_only_in_the_district_index(page_rules):
    page_rules.assertAllowedParentPageTypes(DistrictPage, {DistrictIndexPage})


def test_district_page_holds_the_districts_own_content(page_rules):
    page_rules.assertAllowedSubpageTypes(
        DistrictPage,
        {
            Page,
            StandardPage,
            NewsArticlePage,
            DecisionBriefingPage,
            EventPage,
            WorkingGroupPage,
            ForumPage,
        },
    )


def test_plain_wagtail_page_is_never_offered_to_editors(home_page):
    assert Page not in home_page.specific_class.creatable_subpage_models()
