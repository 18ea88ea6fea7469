"""Journey (a), the visitor's: shared by its mobile, Arabic and keyboard variants."""

import re
from urllib.parse import urlsplit

from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from dialog.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from dialog.models import EventPage
from home.factories import site_with_home
from registrations.models import Registration, RegistrationMode
from tests.utils import in_days

GUEST_EMAIL = "hanna@example.org"


def visitor_events():
    """A child-friendly thematic council and two events the filters must drop."""
    home = site_with_home()
    calendar = EventIndexPageFactory(parent=home)
    council = EventPageFactory(
        parent=calendar,
        title="Themenrat Mieten und Familien",
        slug="themenrat-mieten",
        kind=EventPage.Kind.THEMATIC_COUNCIL,
        start=in_days(12),
        registration_mode=RegistrationMode.OPEN,
        capacity=30,
        childcare_offered=True,
        venue=VenueFactory(
            name="Familienzentrum Wrangelkiez",
            child_friendly=True,
            changing_table=True,
            step_free=True,
        ),
    )
    EventPageFactory(
        parent=calendar,
        title="Themenrat Verkehr im Ratskeller",
        kind=EventPage.Kind.THEMATIC_COUNCIL,
        start=in_days(9),
        venue=VenueFactory(name="Ratskeller", child_friendly=False),
    )
    EventPageFactory(
        parent=calendar,
        title="Spielplatzfest",
        kind=EventPage.Kind.PARTY,
        start=in_days(5),
        venue=VenueFactory(name="Kinderbauernhof", child_friendly=True),
    )
    return calendar, council


class Steps:
    """The visitor's steps in one language, by mouse or by keyboard only."""

    def __init__(self, journey, *, language="de", keyboard=False):
        self.journey = journey
        self.page = journey.page
        self.language = language
        self.prefix = "" if language == "de" else f"/{language}"
        self.keyboard = keyboard

    def t(self, message):
        with translation.override(self.language):
            return gettext(message)

    # -- keyboard helpers --------------------------------------------------------

    def tab_to(self, locator, *, limit=120):
        """Press Tab until ``locator`` has the focus; its focus must be visible."""
        handle = locator.element_handle()
        for _press in range(limit):
            self.page.keyboard.press("Tab")
            if self.page.evaluate("(el) => document.activeElement === el", handle):
                assert self.page.evaluate(
                    """(el) => {
                        const s = getComputedStyle(el);
                        const outline = s.outlineStyle !== 'none'
                            && parseFloat(s.outlineWidth) > 0;
                        return outline || s.boxShadow !== 'none';
                    }""",
                    handle,
                ), "the focused element shows no focus indicator"
                return
        raise AssertionError(f"Tab never reached {locator}")

    def activate(self, locator, key="Enter"):
        if self.keyboard:
            self.tab_to(locator)
            self.page.keyboard.press(key)
        else:
            locator.click()

    def check(self, locator):
        if self.keyboard:
            self.tab_to(locator)
            self.page.keyboard.press("Space")
        else:
            locator.check()
        assert locator.is_checked()

    def fill(self, locator, value):
        if self.keyboard:
            self.tab_to(locator)
            self.page.keyboard.type(value)
        else:
            locator.fill(value)

    def select(self, locator, value):
        if self.keyboard:
            self.tab_to(locator)
            # A closed <select> takes the option's first letters when typed.
            self.page.keyboard.type(value)
        else:
            locator.select_option(value)
        assert locator.input_value() == value

    # -- the journey ---------------------------------------------------------------

    def run(self, calendar, council):
        page, journey, t = self.page, self.journey, self.t
        journey.goto(f"{self.prefix}{calendar.url}")
        assert page.locator("html").get_attribute("lang") == self.language
        journey.screenshot("calendar")

        # On a phone the filters are folded behind their toggle.
        if not page.locator("[data-filter-panel]").evaluate("(panel) => panel.open"):
            self.activate(page.locator(".filter-panel__toggle"))
        self.check(page.get_by_label(t("Thematic council"), exact=True))
        self.check(page.get_by_label(t("Child-friendly venue"), exact=True))
        self.activate(page.get_by_role("button", name=t("Show events")))
        page.wait_for_url(re.compile(r"child_friendly=on"))
        journey.screenshot("filtered")

        results = page.locator(".calendar__results")
        titles = results.locator(".card__title").all_inner_texts()
        assert titles == [council.title]
        self.activate(results.get_by_role("link", name=council.title))
        page.wait_for_url(re.compile(re.escape(council.slug)))
        assert page.get_by_role("heading", level=1).inner_text() == council.title
        venue_facts = page.locator("aside")
        assert venue_facts.get_by_text(t("child-friendly"), exact=True).is_visible()
        journey.screenshot("event")

        registration = page.locator("#anmeldung")
        self.activate(registration.get_by_role("link", name=t("Register")))
        page.wait_for_url(re.compile(r"/anmeldung/\d+/$"))
        form = page.locator("form.registration__form")
        self.fill(form.get_by_label(t("Your name")), "Hanna Beispiel")
        self.fill(form.get_by_label(t("Your email address")), GUEST_EMAIL)
        self.fill(form.get_by_label(t("Organisation or initiative")), "Kiezmütter")
        self.select(form.get_by_label(t("Children who need care")), "1")
        age = form.get_by_label(t("Age of child %(number)s") % {"number": 1})
        self.fill(age, "2")
        assert form.get_by_label(
            t("Age of child %(number)s") % {"number": 2}
        ).is_hidden(), "only as many age fields as children"
        self.check(form.locator("input[name=consent]"))
        journey.screenshot("registration form")
        self.activate(form.get_by_role("button", name=t("Register")))
        page.wait_for_url(re.compile(r"/danke/"))
        journey.screenshot("check your mail")

        registration = Registration.objects.get(page=council)
        assert registration.email == GUEST_EMAIL
        assert registration.children_ages == [2]
        assert registration.status == Registration.Status.UNCONFIRMED

        assert [m.to for m in mail.outbox] == [[GUEST_EMAIL]]
        link = re.search(r"https?://\S+/bestaetigen/\S+", mail.outbox[0].body).group(0)
        journey.goto(urlsplit(link).path)
        journey.screenshot("confirm link")
        self.activate(page.get_by_role("button", name=t("Confirm registration")))
        page.wait_for_load_state()
        journey.screenshot("confirmed")
        registration.refresh_from_db()
        assert registration.status == Registration.Status.CONFIRMED

        journey.goto(f"{self.prefix}{council.url}")
        ics_link = page.get_by_role("link", name=t("Add to my calendar (.ics)"))
        with page.expect_download() as download_info:
            self.activate(ics_link)
        download = download_info.value
        assert download.suggested_filename.endswith(".ics")
        ics = open(download.path(), encoding="utf-8").read()
        assert "BEGIN:VEVENT" in ics
        assert "Themenrat Mieten und Familien" in ics
        journey.screenshot("after download")
