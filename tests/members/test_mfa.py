"""Admin-group accounts must use a second factor before they open the admin."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from members.selectors import mfa_required
from tests.conftest import PASSWORD


def admin_group_user(make_user):
    group = Group.objects.create(name="Administratoren")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return make_user("chefin", groups=[group], is_staff=True)


def test_admin_group_user_without_authenticator_is_sent_to_setup(
    client, home_page, make_user
):
    client.force_login(admin_group_user(make_user))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))
    assert "next=%2Fadmin%2F" in response.url


def test_setup_asks_for_the_password_again_then_shows_the_german_setup_page(
    client, home_page, make_user
):
    client.force_login(admin_group_user(make_user))
    setup_url = reverse("mfa_activate_totp")

    asked = client.get(setup_url, follow=True)
    response = client.post(
        asked.redirect_chain[-1][0], {"password": PASSWORD}, follow=True
    )

    assert asked.status_code == 200
    assert response.request["PATH_INFO"] == setup_url
    assert "Authenticator-App aktivieren" in response.content.decode()


def test_admin_group_user_with_authenticator_opens_the_admin(
    client, home_page, make_user
):
    user = admin_group_user(make_user)
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(user)

    assert client.get("/admin/").status_code == 200


def test_recovery_codes_alone_do_not_count(client, home_page, make_user):
    user = admin_group_user(make_user)
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.RECOVERY_CODES, data={}
    )
    client.force_login(user)

    assert client.get("/admin/").status_code == 302


def test_editors_need_not_where_the_setting_leaves_them_out(client, district_editor):
    client.force_login(district_editor)

    assert client.get("/admin/").status_code == 200


@pytest.fixture
def production_groups(settings):
    """The groups production requires a second factor of (``base.py``)."""
    from portal.settings import base

    settings.PORTAL_MFA_REQUIRED_GROUPS = base.PORTAL_MFA_REQUIRED_GROUPS


def staff_in(make_user, group_name, username):
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return make_user(username, groups=[group])


@pytest.mark.parametrize(
    "group_name",
    ["Koordination", "Koordination Pankow", "Bezirksredaktion Pankow"],
)
def test_coordinators_and_district_editors_are_sent_to_setup_in_production(
    client, home_page, make_user, production_groups, group_name
):
    client.force_login(staff_in(make_user, group_name, "sachbearbeitung"))

    response = client.get("/admin/mitmachen-pool/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_the_district_editor_fixture_is_sent_to_setup_in_production(
    client, district_editor, production_groups
):
    client.force_login(district_editor)

    assert client.get("/admin/").status_code == 302


def test_a_district_editor_with_an_authenticator_opens_the_admin_in_production(
    client, district_editor, production_groups
):
    Authenticator.objects.create(
        user=district_editor, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(district_editor)

    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("group_name", ["Presse", "Koordinationsbüro-Archiv"])
def test_other_staff_may_but_need_not_in_production(
    make_user, production_groups, group_name
):
    assert not mfa_required(staff_in(make_user, group_name, "presse"))


def test_superusers_are_required_when_the_setting_says_so(superuser, settings):
    settings.PORTAL_MFA_REQUIRED_FOR_SUPERUSERS = True

    assert mfa_required(superuser)


def test_superusers_are_not_required_in_tests_by_default(superuser):
    assert not mfa_required(superuser)


def login_with_password(client, user):
    from members.factories import VerifiedEmailFactory

    VerifiedEmailFactory(user=user)
    return client.post(
        reverse("members:login"),
        {"login": user.email, "password": PASSWORD, "next": "/admin/"},
    )


def test_login_with_an_authenticator_asks_for_the_code(client, home_page, make_user):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = admin_group_user(make_user)
    TOTP.activate(user, generate_totp_secret())

    response = login_with_password(client, user)

    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_the_right_code_completes_the_login_to_the_admin(client, home_page, make_user):
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    user = admin_group_user(make_user)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    login_with_password(client, user)
    counter = next(yield_hotp_counters_from_time())

    response = client.post(
        reverse("mfa_authenticate"),
        {"code": format_hotp_value(hotp_value(secret, counter))},
    )

    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_gets_a_german_error(client, home_page, make_user):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = admin_group_user(make_user)
    TOTP.activate(user, generate_totp_secret())
    login_with_password(client, user)

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert response.status_code == 200
    assert "Falscher Code." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_recovery_codes_page_is_never_cached(client, home_page, make_user):
    """django-allauth before 65.22.0 let proxies and browsers keep this page."""
    user = admin_group_user(make_user)
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    RecoveryCodes.activate(user)
    client.force_login(user)
    codes_url = reverse("mfa_view_recovery_codes")
    asked = client.get(codes_url, follow=True)
    response = client.post(
        asked.redirect_chain[-1][0], {"password": PASSWORD}, follow=True
    )

    assert response.request["PATH_INFO"] == codes_url
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control or "max-age=0" in cache_control
