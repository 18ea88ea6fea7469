"""Where calendar, event, working-group and forum pages may be created."""

import pytest

from dialog.models import EventIndexPage, EventPage, ForumPage, WorkingGroupPage
from home.models import DistrictIndexPage, DistrictPage, HomePage, StandardPage
from news.models import NewsIndexPage


def test_calendar_lives_below_the_home_page(page_rules):
    page_rules.assertAllowedParentPageTypes(EventIndexPage, {HomePage})


def test_calendar_holds_only_events(page_rules):
    page_rules.assertAllowedSubpageTypes(EventIndexPage, {EventPage})


def test_event_can_be_created_in_the_calendar_or_a_district(page_rules):
    page_rules.assertAllowedParentPageTypes(EventPage, {EventIndexPage, DistrictPage})


def test_event_is_a_leaf(page_rules):
    page_rules.assertAllowedSubpageTypes(EventPage, set())


@pytest.mark.parametrize("parent", [NewsIndexPage, StandardPage, DistrictIndexPage])
def test_event_cannot_be_created_outside_calendar_and_districts(page_rules, parent):
    page_rules.assertCanNotCreateAt(parent, EventPage)


@pytest.mark.parametrize("model", [WorkingGroupPage, ForumPage])
def test_group_and_forum_pages_sit_below_home_standard_or_district_pages(
    page_rules, model
):
    page_rules.assertAllowedParentPageTypes(
        model, {HomePage, StandardPage, DistrictPage}
    )


@pytest.mark.parametrize("model", [WorkingGroupPage, ForumPage])
def test_group_and_forum_pages_are_leaves(page_rules, model):
    page_rules.assertAllowedSubpageTypes(model, set())


@pytest.mark.parametrize("model", [WorkingGroupPage, ForumPage])
def test_group_and_forum_pages_cannot_be_created_in_the_calendar(page_rules, model):
    page_rules.assertCanNotCreateAt(EventIndexPage, model)
