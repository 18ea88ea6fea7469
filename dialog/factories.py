import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.factories import paragraph

from .models.calendar import EventIndexPage
from .models.events import EventPage
from .models.forums import ForumPage
from .models.schedules import EventFormat
from .models.venues import Venue
from .models.working_groups import WorkingGroupPage


class VenueFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Nachbarschaftshaus {n}")
    street = "Musterstraße 1"
    postcode = "10999"
    public_transport = "U1 Görlitzer Bahnhof"

    class Meta:
        model = Venue


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kalender"
    slug = "kalender"

    class Meta:
        model = EventIndexPage


def _in_days(days, hour=19):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    kind = EventPage.Kind.STAMMTISCH
    start = factory.LazyFunction(lambda: _in_days(7))
    end = factory.LazyAttribute(lambda obj: obj.start + datetime.timedelta(hours=2))
    teaser = "Kommt vorbei!"
    event_format = EventFormat.ONSITE
    venue = factory.SubFactory(VenueFactory)
    body = factory.LazyFunction(lambda: [paragraph("Das Programm des Abends.")])

    class Meta:
        model = EventPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"AG {n}")
    purpose = "<p>Wir kümmern uns um neue Mitglieder.</p>"
    rhythm = "jeden zweiten Dienstag, 19 Uhr"
    registration_mode = "none"
    # "Open to all" and "members only" exclude each other (model constraint).
    open_to_all = factory.LazyAttribute(
        lambda group: group.registration_mode != "members"
    )

    class Meta:
        model = WorkingGroupPage


class ForumPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Forum {n}")
    opening_statement = "<p>Wie erreichen wir Menschen am Stadtrand?</p>"

    class Meta:
        model = ForumPage
