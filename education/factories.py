import datetime

import factory
import wagtail_factories
from django.utils import timezone

from dialog.factories import VenueFactory

from .models import CourseIndexPage, CoursePage, CourseSession


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Politische Bildung"
    slug = "bildung"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kurs {n}")
    teaser = "Grundlagen für neue Mitglieder."
    learning_goals = "<ul><li>Parteistrukturen kennen</li></ul>"

    class Meta:
        model = CoursePage


class CourseSessionFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Sitzung {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    end = factory.LazyAttribute(lambda obj: obj.start + datetime.timedelta(hours=2))
    venue = factory.SubFactory(VenueFactory)

    class Meta:
        model = CourseSession
