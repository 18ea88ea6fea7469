"""A decision briefing explains the decision and gives talking points, also on paper."""

from django.utils import translation

from news.models import DecisionBriefingPage
from tests.utils import page_text


def deciding_body_label(briefing):
    with translation.override("de"):
        return str(briefing.get_deciding_body_display())


def test_briefing_shows_summary_and_what_is_at_stake(client, public_briefing):
    html = page_text(client, public_briefing.url)

    assert "Das Abgeordnetenhaus beschließt den Doppelhaushalt." in html
    assert "Zwanzig Jugendclubs müssten schließen." in html


def test_briefing_shows_every_talking_point_with_its_explanation(
    client, public_briefing
):
    html = page_text(client, public_briefing.url)

    assert "Ein Mietenstopp schützt Familien vor Verdrängung." in html
    assert "Seit 2015 sind die Angebotsmieten um 80 Prozent gestiegen." in html
    assert "Jugendclubs sind keine Luxusausgabe." in html


def test_briefing_shows_the_deciding_body_and_decision_date(client, public_briefing):
    html = page_text(client, public_briefing.url)

    assert deciding_body_label(public_briefing) in html
    assert public_briefing.decision_date.isoformat() in html


def test_briefing_links_to_its_print_view(client, public_briefing):
    html = page_text(client, public_briefing.url)

    assert f'href="{public_briefing.url}drucken/"' in html


def test_print_view_renders_the_talking_points(client, public_briefing):
    html = page_text(client, public_briefing.print_url())

    assert "Ein Mietenstopp schützt Familien vor Verdrängung." in html
    assert "Jugendclubs sind keine Luxusausgabe." in html


def test_print_view_shows_deciding_body_and_summary(client, public_briefing):
    html = page_text(client, public_briefing.print_url())

    assert deciding_body_label(public_briefing) in html
    assert "Das Abgeordnetenhaus beschließt den Doppelhaushalt." in html


def test_print_view_is_kept_out_of_search_engines(client, public_briefing):
    html = page_text(client, public_briefing.print_url())

    assert '<meta name="robots" content="noindex">' in html


def test_print_view_points_back_to_the_online_briefing(client, public_briefing):
    html = page_text(client, public_briefing.print_url())

    assert public_briefing.full_url in html


def test_members_only_briefing_is_marked_for_members(
    client, members_briefing, member_user
):
    client.force_login(member_user)

    response = client.get(members_briefing.url)

    assert 'class="notice notice--members"' in response.content.decode()


def test_decided_briefing_is_no_longer_upcoming(public_briefing):
    public_briefing.status = DecisionBriefingPage.Status.DECIDED

    assert not public_briefing.is_upcoming


def test_briefing_in_a_district_renders(client, district):
    from news.factories import DecisionBriefingPageFactory

    briefing = DecisionBriefingPageFactory(
        parent=district,
        title="BVV: Milieuschutz am Wrangelkiez",
        deciding_body=DecisionBriefingPage.Body.BVV,
        district=district,
    )

    html = page_text(client, briefing.url)

    assert "BVV: Milieuschutz am Wrangelkiez" in html
    assert district.title in html
