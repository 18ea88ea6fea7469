"""Shared fixtures: a site with the usual sections, members and non-members."""

import os

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.models import GroupPagePermission
from wagtail.test.utils import WagtailPageTestCase

from core.services import members_group_get
from dialog.factories import EventIndexPageFactory
from education.factories import CourseIndexPageFactory
from home.factories import DistrictIndexPageFactory, DistrictPageFactory, site_with_home
from news.factories import DecisionBriefingPageFactory, NewsIndexPageFactory
from news.models import DecisionBriefingPage
from news.services import briefing_audience_sync

PASSWORD = "ein-sicheres-passwort-42"

# The fuzz tests (test_fuzz_*.py) share the test's database transaction and
# fixtures across examples; no example database is written into the checkout.
# The default profile is derandomized: `make test` and CI run the same examples
# every time, so a red run is reproducible and a green one stays green. New
# inputs are explored with HYPOTHESIS_PROFILE=thorough (random, twenty times as
# many examples); each bug it finds gets a regression test with that input.
_FUZZ_SETTINGS = dict(
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
hypothesis_settings.register_profile(
    "portal", max_examples=50, derandomize=True, **_FUZZ_SETTINGS
)
hypothesis_settings.register_profile("thorough", max_examples=1000, **_FUZZ_SETTINGS)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "portal"))


@pytest.fixture
def page_rules():
    """Wagtail's page assertions (assertCanCreateAt …) for pytest functions."""
    return WagtailPageTestCase()


@pytest.fixture
def home_page(db):
    return site_with_home()


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def course_index(home_page):
    return CourseIndexPageFactory(parent=home_page)


@pytest.fixture
def district_index(home_page):
    return DistrictIndexPageFactory(parent=home_page)


@pytest.fixture
def district(district_index):
    return DistrictPageFactory(
        parent=district_index,
        title="Friedrichshain-Kreuzberg",
        slug="friedrichshain-kreuzberg",
    )


@pytest.fixture
def other_district(district_index):
    return DistrictPageFactory(
        parent=district_index,
        title="Marzahn-Hellersdorf",
        slug="marzahn-hellersdorf",
        area="outer",
    )


@pytest.fixture
def members_group(db):
    return members_group_get()


@pytest.fixture
def make_user(db):
    def make(username, *, groups=(), **extra):
        user = get_user_model().objects.create_user(
            username=username,
            password=PASSWORD,
            email=f"{username}@example.org",
            **extra,
        )
        user.groups.add(*groups)
        return user

    return make


@pytest.fixture
def member_user(make_user, members_group):
    return make_user("rosa", groups=[members_group])


@pytest.fixture
def non_member_user(make_user):
    return make_user("gast")


@pytest.fixture
def superuser(make_user):
    return make_user("admin", is_superuser=True, is_staff=True)


def talking_point(point, explanation=""):
    return {
        "type": "talking_point",
        "value": {"point": point, "explanation": explanation},
    }


@pytest.fixture
def public_briefing(news_index):
    return DecisionBriefingPageFactory(
        parent=news_index,
        title="Haushalt 2027: Kürzungen bei der Jugendhilfe",
        slug="haushalt-2027",
        summary="Das Abgeordnetenhaus beschließt den Doppelhaushalt.",
        at_stake="<p>Zwanzig Jugendclubs müssten schließen.</p>",
        talking_points=[
            talking_point(
                "Ein Mietenstopp schützt Familien vor Verdrängung.",
                "Seit 2015 sind die Angebotsmieten um 80 Prozent gestiegen.",
            ),
            talking_point("Jugendclubs sind keine Luxusausgabe."),
        ],
    )


@pytest.fixture
def members_briefing(news_index, members_group):
    page = DecisionBriefingPageFactory(
        parent=news_index,
        title="Vertraulich: Koalitionsoptionen im Bezirk",
        slug="koalitionsoptionen",
        audience=DecisionBriefingPage.Audience.MEMBERS,
        summary="Der Landesausschuss berät über Sondierungen.",
        talking_points=[talking_point("Sondierungsgeheimnis Zwiebelturm gilt.")],
    )
    briefing_audience_sync(page=page)
    return page


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (Wagtail caches site root paths there)."""
    from django.core.cache import cache

    cache.clear()


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes several seconds (builds the demo)")


def pytest_terminal_summary(terminalreporter):
    """How many requests the fuzz tests sent, and how many answered 5xx."""
    from tests.fuzz import SENT, SERVER_ERRORS

    if not SENT:
        return
    terminalreporter.section("fuzz requests")
    for name, count in sorted(SENT.items()):
        terminalreporter.write_line(
            f"{name:<28} {count:>6} sent, {SERVER_ERRORS[name]} x 5xx"
        )
    terminalreporter.write_line(
        f"{'total':<28} {sum(SENT.values()):>6} sent, "
        f"{sum(SERVER_ERRORS.values())} x 5xx"
    )


def _editor_group(name, page):
    """An admin group that may add, change and publish pages below ``page``."""
    # The state office group exists from the roles migration.
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    return group


@pytest.fixture
def district_editor(make_user, district):
    """Edits the pages of the Friedrichshain-Kreuzberg district only."""
    group = _editor_group("Bezirksredaktion Friedrichshain-Kreuzberg", district)
    return make_user("bezirk-fk", groups=[group])


@pytest.fixture
def state_office_user(make_user, home_page):
    """Staff of the state office: edits every page of the site."""
    group = _editor_group("Landesgeschäftsstelle", home_page)
    return make_user("landesbuero", groups=[group])


@pytest.fixture(autouse=True)
def german_by_default():
    """Each test starts in German: a request to /ar/ leaves Arabic active in the
    thread (LocaleMiddleware does not reset it), and ``reverse()`` would then
    build /ar/ URLs in the next test of the same worker."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
