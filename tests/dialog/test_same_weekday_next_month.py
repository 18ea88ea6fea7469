"""Monthly meetings move to the same n-th weekday of the next month, same local time."""

import datetime
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from dialog.models import same_weekday_next_month

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def local(moment):
    return moment.astimezone(BERLIN)


def test_second_tuesday_becomes_second_tuesday_of_next_month():
    assert local(
        same_weekday_next_month(berlin(2026, 3, 10, 19))
    ).date() == datetime.date(2026, 4, 14)


def test_fifth_weekday_becomes_last_weekday_when_next_month_has_only_four():
    assert local(
        same_weekday_next_month(berlin(2026, 3, 31, 19))
    ).date() == datetime.date(2026, 4, 28)


def test_december_moves_to_january_of_the_next_year():
    assert local(
        same_weekday_next_month(berlin(2026, 12, 8, 19))
    ).date() == datetime.date(2027, 1, 12)


def test_start_of_summer_time_keeps_the_local_time():
    moved = local(same_weekday_next_month(berlin(2026, 3, 10, 19)))

    assert (moved.hour, moved.minute, moved.utcoffset()) == (
        19,
        0,
        datetime.timedelta(hours=2),
    )


def test_end_of_summer_time_keeps_the_local_time():
    moved = local(same_weekday_next_month(berlin(2026, 10, 13, 19, 30)))

    assert (moved.date(), moved.hour, moved.minute, moved.utcoffset()) == (
        datetime.date(2026, 11, 10),
        19,
        30,
        datetime.timedelta(hours=1),
    )


def test_utc_input_is_read_as_berlin_time():
    # 18:00 UTC on 10 March is 19:00 in Berlin.
    moment = datetime.datetime(2026, 3, 10, 18, tzinfo=datetime.UTC)

    moved = local(same_weekday_next_month(moment))

    assert (moved.date(), moved.hour) == (datetime.date(2026, 4, 14), 19)


meeting_times = (
    st.datetimes(
        min_value=datetime.datetime(2020, 1, 1),
        max_value=datetime.datetime(2040, 12, 31),
        timezones=st.just(BERLIN),
    )
    .filter(lambda moment: 6 <= moment.hour <= 23)
    .map(lambda moment: moment.replace(second=0, microsecond=0))
)


@given(meeting_times)
def test_next_month_is_always_the_same_weekday_four_or_five_weeks_later(moment):
    moved = local(same_weekday_next_month(moment))
    original = local(moment)

    assert moved.weekday() == original.weekday()
    assert moved > moment
    assert 28 <= (moved.date() - original.date()).days <= 35
    assert (moved.hour, moved.minute) == (original.hour, original.minute)


@given(meeting_times)
def test_next_month_is_always_the_following_calendar_month(moment):
    original = local(moment)
    moved = local(same_weekday_next_month(moment))

    assert (moved.year * 12 + moved.month) - (original.year * 12 + original.month) == 1
