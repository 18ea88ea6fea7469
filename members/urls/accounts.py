from allauth.account import views as account_views
from allauth.usersessions import views as usersessions_views
from django.urls import path, re_path

from .. import views

# German addresses for the pages people type or are sent to; allauth's own
# (English) addresses under /konto/ keep working for its internal redirects.
urlpatterns = [
    # No redirect for logged-in users (ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS):
    # Wagtail sends a logged-in non-member from a members-only page here.
    path("anmelden/", account_views.login, name="login"),
    path("abmelden/", account_views.logout, name="logout"),
    path("registrieren/", views.signup, name="signup"),
    # allauth's own sign-up address, with the same bot protection.
    path("signup/", views.signup),
    path("sitzungen/", usersessions_views.list_usersessions, name="sessions"),
    path("ueberall-abmelden/", views.logout_everywhere, name="logout_everywhere"),
    path("passwort-vergessen/", account_views.password_reset, name="password_reset"),
    # allauth's own addresses, answered with a 4xx when the link is forged or expired.
    re_path(r"^confirm-email/(?P<key>[-:\w]+)/$", views.confirm_email),
    re_path(
        r"^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        views.password_reset_from_key,
    ),
    path("profil/", views.profile, name="profile"),
    path("mitgliedschaft/", views.verification, name="verification"),
    path("meine-daten/", views.my_data, name="my_data"),
    path("meine-daten/export.json", views.my_data_export, name="my_data_export"),
    path("konto-loeschen/", views.account_delete, name="account_delete"),
    path("konto-geloescht/", views.account_deleted, name="account_deleted"),
]
