"""Each calendar filter narrows the event list (dialog.selectors.events.event_list)."""

import datetime

from django.utils import timezone

from dialog.factories import EventPageFactory
from dialog.forms import CalendarFilterForm
from dialog.selectors.events import event_list
from tests.utils import in_days


def titles_for(query):
    form = CalendarFilterForm(query)
    assert form.is_valid(), form.errors
    return {event.title for event in event_list(filters=form.cleaned_data)}


def test_without_filters_every_upcoming_event_is_listed(calendar_events):
    assert titles_for({}) == {
        "Roter Stammtisch",
        "Basiskonferenz Ost",
        "Themenrat Mieten online",
        "Fahrradtour Tempelhof",
    }


def test_past_events_are_not_listed(calendar_events):
    assert "Vergangenes Treffen" not in titles_for({})


def test_events_are_listed_soonest_first(calendar_events):
    events = list(event_list())

    assert [event.title for event in events] == [
        "Roter Stammtisch",
        "Basiskonferenz Ost",
        "Themenrat Mieten online",
        "Fahrradtour Tempelhof",
    ]


def test_event_running_today_is_still_listed(event_index):
    EventPageFactory(
        parent=event_index,
        title="Aktionstag",
        start=timezone.now() - datetime.timedelta(hours=1),
        end=timezone.now() + datetime.timedelta(hours=1),
    )

    assert titles_for({}) == {"Aktionstag"}


def test_unpublished_events_are_not_listed(event_index):
    event = EventPageFactory(parent=event_index, title="Entwurf")
    event.unpublish()

    assert titles_for({}) == set()


def test_kind_filter_keeps_only_that_kind(calendar_events):
    assert titles_for({"kind": ["stammtisch"]}) == {"Roter Stammtisch"}


def test_kind_filter_accepts_several_kinds(calendar_events):
    assert titles_for({"kind": ["base_conference", "thematic_council"]}) == {
        "Basiskonferenz Ost",
        "Themenrat Mieten online",
    }


def test_district_filter_matches_the_venue_district(calendar_events):
    assert titles_for({"district": "friedrichshain-kreuzberg"}) == {"Roter Stammtisch"}


def test_district_filter_matches_the_organising_district(calendar_events):
    assert titles_for({"district": "marzahn-hellersdorf"}) == {"Basiskonferenz Ost"}


def test_topic_filter_keeps_events_about_that_topic(calendar_events):
    assert titles_for({"topic": "mieten-wohnen"}) == {"Themenrat Mieten online"}


def test_young_filter_keeps_events_for_members_under_35(calendar_events):
    assert titles_for({"young": "on"}) == {"Themenrat Mieten online"}


def test_format_filter_keeps_online_events(calendar_events):
    assert titles_for({"event_format": "online"}) == {"Themenrat Mieten online"}


def test_format_filter_keeps_hybrid_events(calendar_events):
    assert titles_for({"event_format": "hybrid"}) == {"Fahrradtour Tempelhof"}


def test_step_free_filter_keeps_step_free_venues_and_online_events(calendar_events):
    assert titles_for({"step_free": "on"}) == {
        "Basiskonferenz Ost",
        "Themenrat Mieten online",
    }


def test_childcare_filter_keeps_events_with_childcare(calendar_events):
    assert titles_for({"childcare": "on"}) == {"Basiskonferenz Ost"}


def test_child_friendly_filter_keeps_child_friendly_venues(calendar_events):
    assert titles_for({"child_friendly": "on"}) == {"Basiskonferenz Ost"}


def test_date_range_keeps_events_inside_it(calendar_events):
    day = in_days(10).date()

    assert titles_for({"date_from": day.isoformat(), "date_to": day.isoformat()}) == {
        "Basiskonferenz Ost"
    }


def test_date_from_alone_drops_earlier_events(calendar_events):
    day = in_days(15).date()

    assert titles_for({"date_from": day.isoformat()}) == {
        "Themenrat Mieten online",
        "Fahrradtour Tempelhof",
    }


def test_date_to_alone_drops_later_events(calendar_events):
    day = in_days(5).date()

    assert titles_for({"date_to": day.isoformat()}) == {"Roter Stammtisch"}


def test_filters_combine(calendar_events):
    assert titles_for({"step_free": "on", "kind": ["thematic_council"]}) == {
        "Themenrat Mieten online"
    }


def test_filter_form_rejects_end_date_before_start_date(db):
    form = CalendarFilterForm({"date_from": "2026-05-10", "date_to": "2026-05-01"})

    assert not form.is_valid()
    assert "date_to" in form.errors


def test_filter_form_rejects_unknown_kind(db):
    assert not CalendarFilterForm({"kind": ["rave"]}).is_valid()


def test_filter_form_rejects_unknown_district(district):
    assert not CalendarFilterForm({"district": "atlantis"}).is_valid()


def test_filter_form_rejects_unknown_topic(topic):
    assert not CalendarFilterForm({"topic": "astrologie"}).is_valid()


def test_filter_form_rejects_impossible_dates(db):
    assert not CalendarFilterForm({"date_from": "2026-02-30"}).is_valid()
