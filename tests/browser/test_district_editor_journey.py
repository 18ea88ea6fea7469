"""Journey (d): a district editor edits their district's event in the admin and
cannot open another district's."""

import re

import pytest

from dialog.factories import EventPageFactory
from dialog.models import EventPage
from members.factories import VerifiedEmailFactory
from tests.browser.conftest import login
from tests.conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def events(district, other_district):
    own = EventPageFactory(parent=district, title="Kiezversammlung Wrangelkiez")
    foreign = EventPageFactory(parent=other_district, title="Stammtisch Hellersdorf")
    return own, foreign


def test_district_editor_edits_own_event_but_cannot_open_another_districts(
    journey, district_editor, events
):
    own, foreign = events
    VerifiedEmailFactory(user=district_editor)
    page = journey.page

    login(journey, district_editor.username, PASSWORD)
    journey.goto(f"/admin/pages/{own.pk}/edit/")
    journey.screenshot("own event in the editor")
    title = page.locator("#id_title")
    assert title.input_value() == "Kiezversammlung Wrangelkiez"
    title.fill("Kiezversammlung Wrangelkiez – neuer Raum")
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    journey.screenshot("own event published")
    own = EventPage.objects.get(pk=own.pk)
    assert own.title == "Kiezversammlung Wrangelkiez – neuer Raum"
    assert own.live and not own.has_unpublished_changes

    response = journey.goto(f"/admin/pages/{foreign.pk}/edit/")
    journey.screenshot("other district refused")
    assert response.status == 403 or not page.url.endswith(f"/{foreign.pk}/edit/")
    assert page.locator("#id_title").count() == 0
    assert page.get_by_text("keinen Zugang").is_visible()
    assert "Stammtisch Hellersdorf" not in page.locator("main").inner_text()
    foreign.refresh_from_db()
    assert foreign.title == "Stammtisch Hellersdorf"
