"""Where news pages may be created."""

import pytest

from dialog.models import EventPage
from home.models import DistrictPage, HomePage, StandardPage
from news.models import DecisionBriefingPage, NewsArticlePage, NewsIndexPage


def test_news_index_lives_below_the_home_page(page_rules):
    page_rules.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})


def test_news_index_holds_articles_and_briefings(page_rules):
    page_rules.assertAllowedSubpageTypes(
        NewsIndexPage, {NewsArticlePage, DecisionBriefingPage}
    )


def test_news_index_cannot_hold_events(page_rules):
    page_rules.assertCanNotCreateAt(NewsIndexPage, EventPage)


@pytest.mark.parametrize("model", [NewsArticlePage, DecisionBriefingPage])
def test_news_can_be_created_in_the_news_index_or_a_district(page_rules, model):
    page_rules.assertAllowedParentPageTypes(model, {NewsIndexPage, DistrictPage})


@pytest.mark.parametrize("model", [NewsArticlePage, DecisionBriefingPage])
def test_news_pages_are_leaves(page_rules, model):
    page_rules.assertAllowedSubpageTypes(model, set())


@pytest.mark.parametrize("parent", [HomePage, StandardPage])
def test_briefing_cannot_be_created_outside_news_and_districts(page_rules, parent):
    page_rules.assertCanNotCreateAt(parent, DecisionBriefingPage)
