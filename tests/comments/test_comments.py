"""Writing, reading, editing, deleting and reporting comments on pages."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from comments.factories import CommentFactory
from comments.models import Comment, CommentReport
from dialog.factories import ForumPageFactory
from education.factories import CoursePageFactory
from members.factories import ProfileFactory
from news.factories import NewsArticlePageFactory


@pytest.fixture
def forum(home_page):
    return ForumPageFactory(
        parent=home_page,
        title="Wie erreichen wir den Stadtrand?",
        comments_mode="members",
        moderation="pre",
    )


@pytest.fixture
def open_forum(home_page):
    return ForumPageFactory(
        parent=home_page,
        title="Offene Runde",
        comments_mode="logged_in",
        moderation="post",
    )


def write(client, page, body, **extra):
    return client.post(
        reverse("comments:comment_create", args=[page.pk]), {"body": body, **extra}
    )


def test_members_mode_lets_a_verified_member_comment(client, member_user, forum):
    client.force_login(member_user)

    response = write(client, forum, "Mehr Infostände in Marzahn!")

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#kommentar-{comment.pk}")
    assert comment.author == member_user


def test_members_mode_refuses_a_logged_in_non_member(client, non_member_user, forum):
    client.force_login(non_member_user)

    response = write(client, forum, "Ich bin kein Mitglied.")

    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_members_mode_tells_non_members_they_cannot_comment(
    client, non_member_user, forum
):
    client.force_login(non_member_user)

    response = client.get(forum.url)

    assert "Nur bestätigte Mitglieder können hier kommentieren." in response.text


def test_logged_in_mode_lets_any_logged_in_user_comment(
    client, non_member_user, open_forum
):
    client.force_login(non_member_user)

    response = write(client, open_forum, "Gute Idee.")

    assert response.status_code == 302
    assert Comment.objects.filter(author=non_member_user).exists()


def test_visitors_cannot_comment(client, open_forum):
    response = write(client, open_forum, "Anonym.")

    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_visitors_see_a_login_link_instead_of_the_form(client, open_forum):
    response = client.get(open_forum.url)

    assert "Melde dich an, um zu kommentieren." in response.text
    assert 'name="body"' not in response.text


def test_off_mode_hides_the_form(client, member_user, home_page):
    page = ForumPageFactory(parent=home_page, comments_mode="off")
    client.force_login(member_user)

    response = client.get(page.url)

    assert 'id="kommentare"' not in response.text


def test_off_mode_refuses_posts(client, member_user, home_page):
    page = ForumPageFactory(parent=home_page, comments_mode="off")
    client.force_login(member_user)

    response = write(client, page, "Trotzdem.")

    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_closed_forum_takes_no_new_comments(client, member_user, home_page):
    page = ForumPageFactory(
        parent=home_page,
        comments_mode="members",
        discussion_closes=timezone.localdate() - timedelta(days=1),
    )
    client.force_login(member_user)

    response = write(client, page, "Zu spät.")

    assert response.status_code == 403


def test_get_on_the_create_address_is_not_allowed(client, member_user, forum):
    client.force_login(member_user)

    response = client.get(reverse("comments:comment_create", args=[forum.pk]))

    assert response.status_code == 405


def test_a_page_type_without_comments_is_not_found(client, member_user, home_page):
    client.force_login(member_user)

    response = write(client, home_page, "Hallo")

    assert response.status_code == 404


def test_comments_work_on_news_articles(client, member_user, news_index):
    article = NewsArticlePageFactory(
        parent=news_index, comments_mode="members", moderation="post"
    )
    client.force_login(member_user)

    write(client, article, "Starker Artikel.")

    assert "Starker Artikel." in client.get(article.url).text


def test_comments_work_on_decision_briefings(client, member_user, public_briefing):
    public_briefing.comments_mode = "members"
    public_briefing.moderation = "post"
    public_briefing.save()
    client.force_login(member_user)

    write(client, public_briefing, "Jugendclubs erhalten!")

    assert "Jugendclubs erhalten!" in client.get(public_briefing.url).text


def test_comments_work_on_courses(client, member_user, course_index):
    course = CoursePageFactory(
        parent=course_index, comments_mode="logged_in", moderation="post"
    )
    client.force_login(member_user)

    write(client, course, "Welche Texte lesen wir vorher?")

    assert "Welche Texte lesen wir vorher?" in client.get(course.url).text


# Pre- and post-moderation


def test_pre_moderation_shows_the_author_their_pending_comment(
    client, member_user, forum
):
    client.force_login(member_user)

    response = write(client, forum, "Noch nicht freigegeben.", follow=False)
    page = client.get(forum.url)

    assert response.status_code == 302
    assert "Noch nicht freigegeben." in page.text
    assert "Wartet auf Freigabe" in page.text


def test_pre_moderation_hides_a_pending_comment_from_others(
    client, member_user, make_user, members_group, forum
):
    CommentFactory(page=forum, author=member_user, body="Geheim", status="pending")
    client.force_login(make_user("karl", groups=[members_group]))

    response = client.get(forum.url)

    assert "Geheim" not in response.text


def test_post_moderation_shows_a_comment_to_others_at_once(
    client, non_member_user, make_user, open_forum
):
    client.force_login(non_member_user)
    write(client, open_forum, "Sofort sichtbar.")
    client.force_login(make_user("karl"))

    response = client.get(open_forum.url)

    assert "Sofort sichtbar." in response.text


def test_approved_comment_becomes_visible_to_visitors(client, member_user, forum):
    from comments.services import comment_approve

    comment = CommentFactory(
        page=forum, author=member_user, body="Erst geprüft.", status="pending"
    )
    comment_approve(comment=comment, moderator=None)

    response = client.get(forum.url)

    assert "Erst geprüft." in response.text


def test_hidden_comment_shows_the_reason_and_keeps_its_replies(
    client, member_user, forum
):
    parent = CommentFactory(
        page=forum,
        author=member_user,
        body="Beleidigung",
        status="hidden",
        moderation_reason="Beleidigend",
    )
    CommentFactory(page=forum, author=member_user, parent=parent, body="Antwort da")

    response = client.get(forum.url)

    assert "Von der Moderation ausgeblendet: Beleidigend" in response.text
    assert "Beleidigung" not in response.text.replace("Beleidigend", "")
    assert "Antwort da" in response.text


def test_rejected_comment_is_invisible_to_others(client, member_user, forum):
    CommentFactory(
        page=forum,
        author=member_user,
        body="Abgelehnter Text",
        status="rejected",
        moderation_reason="Off-Topic",
    )

    response = client.get(forum.url)

    assert "Abgelehnter Text" not in response.text


# Members-only pages


def test_members_only_page_comments_are_invisible_to_non_members(
    client, non_member_user, members_briefing
):
    members_briefing.comments_mode = "logged_in"
    members_briefing.save()
    CommentFactory(page=members_briefing, body="Interne Einschätzung")
    client.force_login(non_member_user)

    response = client.get(members_briefing.url)

    assert "Interne Einschätzung" not in response.text


def test_members_only_page_refuses_comments_from_non_members(
    client, non_member_user, members_briefing
):
    members_briefing.comments_mode = "logged_in"
    members_briefing.save()
    client.force_login(non_member_user)

    response = write(client, members_briefing, "Ich will mitreden.")

    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_members_see_comments_on_members_only_pages(
    client, member_user, members_briefing
):
    members_briefing.comments_mode = "members"
    members_briefing.save()
    CommentFactory(page=members_briefing, body="Interne Einschätzung")
    client.force_login(member_user)

    response = client.get(members_briefing.url)

    assert "Interne Einschätzung" in response.text


# Replies


def test_reply_is_shown_below_its_comment(client, member_user, open_forum):
    parent = CommentFactory(page=open_forum, body="Erste Meinung")
    client.force_login(member_user)

    response = client.post(
        reverse("comments:comment_reply", args=[parent.pk]), {"body": "Meine Antwort"}
    )

    reply = Comment.objects.get(body="Meine Antwort")
    assert response.status_code == 302
    assert reply.parent == parent


def test_reply_to_a_reply_joins_the_top_level_thread(client, member_user, open_forum):
    parent = CommentFactory(page=open_forum)
    reply = CommentFactory(page=open_forum, parent=parent)
    client.force_login(member_user)

    client.post(
        reverse("comments:comment_reply", args=[reply.pk]),
        {"body": "Noch eine Antwort"},
    )

    assert Comment.objects.get(body="Noch eine Antwort").parent == parent


def test_cannot_reply_to_a_pending_comment(client, member_user, make_user, forum):
    parent = CommentFactory(page=forum, author=make_user("karl"), status="pending")
    client.force_login(member_user)

    response = client.post(
        reverse("comments:comment_reply", args=[parent.pk]), {"body": "Antwort"}
    )

    assert response.status_code == 400
    assert "kann nicht mehr beantwortet werden" in response.text


# Editing and deleting


def test_author_can_edit_within_15_minutes(client, member_user, forum):
    comment = CommentFactory(page=forum, author=member_user, body="Tippfeler")
    client.force_login(member_user)

    response = client.post(
        reverse("comments:comment_edit", args=[comment.pk]), {"body": "Tippfehler"}
    )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.body == "Tippfehler"
    assert comment.edited_at is not None


def test_author_cannot_edit_after_15_minutes(client, member_user, forum):
    comment = CommentFactory(
        page=forum,
        author=member_user,
        body="Alt",
        created_at=timezone.now() - timedelta(minutes=16),
    )
    client.force_login(member_user)

    response = client.post(
        reverse("comments:comment_edit", args=[comment.pk]), {"body": "Neu"}
    )

    comment.refresh_from_db()
    assert response.status_code == 403
    assert "innerhalb von 15 Minuten" in response.text
    assert comment.body == "Alt"


def test_others_cannot_edit_a_comment(client, member_user, make_user, forum):
    comment = CommentFactory(page=forum, author=make_user("karl"), body="Original")
    client.force_login(member_user)

    response = client.post(
        reverse("comments:comment_edit", args=[comment.pk]), {"body": "Gefälscht"}
    )

    comment.refresh_from_db()
    assert response.status_code == 403
    assert comment.body == "Original"


def test_author_can_delete_own_comment_and_replies_stay(
    client, member_user, make_user, forum
):
    comment = CommentFactory(page=forum, author=member_user, body="Bereue ich")
    CommentFactory(page=forum, parent=comment, author=make_user("karl"), body="Echo")
    client.force_login(member_user)

    response = client.post(reverse("comments:comment_delete", args=[comment.pk]))
    page = client.get(forum.url)

    assert response.status_code == 302
    assert "Bereue ich" not in page.text
    assert "Von der Verfasserin oder dem Verfasser gelöscht." in page.text
    assert "Echo" in page.text


def test_cannot_delete_someone_elses_comment(client, member_user, make_user, forum):
    comment = CommentFactory(page=forum, author=make_user("karl"), body="Bleibt")

    client.force_login(member_user)
    response = client.post(reverse("comments:comment_delete", args=[comment.pk]))

    comment.refresh_from_db()
    assert response.status_code == 403
    assert comment.body == "Bleibt"
    assert comment.deleted_at is None


# Reports


def test_report_is_stored_with_its_reason(client, member_user, make_user, forum):
    comment = CommentFactory(page=forum, author=make_user("karl"))
    client.force_login(member_user)

    response = client.post(
        reverse("comments:comment_report", args=[comment.pk]),
        {"reason": "insult", "text": "Persönlicher Angriff"},
    )

    report = CommentReport.objects.get()
    assert response.status_code == 302
    assert (report.reason, report.text, report.reporter) == (
        "insult",
        "Persönlicher Angriff",
        member_user,
    )


def test_reporting_twice_keeps_one_open_report(client, member_user, make_user, forum):
    comment = CommentFactory(page=forum, author=make_user("karl"))
    client.force_login(member_user)
    url = reverse("comments:comment_report", args=[comment.pk])

    client.post(url, {"reason": "insult"})
    client.post(url, {"reason": "spam"})

    assert CommentReport.objects.count() == 1


def test_report_without_reason_gets_a_german_error(
    client, member_user, make_user, forum
):
    comment = CommentFactory(page=forum, author=make_user("karl"))
    client.force_login(member_user)

    response = client.post(reverse("comments:comment_report", args=[comment.pk]), {})

    assert response.status_code == 400
    assert "Bitte wähle einen Grund." in response.text
    assert not CommentReport.objects.exists()


# Mail on replies


def test_author_who_opted_in_gets_a_mail_on_a_visible_reply(
    client, member_user, make_user, open_forum, django_capture_on_commit_callbacks
):
    parent = CommentFactory(page=open_forum, author=member_user, notify_on_reply=True)
    client.force_login(make_user("karl"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("comments:comment_reply", args=[parent.pk]), {"body": "Stimmt!"}
        )

    reply = Comment.objects.get(body="Stimmt!")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member_user.email]
    assert "Neue Antwort" in mail.outbox[0].subject
    assert f"#kommentar-{reply.pk}" in mail.outbox[0].body


def test_reply_mail_is_written_in_the_recipients_language(
    client, member_user, make_user, open_forum, django_capture_on_commit_callbacks
):
    ProfileFactory(user=member_user, preferred_language="tr")
    parent = CommentFactory(page=open_forum, author=member_user, notify_on_reply=True)
    client.force_login(make_user("karl"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("comments:comment_reply", args=[parent.pk]), {"body": "Stimmt!"}
        )

    assert "yorumunuza yeni yanıt" in mail.outbox[0].subject


def test_no_mail_without_opt_in(
    client, member_user, make_user, open_forum, django_capture_on_commit_callbacks
):
    parent = CommentFactory(page=open_forum, author=member_user, notify_on_reply=False)
    client.force_login(make_user("karl"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("comments:comment_reply", args=[parent.pk]), {"body": "Stimmt!"}
        )

    assert mail.outbox == []


def test_no_mail_for_a_reply_to_oneself(
    client, member_user, open_forum, django_capture_on_commit_callbacks
):
    parent = CommentFactory(page=open_forum, author=member_user, notify_on_reply=True)
    client.force_login(member_user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("comments:comment_reply", args=[parent.pk]), {"body": "Nachtrag"}
        )

    assert mail.outbox == []


def test_pre_moderated_reply_mails_only_once_approved(
    member_user, make_user, forum, django_capture_on_commit_callbacks
):
    from comments.services import comment_approve, comment_create

    parent = CommentFactory(page=forum, author=member_user, notify_on_reply=True)
    with django_capture_on_commit_callbacks(execute=True):
        reply = comment_create(
            page=forum, author=make_user("karl"), body="Antwort", parent=parent
        )
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=reply, moderator=None)

    assert len(mail.outbox) == 1


def test_edited_comment_waits_for_approval_again_under_pre_moderation(
    client, member_user, forum
):
    comment = CommentFactory(page=forum, author=member_user, body="Harmlos")
    client.force_login(member_user)

    client.post(
        reverse("comments:comment_edit", args=[comment.pk]), {"body": "Ganz anders"}
    )

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_edited_comment_stays_visible_under_post_moderation(
    client, member_user, open_forum
):
    comment = CommentFactory(page=open_forum, author=member_user, body="Erst so")
    client.force_login(member_user)

    client.post(
        reverse("comments:comment_edit", args=[comment.pk]), {"body": "Dann so"}
    )

    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_editors_switch_comments_in_the_page_settings(client, superuser, forum):
    client.force_login(superuser)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[forum.pk]))

    assert 'name="comments_mode"' in response.text
    assert 'name="moderation"' in response.text


def test_report_page_asks_for_a_reason(client, member_user, make_user, forum):
    comment = CommentFactory(page=forum, author=make_user("karl"), body="Heikel")
    client.force_login(member_user)

    response = client.get(reverse("comments:comment_report", args=[comment.pk]))

    assert response.status_code == 200
    assert "Warum soll die Moderation sich diesen Kommentar ansehen?" in response.text
    assert "Heikel" in response.text


def test_visitors_cannot_report(client, make_user, open_forum):
    comment = CommentFactory(page=open_forum, author=make_user("karl"))

    response = client.post(
        reverse("comments:comment_report", args=[comment.pk]), {"reason": "spam"}
    )

    assert response.status_code == 403
    assert not CommentReport.objects.exists()
