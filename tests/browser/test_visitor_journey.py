"""Journey (a): a visitor finds a child-friendly thematic council, registers as a
guest with childcare, confirms by mail and downloads the .ics – also at phone
width (e), in Arabic right to left (f) and with the keyboard only (g)."""

import pytest

from tests.browser.visitor import Steps, visitor_events

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_registers_a_child_for_a_thematic_council_and_gets_the_ics(journey):
    calendar, council = visitor_events()

    Steps(journey).run(calendar, council)


@pytest.mark.browser_context_args(
    viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True
)
def test_visitor_journey_works_on_a_375_px_phone_without_sideways_scrolling(journey):
    calendar, council = visitor_events()
    steps = Steps(journey)

    steps.run(calendar, council)

    for path in (calendar.url, council.url):
        journey.goto(path)
        width = journey.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width}px wide"


def test_visitor_journey_works_in_arabic_right_to_left(journey):
    calendar, council = visitor_events()

    Steps(journey, language="ar").run(calendar, council)

    journey.goto(f"/ar{calendar.url}")
    html = journey.page.locator("html")
    assert html.get_attribute("dir") == "rtl"
    box = journey.page.locator(".site-logo").bounding_box()
    assert box["x"] > 1280 / 2, "the logo starts on the right in Arabic"


def test_visitor_journey_works_with_the_keyboard_only(journey):
    calendar, council = visitor_events()
    journey.goto(calendar.url)
    journey.page.keyboard.press("Tab")
    skip_link = journey.page.locator(":focus")
    assert skip_link.get_attribute("href") == "#main"
    assert skip_link.is_visible(), "the skip link shows when it has the focus"
    journey.screenshot("skip link")

    Steps(journey, keyboard=True).run(calendar, council)
