"""Phone first: at 375x667 the calendar's first result is on the first screen,
the header takes at most a fifth of it, and the folded filters say how many
are chosen – in German and in Arabic, with axe at 0 serious/critical."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from django.utils.translation import gettext

from dialog.factories import EventPageFactory
from tests.browser.visitor import visitor_events
from tests.utils import in_days

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREEN = {"width": 375, "height": 667}


@pytest.mark.browser_context_args(viewport=SCREEN, is_mobile=True, has_touch=True)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_first_result_is_on_the_first_phone_screen_and_filters_count(journey, language):
    calendar, _council = visitor_events()
    for day in range(3):
        EventPageFactory(
            parent=calendar, title=f"Stammtisch {day}", start=in_days(20 + day)
        )
    prefix = "" if language == "de" else f"/{language}"
    page = journey.page
    journey.goto(f"{prefix}{calendar.url}")
    journey.screenshot("calendar")

    first = page.locator(".calendar__results .event-list li").first
    assert first.bounding_box()["y"] < SCREEN["height"]
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= SCREEN["height"] / 5

    with translation.override(language):
        step_free = gettext("Step-free venue")
        show = gettext("Show events")
    toggle = page.locator(".filter-panel__toggle")
    assert "1" not in toggle.inner_text()
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.locator("[data-filter-panel]").evaluate("(panel) => panel.open")
    page.get_by_label(step_free, exact=True).check()
    assert "1" in toggle.inner_text()

    page.get_by_role("button", name=show).click()
    page.wait_for_url(re.compile(r"step_free=on"))
    journey.screenshot("filtered")
    assert "1" in page.locator(".filter-panel__toggle").inner_text()

    results = Axe().run(page)
    blocking = [
        f"{v['id']} ({v['impact']})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert blocking == []
