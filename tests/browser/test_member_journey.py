"""Journey (b): a member logs in, reads a members-only briefing, comments on it
and prints the talking points (the print stylesheet checked in a real PDF)."""

import io
import re

import pytest
from pypdf import PdfReader

from comments.models import Comment, CommentMode, ModerationMode
from members.factories import VerifiedEmailFactory
from tests.browser.conftest import login
from tests.conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def briefing(members_briefing):
    members_briefing.comments_mode = CommentMode.MEMBERS
    members_briefing.moderation = ModerationMode.POST
    members_briefing.save_revision().publish()
    return members_briefing


def test_member_reads_comments_on_and_prints_a_members_only_briefing(
    journey, member_user, briefing
):
    VerifiedEmailFactory(user=member_user)
    page = journey.page

    journey.goto(briefing.url)
    assert "Sondierungsgeheimnis" not in page.content()
    journey.screenshot("briefing asks for login")

    login(journey, member_user.username, PASSWORD)
    journey.goto(briefing.url)
    assert page.get_by_role("heading", level=1).inner_text() == briefing.title
    assert page.get_by_text("Nur für Mitglieder").first.is_visible()
    assert page.get_by_text("Sondierungsgeheimnis Zwiebelturm gilt.").is_visible()
    journey.screenshot("briefing for members")

    page.get_by_label("Dein Kommentar").fill("Danke, das hilft mir im Gespräch.")
    page.get_by_role("button", name="Kommentar veröffentlichen").click()
    page.wait_for_load_state()
    comments = page.locator("#kommentare")
    assert comments.locator(
        "p", has_text="Danke, das hilft mir im Gespräch."
    ).is_visible()
    journey.screenshot("comment published")
    comment = Comment.objects.get(page=briefing)
    assert comment.author == member_user
    assert comment.status == Comment.Status.APPROVED

    page.get_by_role("link", name="Druckansicht (Handzettel)").click()
    page.wait_for_url(re.compile(r"/drucken/$"))
    print_button = page.get_by_role("button", name="Drucken")
    assert print_button.is_visible(), "the script offers a print button"
    journey.screenshot("print view on screen")

    page.emulate_media(media="print")
    assert page.locator(".handout__actions").is_hidden()
    journey.screenshot("print view as printed")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert len(pdf.pages) <= 2, "the handout fits on two A4 pages"
    assert "Sondierungsgeheimnis Zwiebelturm gilt." in text
    assert "Argumente für Gespräche" in text
    assert "Zurück zur Entscheidungsinfo" not in text
