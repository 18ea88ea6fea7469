"""The profile: display name, district, languages and separate, unticked consents."""

from django.urls import reverse
from wagtail import hooks

from core.people import display_name
from members.consents import current_wording
from members.factories import ProfileFactory
from members.models import Consent, Profile

PROFILE_URL = reverse("members:profile")


def profile_data(district=None, **extra):
    return {
        "display_name": "Rote Rosa",
        "district": district.pk if district else "",
        "languages": ["de", "tr"],
        "preferred_language": "de",
        **extra,
    }


def test_visitors_are_sent_to_the_login(client, home_page):
    response = client.get(PROFILE_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("members:login"))


def test_profile_page_is_german(client, member_user):
    client.force_login(member_user)

    html = client.get(PROFILE_URL).content.decode()

    assert "Mein Profil" in html
    assert "Anzeigename" in html


def test_consents_are_unticked_by_default(client, non_member_user):
    client.force_login(non_member_user)

    response = client.get(PROFILE_URL)

    form = response.context["form"]
    for field in form.consent_fields():
        assert not field.value()
        assert "checked" not in str(field)


def test_each_consent_shows_its_wording(client, non_member_user):
    client.force_login(non_member_user)

    html = client.get(PROFILE_URL).content.decode()

    assert str(current_wording("news_by_email").text)[:40] in html
    assert str(current_wording("district_contact").text)[:40] in html


def test_saving_the_profile_stores_name_district_and_languages(
    client, non_member_user, district
):
    client.force_login(non_member_user)

    response = client.post(PROFILE_URL, profile_data(district))

    profile = Profile.objects.get(user=non_member_user)
    assert response.status_code == 302
    assert profile.display_name == "Rote Rosa"
    assert profile.district == district
    assert profile.languages == ["de", "tr"]


def test_saving_without_ticks_stores_no_consent(client, non_member_user):
    client.force_login(non_member_user)

    client.post(PROFILE_URL, profile_data())

    assert not Consent.objects.exists()


def test_a_ticked_consent_is_stored_with_time_and_wording_version(
    client, non_member_user
):
    client.force_login(non_member_user)

    client.post(PROFILE_URL, profile_data(consent_news_by_email="on"))

    consent = Consent.objects.get(user=non_member_user)
    assert consent.kind == "news_by_email"
    assert consent.version == current_wording("news_by_email").version
    assert consent.given_at is not None
    assert consent.withdrawn_at is None
    assert consent.wording.text == current_wording("news_by_email").text


def test_consents_are_given_separately(client, non_member_user):
    client.force_login(non_member_user)

    client.post(PROFILE_URL, profile_data(consent_district_contact="on"))

    kinds = set(Consent.objects.values_list("kind", flat=True))
    assert kinds == {"district_contact"}


def test_unticking_withdraws_the_consent_and_keeps_the_record(client, non_member_user):
    client.force_login(non_member_user)
    client.post(PROFILE_URL, profile_data(consent_news_by_email="on"))

    client.post(PROFILE_URL, profile_data())

    consent = Consent.objects.get(user=non_member_user)
    assert consent.withdrawn_at is not None


def test_saving_again_with_the_tick_keeps_one_consent(client, non_member_user):
    client.force_login(non_member_user)

    client.post(PROFILE_URL, profile_data(consent_news_by_email="on"))
    client.post(PROFILE_URL, profile_data(consent_news_by_email="on"))

    assert Consent.objects.filter(user=non_member_user).count() == 1


def test_given_consent_is_shown_ticked(client, non_member_user):
    client.force_login(non_member_user)
    client.post(PROFILE_URL, profile_data(consent_news_by_email="on"))

    response = client.get(PROFILE_URL)

    assert response.context["form"]["consent_news_by_email"].value() is True


def test_bad_input_gets_german_field_errors_and_keeps_the_profile(
    client, non_member_user, district
):
    client.force_login(non_member_user)
    client.post(PROFILE_URL, profile_data(district))

    response = client.post(
        PROFILE_URL,
        profile_data(
            display_name="x" * 200, languages=["xx"], preferred_language="kling"
        ),
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "höchstens 60 Zeichen" in html
    assert "Bitte eine gültige Auswahl treffen." in html
    assert Profile.objects.get(user=non_member_user).display_name == "Rote Rosa"


def test_an_email_address_is_refused_as_display_name(client, non_member_user):
    client.force_login(non_member_user)

    response = client.post(PROFILE_URL, profile_data(display_name="gast@example.org"))

    assert response.status_code == 400
    assert "Bitte verwende keine E-Mail-Adresse als Namen." in (
        response.content.decode()
    )


def test_a_refused_profile_stores_neither_the_profile_nor_a_ticked_consent(
    client, non_member_user, district
):
    client.force_login(non_member_user)

    response = client.post(
        PROFILE_URL,
        profile_data(
            district,
            display_name="gast@example.org",
            consent_news_by_email="on",
        ),
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte korrigiere die markierten Felder." in html
    assert "Bitte verwende keine E-Mail-Adresse als Namen." in html
    assert 'value="gast@example.org"' in html
    assert not Profile.objects.filter(user=non_member_user).exists()
    assert not Consent.objects.filter(user=non_member_user).exists()


def test_an_empty_post_is_refused_with_messages_and_keeps_the_profile(
    client, non_member_user, district
):
    client.force_login(non_member_user)
    client.post(PROFILE_URL, profile_data(district, consent_news_by_email="on"))

    response = client.post(PROFILE_URL, {})

    html = response.content.decode()
    profile = Profile.objects.get(user=non_member_user)
    assert response.status_code == 400
    assert "Bitte korrigiere die markierten Felder." in html
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert profile.display_name == "Rote Rosa"
    assert profile.district == district
    assert Consent.objects.get(user=non_member_user).withdrawn_at is None


def test_the_profile_page_is_answered_200(client, non_member_user):
    client.force_login(non_member_user)

    response = client.get(PROFILE_URL)

    assert response.status_code == 200
    assert response.context["form"].errors == {}


def test_display_name_uses_the_profile_and_never_the_email(make_user):
    user = make_user("rosa.luxemburg")

    assert "@" not in display_name(user)
    assert "rosa.luxemburg" not in display_name(user)
    ProfileFactory(user=user, display_name="Rosa L.")
    user.refresh_from_db()
    assert display_name(user) == "Rosa L."


def test_display_name_needs_no_query_with_select_related(
    make_user, django_assert_num_queries
):
    from django.contrib.auth import get_user_model

    ProfileFactory(user=make_user("clara"), display_name="Clara Z.")
    user = get_user_model().objects.select_related("profile").get(username="clara")

    with django_assert_num_queries(0):
        assert display_name(user) == "Clara Z."


def test_profile_shows_only_the_own_email_never_others(
    client, member_user, non_member_user, pending_request, district
):
    client.force_login(non_member_user)

    html = client.get(PROFILE_URL).content.decode()

    assert "rosa@example.org" not in html
    assert "neu@example.org" not in html


def test_profile_links_to_email_password_and_membership(client, non_member_user):
    client.force_login(non_member_user)

    html = client.get(PROFILE_URL).content.decode()

    assert reverse("account_email") in html
    assert reverse("account_change_password") in html
    assert reverse("members:verification") in html
    assert reverse("mfa_index") not in html


def test_staff_see_the_two_factor_link(client, superuser):
    client.force_login(superuser)

    html = client.get(PROFILE_URL).content.decode()

    assert reverse("mfa_index") in html


def test_other_features_add_links_through_a_hook(client, non_member_user):
    def subscriptions(request):
        return ("Meine Abonnements", "/abonnieren/verwalten/")

    client.force_login(non_member_user)
    with hooks.register_temporarily("member_profile_links", subscriptions):
        html = client.get(PROFILE_URL).content.decode()

    assert '<a href="/abonnieren/verwalten/">Meine Abonnements</a>' in html


def test_profile_shows_when_a_consent_was_given_and_its_version(
    client, non_member_user
):
    client.force_login(non_member_user)
    client.post(PROFILE_URL, profile_data(consent_news_by_email="on"))

    html = client.get(PROFILE_URL).content.decode()

    assert "Erteilt am" in html
    assert "Fassung 1" in html
