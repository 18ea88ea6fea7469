"""A members-only briefing is shown to members and hidden everywhere else."""

import json

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.models import HomePage
from news.factories import DecisionBriefingPageFactory
from news.models import DecisionBriefingPage
from news.services import briefing_audience_sync

SECRET_WORD = "Zwiebelturm"


def test_anonymous_visitor_is_sent_to_the_login_page(client, members_briefing):
    response = client.get(members_briefing.url)

    assert response.status_code == 302
    assert response.url == f"{reverse('members:login')}?next={members_briefing.url}"


def test_anonymous_visitor_cannot_open_the_print_view(client, members_briefing):
    response = client.get(members_briefing.print_url())

    assert response.status_code == 302
    assert response.url.startswith(reverse("members:login"))


def test_member_sees_the_briefing(client, members_briefing, member_user):
    client.force_login(member_user)

    response = client.get(members_briefing.url)

    assert response.status_code == 200
    assert SECRET_WORD in response.content.decode()


def test_member_can_open_the_print_view(client, members_briefing, member_user):
    client.force_login(member_user)

    response = client.get(members_briefing.print_url())

    assert response.status_code == 200
    assert SECRET_WORD in response.content.decode()


def test_logged_in_non_member_is_not_shown_the_briefing(
    client, members_briefing, non_member_user
):
    client.force_login(non_member_user)

    response = client.get(members_briefing.url)

    assert response.status_code != 200
    assert SECRET_WORD not in response.content.decode()


def test_logged_in_non_member_is_not_caught_in_a_redirect_loop(
    client, members_briefing, non_member_user
):
    client.force_login(non_member_user)

    response = client.get(members_briefing.url, follow=True)

    assert response.status_code == 200
    assert SECRET_WORD not in response.content.decode()


def test_members_only_briefing_is_not_found_by_search(client, members_briefing):
    response = client.get(reverse("search:search"), {"q": SECRET_WORD})

    assert response.status_code == 200
    assert members_briefing.title not in response.content.decode()
    assert len(response.context["results"].object_list) == 0


def test_member_finds_the_members_only_briefing_by_search(
    client, members_briefing, member_user
):
    client.force_login(member_user)

    response = client.get(reverse("search:search"), {"q": SECRET_WORD})

    assert members_briefing.title in response.content.decode()


def test_logged_in_non_member_does_not_find_it_by_search(
    client, members_briefing, non_member_user
):
    client.force_login(non_member_user)

    response = client.get(reverse("search:search"), {"q": SECRET_WORD})

    assert members_briefing.title not in response.content.decode()


def test_member_sees_the_members_only_briefing_in_the_news_index(
    client, news_index, members_briefing, member_user
):
    client.force_login(member_user)

    html = client.get(news_index.url).content.decode()

    assert members_briefing.title in html
    assert "Nur für Mitglieder" in html


def test_logged_in_non_member_does_not_see_it_in_the_news_index(
    client, news_index, members_briefing, non_member_user
):
    client.force_login(non_member_user)

    html = client.get(news_index.url).content.decode()

    assert members_briefing.title not in html


def test_members_only_briefing_is_not_in_the_news_index(
    client, news_index, members_briefing, public_briefing
):
    html = client.get(news_index.url).content.decode()

    assert public_briefing.title in html
    assert members_briefing.title not in html


def test_members_only_briefing_is_not_in_the_home_page_sections(
    client, home_page, members_briefing
):
    html = client.get(home_page.url).content.decode()

    assert members_briefing.title not in html


def test_members_only_briefing_is_not_featured_on_the_home_page(
    client, home_page, members_briefing
):
    home_page.featured_briefing = members_briefing
    home_page.save_revision().publish()

    response = client.get(home_page.url)

    assert not response.context["featured_briefing"]
    assert members_briefing.title not in response.content.decode()


def test_members_only_briefing_is_featured_for_members(
    client, home_page, members_briefing, member_user
):
    home_page.featured_briefing = members_briefing
    home_page.save_revision().publish()
    client.force_login(member_user)

    response = client.get(home_page.url)

    assert response.context["featured_briefing"] == members_briefing


def test_members_only_briefing_is_not_in_the_district_sections(
    client, district, members_briefing
):
    members_briefing.district = district
    members_briefing.save_revision().publish()

    html = client.get(district.url).content.decode()

    assert members_briefing.title not in html


def test_members_only_briefing_is_not_in_the_sitemap(
    client, members_briefing, public_briefing
):
    xml = client.get("/sitemap.xml").content.decode()

    assert public_briefing.full_url in xml
    assert members_briefing.full_url not in xml


def api_titles(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200
    return [item["title"] for item in json.loads(response.content)["items"]]


def test_members_only_briefing_is_not_listed_by_the_api(
    client, members_briefing, public_briefing
):
    assert api_titles(client, type="news.DecisionBriefingPage") == [
        public_briefing.title
    ]


def test_members_only_briefing_cannot_be_fetched_from_the_api(client, members_briefing):
    response = client.get(f"/api/v2/pages/{members_briefing.pk}/")

    assert response.status_code == 404


def test_members_only_briefing_is_not_found_by_api_search(client, members_briefing):
    assert api_titles(client, search=SECRET_WORD) == []


def test_syncing_members_audience_twice_keeps_one_restriction(members_briefing):
    briefing_audience_sync(page=members_briefing)

    assert PageViewRestriction.objects.filter(page=members_briefing).count() == 1


def test_switching_back_to_public_lifts_the_restriction(client, members_briefing):
    members_briefing.audience = DecisionBriefingPage.Audience.PUBLIC
    members_briefing.save_revision().publish()
    briefing_audience_sync(page=members_briefing)

    response = client.get(members_briefing.url)

    assert response.status_code == 200
    assert SECRET_WORD in response.content.decode()


def test_switching_back_to_public_makes_it_searchable(client, members_briefing):
    members_briefing.audience = DecisionBriefingPage.Audience.PUBLIC
    members_briefing.save_revision().publish()
    briefing_audience_sync(page=members_briefing)

    response = client.get(reverse("search:search"), {"q": SECRET_WORD})

    assert members_briefing.title in response.content.decode()


def test_switching_back_to_public_keeps_other_restrictions(members_briefing):
    PageViewRestriction.objects.create(
        page=members_briefing,
        restriction_type=PageViewRestriction.PASSWORD,
        password="kreisverband",
    )
    members_briefing.audience = DecisionBriefingPage.Audience.PUBLIC
    briefing_audience_sync(page=members_briefing)

    assert list(
        PageViewRestriction.objects.filter(page=members_briefing).values_list(
            "restriction_type", flat=True
        )
    ) == [PageViewRestriction.PASSWORD]


@pytest.fixture
def admin_client_for(client, superuser):
    client.force_login(superuser)
    return client


def briefing_form_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "decision_date": page.decision_date.isoformat(),
        "deciding_body": page.deciding_body,
        "status": page.status,
        "audience": page.audience,
        "comments_mode": page.comments_mode,
        "moderation": page.moderation,
        "summary": page.summary,
        "at_stake": json.dumps(
            {
                "blocks": [
                    {
                        "key": "a",
                        "text": "Es geht um viel.",
                        "type": "unstyled",
                        "depth": 0,
                        "inlineStyleRanges": [],
                        "entityRanges": [],
                    }
                ],
                "entityMap": {},
            }
        ),
        "talking_points-count": "1",
        "talking_points-0-type": "talking_point",
        "talking_points-0-deleted": "",
        "talking_points-0-order": "0",
        "talking_points-0-id": "tp1",
        "talking_points-0-value-point": "Ein Punkt.",
        "talking_points-0-value-explanation": "",
        "background-count": "0",
        "documents-count": "0",
        "action-publish": "action-publish",
    }
    data.update(changes)
    return data


def test_editor_choosing_members_audience_in_the_admin_restricts_the_page(
    admin_client_for, public_briefing
):
    response = admin_client_for.post(
        reverse("wagtailadmin_pages:edit", args=[public_briefing.pk]),
        briefing_form_data(public_briefing, audience="members"),
    )

    assert response.status_code == 302, response.context["form"].errors
    assert PageViewRestriction.objects.filter(page=public_briefing).exists()


def test_members_group_is_the_one_from_the_settings(members_briefing):
    restriction = PageViewRestriction.objects.get(page=members_briefing)

    assert [group.name for group in restriction.groups.all()] == ["Mitglieder"]


def test_home_page_model_is_unrestricted(home_page):
    assert not HomePage.objects.get(pk=home_page.pk).get_view_restrictions().exists()


def test_publishing_a_members_only_briefing_restricts_it(
    client, news_index, members_group
):
    briefing = DecisionBriefingPageFactory(parent=news_index)
    briefing.audience = DecisionBriefingPage.Audience.MEMBERS
    briefing.save_revision().publish()

    assert client.get(briefing.url).status_code == 302


def test_publishing_a_public_version_lifts_the_restriction(client, members_briefing):
    members_briefing.audience = DecisionBriefingPage.Audience.PUBLIC
    members_briefing.save_revision().publish()

    assert client.get(members_briefing.url).status_code == 200


def test_draft_saved_as_members_only_restricts_the_live_page_at_once(
    admin_client_for, client, public_briefing
):
    admin_client_for.post(
        reverse("wagtailadmin_pages:edit", args=[public_briefing.pk]),
        briefing_form_data(
            public_briefing, audience="members", **{"action-publish": ""}
        ),
    )

    assert PageViewRestriction.objects.filter(page=public_briefing).exists()


def test_draft_saved_as_public_keeps_the_live_page_restricted(
    admin_client_for, members_briefing
):
    response = admin_client_for.post(
        reverse("wagtailadmin_pages:edit", args=[members_briefing.pk]),
        briefing_form_data(
            members_briefing, audience="public", **{"action-publish": ""}
        ),
    )

    assert response.status_code == 302
    assert PageViewRestriction.objects.filter(page=members_briefing).exists()
