"""The calendar's filters fold behind a toggle that counts the chosen ones."""

import re

from django.utils import translation


def toggle(response):
    html = response.content.decode()
    summary = re.search(
        r'<summary class="filter-panel__toggle"[^>]*>(.*?)</summary>', html, re.S
    )
    assert summary, "no filter toggle on the calendar"
    return summary.group(1).strip()


def test_without_filters_the_toggle_says_filters(client, calendar_events):
    response = client.get("/kalender/")

    assert response.status_code == 200
    assert toggle(response) == "Filter"


def test_the_toggle_counts_each_chosen_filter(client, calendar_events):
    response = client.get(
        "/kalender/?kind=party&kind=stammtisch&event_format=online&young=on"
        "&date_from=&topic="
    )

    assert response.status_code == 200
    assert toggle(response) == "Filter (4 aktiv)"


def test_the_toggle_counts_in_the_visitors_language(client, calendar_events):
    response = client.get("/ar/kalender/?step_free=on")

    with translation.override("ar"):
        assert toggle(response) == "مرشحات (1 نشطة)"


def test_filters_stay_folded_unless_they_have_errors(client, calendar_events):
    folded = client.get("/kalender/?young=on").content.decode()
    wrong = client.get("/kalender/?date_from=2026-05-02&date_to=2026-05-01")

    assert re.search(r"<details class=\"filter-panel\" data-filter-panel>", folded)
    assert wrong.status_code == 400
    assert (
        '<details class="filter-panel" data-filter-panel open>'
        in wrong.content.decode()
    )
