"""Moderating comments in the Wagtail admin: who may, and what it does."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from comments.factories import CommentFactory
from comments.models import Comment, CommentReport
from dialog.factories import ForumPageFactory
from news.factories import NewsArticlePageFactory


@pytest.fixture
def press_staff(make_user):
    group, _created = Group.objects.get_or_create(name="Presse")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="moderate_all_comments"),
    )
    return make_user("presse", groups=[group])


@pytest.fixture
def district_forum(district):
    return ForumPageFactory(
        parent=district, title="Forum Kreuzberg", comments_mode="members"
    )


@pytest.fixture
def other_district_forum(other_district):
    return ForumPageFactory(
        parent=other_district, title="Forum Marzahn", comments_mode="members"
    )


def test_press_staff_see_the_queue(client, press_staff, district_forum):
    CommentFactory(page=district_forum, body="Bitte prüfen", status="pending")
    client.force_login(press_staff)

    response = client.get(reverse("comment_moderation:index"))

    assert response.status_code == 200
    assert "Bitte prüfen" in response.text


def test_queue_lists_pending_and_reported_before_the_rest(
    client, press_staff, district_forum, member_user
):
    CommentFactory(page=district_forum, body="Längst erledigt")
    reported = CommentFactory(page=district_forum, body="Gemeldet")
    CommentFactory(page=district_forum, body="Neuer Text")
    CommentReport.objects.create(comment=reported, reporter=member_user, reason="spam")
    CommentFactory(page=district_forum, body="Wartet", status="pending")
    client.force_login(press_staff)

    text = client.get(reverse("comment_moderation:index")).text

    assert text.index("Wartet") < text.index("Neuer Text")
    assert text.index("Gemeldet") < text.index("Neuer Text")
    assert text.index("Neuer Text") < text.index("Längst erledigt")


def test_report_lands_in_the_queue(
    client, press_staff, member_user, district_forum, make_user
):
    comment = CommentFactory(page=district_forum, author=make_user("karl"))
    client.force_login(member_user)
    client.post(
        reverse("comments:comment_report", args=[comment.pk]),
        {"reason": "privacy", "text": "Nennt eine Adresse"},
    )
    client.force_login(press_staff)

    queue = client.get(reverse("comment_moderation:index"), {"reported": "on"})
    detail = client.get(reverse("comment_moderation:detail", args=[comment.pk]))

    assert f"#{comment.pk}" in queue.text
    assert "Nennt eine Adresse" in detail.text
    assert "Gibt persönliche Daten preis" in detail.text


def test_queue_filters_by_status(client, press_staff, district_forum):
    CommentFactory(page=district_forum, body="Freigegebener Text")
    CommentFactory(page=district_forum, body="Wartender Text", status="pending")
    client.force_login(press_staff)

    text = client.get(reverse("comment_moderation:index"), {"status": "pending"}).text

    assert "Wartender Text" in text
    assert "Freigegebener Text" not in text


def test_queue_filters_by_district(
    client, press_staff, district_forum, other_district_forum, other_district
):
    CommentFactory(page=district_forum, body="Aus Kreuzberg")
    CommentFactory(page=other_district_forum, body="Aus Marzahn")
    client.force_login(press_staff)

    text = client.get(
        reverse("comment_moderation:index"), {"district": other_district.pk}
    ).text

    assert "Aus Marzahn" in text
    assert "Aus Kreuzberg" not in text


def test_queue_filters_by_page_type(client, press_staff, district_forum, news_index):
    from django.contrib.contenttypes.models import ContentType

    from news.models import NewsArticlePage

    article = NewsArticlePageFactory(parent=news_index, comments_mode="members")
    CommentFactory(page=district_forum, body="Im Forum")
    CommentFactory(page=article, body="Unter der Meldung")
    client.force_login(press_staff)

    text = client.get(
        reverse("comment_moderation:index"),
        {"page_type": ContentType.objects.get_for_model(NewsArticlePage).pk},
    ).text

    assert "Unter der Meldung" in text
    assert "Im Forum" not in text


def test_approve_makes_a_pending_comment_visible(
    client, press_staff, district_forum, member_user
):
    comment = CommentFactory(
        page=district_forum, author=member_user, body="Jetzt sichtbar", status="pending"
    )
    client.force_login(press_staff)

    response = client.post(reverse("comment_moderation:approve", args=[comment.pk]))
    client.logout()
    page = client.get(district_forum.url)

    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.status == Comment.Status.APPROVED
    assert comment.moderated_by == press_staff
    assert "Jetzt sichtbar" in page.text


def test_reject_needs_a_reason(client, press_staff, district_forum):
    comment = CommentFactory(page=district_forum, status="pending")
    client.force_login(press_staff)

    response = client.post(
        reverse("comment_moderation:reject", args=[comment.pk]), {"reason": ""}
    )

    comment.refresh_from_db()
    assert response.status_code == 400
    assert "Bitte gib einen Grund an." in response.text
    assert comment.status == Comment.Status.PENDING


def test_reject_stores_the_reason(client, press_staff, district_forum):
    comment = CommentFactory(page=district_forum, status="pending")
    client.force_login(press_staff)

    client.post(
        reverse("comment_moderation:reject", args=[comment.pk]),
        {"reason": "Nicht zum Thema"},
    )

    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
    assert comment.moderation_reason == "Nicht zum Thema"


def test_hide_with_reason_resolves_open_reports(
    client, press_staff, district_forum, member_user
):
    comment = CommentFactory(page=district_forum, body="Grenzwertig")
    report = CommentReport.objects.create(
        comment=comment, reporter=member_user, reason="insult"
    )
    client.force_login(press_staff)

    client.post(
        reverse("comment_moderation:hide", args=[comment.pk]), {"reason": "Beleidigend"}
    )

    comment.refresh_from_db()
    report.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    assert report.resolved_by == press_staff


def test_district_editor_moderates_their_district(
    client, district_editor, district_forum
):
    comment = CommentFactory(page=district_forum, status="pending")
    client.force_login(district_editor)

    response = client.post(reverse("comment_moderation:approve", args=[comment.pk]))

    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.status == Comment.Status.APPROVED


def test_district_editor_moderates_pages_filed_under_their_district(
    client, district_editor, district, news_index
):
    article = NewsArticlePageFactory(
        parent=news_index, district=district, comments_mode="members"
    )
    comment = CommentFactory(page=article, status="pending")
    client.force_login(district_editor)

    client.post(reverse("comment_moderation:approve", args=[comment.pk]))

    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_district_editor_gets_404_for_another_districts_comment(
    client, district_editor, other_district_forum
):
    comment = CommentFactory(page=other_district_forum, status="pending")
    client.force_login(district_editor)

    response = client.post(
        reverse("comment_moderation:hide", args=[comment.pk]), {"reason": "Weg damit"}
    )

    comment.refresh_from_db()
    assert response.status_code == 404
    assert comment.status == Comment.Status.PENDING
    assert comment.moderation_reason == ""


def test_district_editor_queue_leaves_out_other_districts(
    client, district_editor, district_forum, other_district_forum
):
    CommentFactory(page=district_forum, body="Aus Kreuzberg")
    CommentFactory(page=other_district_forum, body="Aus Marzahn")
    client.force_login(district_editor)

    text = client.get(reverse("comment_moderation:index")).text

    assert "Aus Kreuzberg" in text
    assert "Aus Marzahn" not in text


def test_admin_user_without_moderation_rights_gets_403(
    client, make_user, district_forum
):
    group = Group.objects.create(name="Nur Admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    comment = CommentFactory(page=district_forum, status="pending")
    client.force_login(make_user("praktikum", groups=[group]))

    queue = client.get(reverse("comment_moderation:index"))
    approve = client.post(reverse("comment_moderation:approve", args=[comment.pk]))

    comment.refresh_from_db()
    assert (queue.status_code, approve.status_code) == (403, 403)
    assert comment.status == Comment.Status.PENDING


def test_members_cannot_open_the_moderation_queue(client, member_user):
    client.force_login(member_user)

    response = client.get(reverse("comment_moderation:index"))

    assert response.status_code in (302, 403)


def test_approve_needs_post(client, press_staff, district_forum):
    comment = CommentFactory(page=district_forum, status="pending")
    client.force_login(press_staff)

    response = client.get(reverse("comment_moderation:approve", args=[comment.pk]))

    comment.refresh_from_db()
    assert response.status_code == 405
    assert comment.status == Comment.Status.PENDING


def test_menu_shows_comments_to_district_editors(client, district_editor):
    client.force_login(district_editor)

    response = client.get(reverse("wagtailadmin_home"))

    assert reverse("comment_moderation:index") in response.text


def test_queue_answers_in_few_queries(
    client, press_staff, district_forum, django_assert_max_num_queries
):
    for number in range(30):
        CommentFactory(page=district_forum, body=f"Text {number}", status="pending")
    client.force_login(press_staff)

    with django_assert_max_num_queries(25):
        response = client.get(reverse("comment_moderation:index"))

    assert response.status_code == 200
