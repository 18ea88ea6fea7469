"""Every URL as every role: the expected status, checked on the server.

``MATRIX`` is a table of URLs (built from the ``world`` fixture) and the status
each role gets. To add a feature's URLs, add rows: a name, a function from the
world to the URL, and the statuses by role (``expect``/``staff``/``tools``
shorthands help). ``test_the_matrix_requests_every_url_of_the_portal`` walks the
URLconf and fails on a URL without a row. Wagtail answers a forbidden admin
page with a redirect (302) to the dashboard or login; our own admin views
answer 403 (``core.views.admin_forbidden_as_403``). POST-only actions are
requested with GET: 405, or the permission answer when that comes first.

Then every response of the matrix, as visitor, account and member, is checked
for another member's email address and phone number, and every response a
district's editor or coordinator gets for another district's member's.
"""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, resolve, reverse
from wagtail.documents import get_document_model

from comments.factories import CommentFactory
from core.roles import (
    APPROVERS_GROUP_NAME,
    COORDINATORS_GROUP_NAME,
    PRESS_GROUP_NAME,
    STATE_OFFICE_GROUP_NAME,
    roles_sync,
)
from dialog.factories import (
    EventPageFactory,
    ForumPageFactory,
    WorkingGroupPageFactory,
)
from dialog.models import EventPage
from home.factories import (
    DistrictDataPageFactory,
    DistrictFigureFactory,
    TopicFactory,
)
from home.roles import district_coordinator_group_ensure, district_editor_group_ensure
from members.factories import (
    MembershipVerificationFactory,
    MentoringApplicationFactory,
    MentoringPairFactory,
    OnboardingFactory,
    PoolEntryFactory,
    PoolMessageFactory,
    ProfileFactory,
)
from members.models import MentoringApplication
from news.factories import NewsArticlePageFactory
from registrations.factories import RegistrationFactory
from registrations.models import RegistrationMode
from subscriptions.factories import SubscriberFactory
from surveys.factories import (
    CallListEntryFactory,
    CallListFactory,
    SurveyFactory,
    SurveyQuestionFactory,
)
from tests.utils import in_days
from tracker.factories import (
    AgreementChapterFactory,
    AgreementItemFactory,
    CoalitionAgreementPageFactory,
    StatusUpdateFactory,
)

ROLES = [
    "anonymous",
    "registered",
    "member",
    "press",
    "district_editor",
    "district_coordinator",
    "coordinator",
    "state_office",
    "superuser",
]
STAFF = [
    "press",
    "district_editor",
    "district_coordinator",
    "coordinator",
    "state_office",
    "superuser",
]
# The coordination tools: the state-wide group, a district's group, the office.
TOOLS = ["district_coordinator", "coordinator", "state_office", "superuser"]
OTHER_MEMBER_EMAIL = "clara.zetkin@example.org"
OTHER_MEMBER_PHONE = "+49 30 1234567"
# A member of the other district: nobody tied to the first district sees them.
OTHER_DISTRICT_EMAIL = "bodo.marzahn@example.org"
OTHER_DISTRICT_PHONE = "+49 30 7654321"


def expect(default, **by_role):
    """Statuses for every role: ``default`` unless ``by_role`` says otherwise."""
    return {role: by_role.get(role, default) for role in ROLES}


def tools(allowed, forbidden, **by_role):
    """``allowed`` for the coordination roles, ``forbidden`` for the others."""
    return {
        role: by_role.get(role, allowed if role in TOOLS else forbidden)
        for role in ROLES
    }


def staff(allowed, forbidden, **by_role):
    """``allowed`` for staff roles, ``forbidden`` for the others."""
    return {
        role: by_role.get(role, allowed if role in STAFF else forbidden)
        for role in ROLES
    }


LOGIN = 302  # sent to the login page

# (name, url builder, expected status by role)
MATRIX = [
    # -- site ---------------------------------------------------------------
    ("home", lambda w: "/", expect(200)),
    ("news index", lambda w: w["news_index"].url, expect(200)),
    ("public briefing", lambda w: w["public_briefing"].url, expect(200)),
    (
        "members briefing",
        lambda w: w["members_briefing"].url,
        expect(
            200,
            anonymous=LOGIN,
            registered=LOGIN,
            district_editor=LOGIN,
            district_coordinator=LOGIN,
            coordinator=LOGIN,
            press=LOGIN,
            state_office=LOGIN,
        ),
    ),
    (
        "members briefing print view",
        lambda w: w["members_briefing"].url + "drucken/",
        expect(
            200,
            anonymous=LOGIN,
            registered=LOGIN,
            district_editor=LOGIN,
            district_coordinator=LOGIN,
            coordinator=LOGIN,
            press=LOGIN,
            state_office=LOGIN,
        ),
    ),
    ("district page", lambda w: w["district"].url, expect(200)),
    ("event page", lambda w: w["event"].url, expect(200)),
    ("forum page", lambda w: w["forum"].url, expect(200)),
    (
        "registration form (members only)",
        lambda w: reverse("registrations:registration_form", args=[w["event"].pk]),
        expect(200),
    ),
    ("search", lambda w: "/suche/?q=Miete", expect(200)),
    (
        "subscribe",
        lambda w: reverse("subscriptions:subscription_subscribe"),
        expect(200),
    ),
    (
        "own subscriptions",
        lambda w: reverse("subscriptions:subscription_mine"),
        expect(403, anonymous=LOGIN, member=200),
    ),
    ("profile", lambda w: reverse("members:profile"), expect(200, anonymous=LOGIN)),
    (
        "membership verification",
        lambda w: reverse("members:verification"),
        expect(200, anonymous=LOGIN),
    ),
    ("sessions", lambda w: reverse("members:sessions"), expect(200, anonymous=LOGIN)),
    ("login", lambda w: reverse("members:login"), expect(200)),
    ("sign-up", lambda w: reverse("members:signup"), expect(200)),
    ("healthz", lambda w: "/healthz", expect(200)),
    ("livez", lambda w: "/livez", expect(200)),
    ("robots.txt", lambda w: "/robots.txt", expect(200)),
    ("sitemap", lambda w: "/sitemap.xml", expect(200)),
    # -- feeds --------------------------------------------------------------
    ("news rss", lambda w: reverse("news:feed_news_rss"), expect(200)),
    ("briefings atom", lambda w: reverse("news:feed_briefings_atom"), expect(200)),
    ("calendar ics", lambda w: reverse("dialog_feeds:feed_calendar"), expect(200)),
    (
        "district calendar ics",
        lambda w: reverse(
            "dialog_feeds:feed_calendar_district", args=[w["district"].slug]
        ),
        expect(200),
    ),
    # -- API ----------------------------------------------------------------
    ("api pages", lambda w: "/api/v2/pages/", expect(200)),
    (
        "api members briefing",
        lambda w: f"/api/v2/pages/{w['members_briefing'].pk}/",
        expect(404),
    ),
    ("api calendar", lambda w: "/api/v2/kalender/", expect(200)),
    ("api documents", lambda w: "/api/v2/documents/", expect(200)),
    # -- downloads ----------------------------------------------------------
    ("document download", lambda w: w["document"].url, expect(200)),
    # -- admin --------------------------------------------------------------
    ("admin dashboard", lambda w: reverse("wagtailadmin_home"), staff(200, 302)),
    (
        "admin edit briefing",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w["public_briefing"].pk]),
        staff(200, 302, district_editor=302, district_coordinator=302, coordinator=302),
    ),
    (
        "admin edit district page",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w["district"].pk]),
        staff(200, 302, district_coordinator=302, coordinator=302, press=302),
    ),
    (
        "admin edit other district",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w["other_district"].pk]),
        staff(
            200,
            302,
            district_coordinator=302,
            coordinator=302,
            district_editor=302,
            press=302,
        ),
    ),
    (
        "admin registrations",
        lambda w: reverse("registrations_index"),
        staff(200, 302),
    ),
    (
        "admin registration report",
        lambda w: reverse("registrations_report", args=[w["event"].pk]),
        staff(200, 302, district_coordinator=404, coordinator=404, press=404),
    ),
    (
        "admin registration csv export",
        lambda w: reverse("registrations_csv", args=[w["event"].pk]),
        staff(200, 302, district_coordinator=404, coordinator=404, press=404),
    ),
    (
        "admin other district's registrations",
        lambda w: reverse("registrations_report", args=[w["other_event"].pk]),
        staff(
            200,
            302,
            district_coordinator=404,
            coordinator=404,
            district_editor=404,
            press=404,
        ),
    ),
    (
        "admin comment moderation",
        lambda w: reverse("comment_moderation:index"),
        staff(200, 302, district_coordinator=403, coordinator=403),
    ),
    (
        "admin membership verifications",
        lambda w: reverse("membership_verifications:index"),
        staff(200, 302, district_coordinator=403, coordinator=403, press=403),
    ),
    (
        "admin users",
        lambda w: reverse("wagtailusers_users:index"),
        staff(302, 302, superuser=200),
    ),
    (
        "admin groups",
        lambda w: reverse("wagtailusers_groups:index"),
        staff(302, 302, superuser=200),
    ),
    (
        "admin workflows",
        lambda w: reverse("wagtailadmin_workflows:index"),
        staff(302, 302, superuser=200),
    ),
]

NOT_ALLOWED = 405  # a POST-only action opened with GET
MEMBERS_ONLY = expect(403, anonymous=LOGIN, member=200)

MATRIX += [
    # -- more site pages ----------------------------------------------------
    ("home in English", lambda w: "/en/", expect(200)),
    ("calendar", lambda w: w["event_index"].url, expect(200)),
    ("working group page", lambda w: w["working_group"].url, expect(200)),
    (
        "working group member list",
        lambda w: reverse("dialog:working_group_members", args=[w["working_group"].pk]),
        expect(403, superuser=200, state_office=200),
    ),
    ("district data page", lambda w: w["district_data"].url, expect(200)),
    ("district data csv", lambda w: w["district_data"].url + "daten/", expect(200)),
    ("coalition agreement", lambda w: w["agreement"].url, expect(200)),
    ("agreement chapter", lambda w: w["agreement"].url + "kapitel/1/", expect(200)),
    (
        "agreement item",
        lambda w: w["agreement"].url + "kapitel/1/punkt/1/",
        expect(200),
    ),
    (
        "agreement changes rss",
        lambda w: w["agreement"].url + "aenderungen/rss/",
        expect(200),
    ),
    (
        "agreement changes atom",
        lambda w: w["agreement"].url + "aenderungen/atom/",
        expect(200),
    ),
    (
        "briefing feedback",
        lambda w: reverse("tracker:briefing_feedback", args=[w["public_briefing"].pk]),
        expect(NOT_ALLOWED, anonymous=LOGIN),
    ),
    # -- accounts -----------------------------------------------------------
    ("sign-up alias", lambda w: "/konto/signup/", expect(200)),
    ("own data", lambda w: "/konto/meine-daten/", expect(200, anonymous=LOGIN)),
    (
        "own data download opened with GET",
        lambda w: "/konto/meine-daten/export.json",
        expect(NOT_ALLOWED, anonymous=LOGIN),
    ),
    (
        "account erasure",
        lambda w: "/konto/konto-loeschen/",
        expect(200, anonymous=LOGIN),
    ),
    ("account erased", lambda w: "/konto/konto-geloescht/", expect(200)),
    ("password reset", lambda w: reverse("members:password_reset"), expect(200)),
    (
        "password reset with a bad key",
        lambda w: "/konto/password/reset/key/1-falsch/",
        expect(400),
    ),
    (
        "confirm email with a bad key",
        lambda w: "/konto/confirm-email/falsch/",
        expect(404),
    ),
    (
        "email addresses",
        lambda w: reverse("account_email"),
        expect(200, anonymous=LOGIN),
    ),
    (
        "password change",
        lambda w: reverse("account_change_password"),
        expect(200, anonymous=LOGIN),
    ),
    (
        "logout everywhere",
        lambda w: reverse("members:logout_everywhere"),
        expect(NOT_ALLOWED, anonymous=LOGIN),
    ),
    (
        "allauth sessions",
        lambda w: reverse("usersessions_list"),
        expect(200, anonymous=LOGIN),
    ),
    ("two-factor", lambda w: reverse("mfa_index"), expect(200, anonymous=LOGIN)),
    ("login (allauth address)", lambda w: reverse("account_login"), expect(200)),
    ("logout", lambda w: reverse("members:logout"), expect(200, anonymous=302)),
    (
        "logout (allauth address)",
        lambda w: reverse("account_logout"),
        expect(200, anonymous=302),
    ),
    ("account inactive", lambda w: reverse("account_inactive"), expect(200)),
    (
        "email verification sent",
        lambda w: reverse("account_email_verification_sent"),
        expect(200),
    ),
    (
        "login code confirm",
        lambda w: reverse("account_confirm_login_code"),
        expect(302),
    ),
    (
        "password reset (allauth address)",
        lambda w: reverse("account_reset_password"),
        expect(200),
    ),
    (
        "password reset done",
        lambda w: reverse("account_reset_password_done"),
        expect(200),
    ),
    (
        "password reset from key done",
        lambda w: reverse("account_reset_password_from_key_done"),
        expect(200),
    ),
    (
        "password set",
        lambda w: reverse("account_set_password"),
        expect(302, anonymous=LOGIN),
    ),
    (
        "reauthenticate",
        lambda w: reverse("account_reauthenticate"),
        expect(200, anonymous=LOGIN),
    ),
    # allauth 65.22: reauthentication by mailed code, off here like login by code,
    # so every account is sent on to the password and visitors to the login.
    (
        "reauthenticate by code",
        lambda w: reverse("account_request_reauthentication_code"),
        expect(302),
    ),
    (
        "reauthenticate by code, confirm",
        lambda w: reverse("account_confirm_reauthentication_code"),
        expect(302),
    ),
    ("two-factor login step", lambda w: reverse("mfa_authenticate"), expect(302)),
    (
        "two-factor reauthenticate",
        lambda w: reverse("mfa_reauthenticate"),
        expect(302, anonymous=LOGIN),
    ),
    (
        "recovery codes",
        lambda w: reverse("mfa_view_recovery_codes"),
        expect(404, anonymous=LOGIN),
    ),
    (
        "recovery codes download",
        lambda w: reverse("mfa_download_recovery_codes"),
        expect(404, anonymous=LOGIN),
    ),
    (
        "recovery codes generate",
        lambda w: reverse("mfa_generate_recovery_codes"),
        expect(302, anonymous=LOGIN),
    ),
    (
        "authenticator setup",
        lambda w: reverse("mfa_activate_totp"),
        expect(302),
    ),
    (
        "authenticator removal",
        lambda w: reverse("mfa_deactivate_totp"),
        expect(404, anonymous=LOGIN),
    ),
    (
        "password-protected page form",
        lambda w: "/_util/authenticate_with_password/999/999/",
        expect(404),
    ),
    (
        "password-protected document form",
        lambda w: "/dokumente/authenticate_with_password/999/",
        expect(404),
    ),
    # -- volunteer pool and mentoring (member side) --------------------------
    ("own pool entry", lambda w: reverse("members:pool"), MEMBERS_ONLY),
    (
        "pool pause",
        lambda w: reverse("members:pool_pause"),
        expect(NOT_ALLOWED, anonymous=LOGIN),
    ),
    (
        "pool resume",
        lambda w: reverse("members:pool_resume"),
        expect(NOT_ALLOWED, anonymous=LOGIN),
    ),
    ("pool leave", lambda w: reverse("members:pool_leave"), expect(302)),
    (
        "pool message answer (token)",
        lambda w: reverse(
            "members:pool_message_answer", args=[w["pool_message"].token]
        ),
        expect(200),
    ),
    (
        "pool message decline (token)",
        lambda w: reverse(
            "members:pool_message_decline", args=[w["pool_message"].token]
        ),
        expect(200),
    ),
    ("own mentoring", lambda w: reverse("members:mentoring"), MEMBERS_ONLY),
    (
        "withdraw another's mentoring application",
        lambda w: reverse("members:mentoring_withdraw", args=[w["mentee"].pk]),
        expect(NOT_ALLOWED, anonymous=LOGIN),
    ),
    (
        "mentoring proposal (token)",
        lambda w: reverse("members:mentoring_proposal", args=["falsch"]),
        expect(404),
    ),
    # -- comments and registrations (member side) ----------------------------
    (
        "comment create (GET)",
        lambda w: reverse("comments:comment_create", args=[w["forum"].pk]),
        expect(NOT_ALLOWED),
    ),
    (
        "comment reply (GET)",
        lambda w: reverse("comments:comment_reply", args=[w["comment"].pk]),
        expect(NOT_ALLOWED),
    ),
    (
        "edit another's comment",
        lambda w: reverse("comments:comment_edit", args=[w["comment"].pk]),
        expect(403),
    ),
    (
        "delete another's comment",
        lambda w: reverse("comments:comment_delete", args=[w["comment"].pk]),
        expect(NOT_ALLOWED),
    ),
    (
        "report a comment (GET)",
        lambda w: reverse("comments:comment_report", args=[w["comment"].pk]),
        expect(200, anonymous=403),
    ),
    (
        "registration done",
        lambda w: reverse("registrations:registration_done", args=[w["event"].pk]),
        expect(302),
    ),
    (
        "cancel another's registration",
        lambda w: reverse(
            "registrations:registration_cancel_own", args=[w["registration"].pk]
        ),
        expect(NOT_ALLOWED),
    ),
    (
        "accept another's seat",
        lambda w: reverse(
            "registrations:registration_accept_own", args=[w["registration"].pk]
        ),
        expect(NOT_ALLOWED),
    ),
    (
        "registration confirm with a bad token",
        lambda w: reverse("registrations:registration_confirm", args=["falsch"]),
        expect(400),
    ),
    (
        "registration accept with a bad token",
        lambda w: reverse("registrations:registration_accept", args=["falsch"]),
        expect(400),
    ),
    (
        "registration cancel with a bad token",
        lambda w: reverse("registrations:registration_cancel", args=["falsch"]),
        expect(400),
    ),
    # -- subscriptions ------------------------------------------------------
    (
        "subscription requested",
        lambda w: reverse("subscriptions:subscription_requested"),
        expect(200),
    ),
    (
        "subscription confirm with a bad token",
        lambda w: reverse("subscriptions:subscription_confirm", args=["falsch"]),
        expect(400),
    ),
    (
        "subscription settings with a bad token",
        lambda w: reverse("subscriptions:subscription_settings", args=["falsch"]),
        expect(400),
    ),
    (
        "unsubscribe with a bad token",
        lambda w: reverse("subscriptions:subscription_unsubscribe", args=["falsch"]),
        expect(400),
    ),
    # -- surveys (member and caller side) ------------------------------------
    ("surveys", lambda w: reverse("surveys:survey_list"), MEMBERS_ONLY),
    (
        "answer a survey",
        lambda w: reverse("surveys:survey_answer", args=[w["survey"].pk]),
        MEMBERS_ONLY,
    ),
    (
        "survey phone consent",
        lambda w: reverse("surveys:survey_phone_consent"),
        MEMBERS_ONLY,
    ),
    (
        "own call lists",
        lambda w: reverse("surveys:survey_call_lists"),
        expect(403, anonymous=LOGIN, superuser=200),
    ),
    (
        "another caller's call list",
        lambda w: reverse("surveys:survey_call_list", args=[w["call_list"].pk]),
        expect(403, anonymous=LOGIN, superuser=404),
    ),
    (
        "another caller's call entry",
        lambda w: reverse(
            "surveys:survey_call_entry",
            args=[w["call_list"].pk, w["call_entry"].pk],
        ),
        expect(403, anonymous=LOGIN, superuser=404),
    ),
    # -- more feeds and API ---------------------------------------------------
    ("news atom", lambda w: reverse("news:feed_news_atom"), expect(200)),
    ("briefings rss", lambda w: reverse("news:feed_briefings_rss"), expect(200)),
    (
        "topic rss",
        lambda w: reverse("news:feed_topic_rss", args=[w["topic"].slug]),
        expect(200),
    ),
    (
        "topic atom",
        lambda w: reverse("news:feed_topic_atom", args=[w["topic"].slug]),
        expect(200),
    ),
    (
        "district rss",
        lambda w: reverse("news:feed_district_rss", args=[w["district"].slug]),
        expect(200),
    ),
    (
        "district atom",
        lambda w: reverse("news:feed_district_atom", args=[w["district"].slug]),
        expect(200),
    ),
    (
        "topic calendar ics",
        lambda w: reverse("dialog_feeds:feed_calendar_topic", args=[w["topic"].slug]),
        expect(200),
    ),
    ("topic index", lambda w: reverse("topics:index"), expect(200)),
    (
        "topic page",
        lambda w: reverse("topics:detail", args=[w["topic"].slug]),
        expect(200),
    ),
    ("api page find", lambda w: "/api/v2/pages/find/?html_path=/", expect(302)),
    ("api images", lambda w: "/api/v2/images/", expect(200)),
    (
        "api document",
        lambda w: f"/api/v2/documents/{w['document'].pk}/",
        expect(200),
    ),
    (
        "api document find",
        lambda w: f"/api/v2/documents/find/?id={w['document'].pk}",
        expect(302),
    ),
    ("api image", lambda w: "/api/v2/images/999/", expect(404)),
    ("api image find", lambda w: "/api/v2/images/find/?id=999", expect(404)),
    # -- admin: coordination tools --------------------------------------------
    (
        "admin pool search",
        lambda w: reverse("volunteer_pool:search"),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin write to a pool member",
        lambda w: reverse("volunteer_pool:write", args=[w["pool_entry"].pk]),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin pool messages",
        lambda w: reverse("volunteer_pool:messages"),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin another coordinator's pool message",
        lambda w: reverse("volunteer_pool:message", args=[w["pool_message"].pk]),
        tools(404, 302, press=403, district_editor=403),
    ),
    (
        "admin mentoring",
        lambda w: reverse("mentoring:applications"),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin mentoring pairs",
        lambda w: reverse("mentoring:pairs"),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin close a mentoring pair (GET)",
        lambda w: reverse("mentoring:pair_close", args=[w["pair"].pk]),
        tools(NOT_ALLOWED, 302, press=403, district_editor=403),
    ),
    (
        "admin new members",
        lambda w: reverse("onboarding:index"),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin new member record",
        lambda w: reverse("onboarding:detail", args=[w["onboarding"].pk]),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin other district's new member",
        lambda w: reverse("onboarding:detail", args=[w["other_onboarding"].pk]),
        tools(200, 302, press=403, district_editor=403, district_coordinator=404),
    ),
    (
        "admin new member step (GET)",
        lambda w: reverse("onboarding:step", args=[w["onboarding"].pk]),
        tools(NOT_ALLOWED, 302, press=NOT_ALLOWED, district_editor=NOT_ALLOWED),
    ),
    (
        "admin new members by district",
        lambda w: reverse("onboarding:overview"),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin new members import",
        lambda w: reverse("onboarding:import"),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin surveys",
        lambda w: reverse("survey_admin:index"),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin add survey",
        lambda w: reverse("survey_admin:add"),
        tools(200, 302, press=403, district_editor=403, district_coordinator=403),
    ),
    (
        "admin edit survey",
        lambda w: reverse("survey_admin:edit", args=[w["survey"].pk]),
        tools(200, 302, press=403, district_editor=403, district_coordinator=403),
    ),
    (
        "admin survey results",
        lambda w: reverse("survey_admin:results", args=[w["survey"].pk]),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin survey results csv",
        lambda w: reverse("survey_admin:results_csv", args=[w["survey"].pk]),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin survey responses csv",
        lambda w: reverse("survey_admin:responses_csv", args=[w["survey"].pk]),
        tools(200, 302, press=403, district_editor=403),
    ),
    (
        "admin survey call lists",
        lambda w: reverse("survey_admin:call_lists", args=[w["survey"].pk]),
        tools(200, 302, press=403, district_editor=403),
    ),
    # -- admin: editors, press, state office ----------------------------------
    (
        "admin promote a registration (GET)",
        lambda w: reverse(
            "registrations_promote", args=[w["event"].pk, w["registration"].pk]
        ),
        staff(NOT_ALLOWED, 302),
    ),
    (
        "admin copy event to next month",
        lambda w: reverse("dialog_event_copy_next_month", args=[w["event"].pk]),
        staff(200, 302, press=403, district_coordinator=403, coordinator=403),
    ),
    (
        "admin comment detail",
        lambda w: reverse("comment_moderation:detail", args=[w["comment"].pk]),
        staff(200, 302, district_editor=404, district_coordinator=403, coordinator=403),
    ),
    (
        "admin membership verification",
        lambda w: reverse(
            "membership_verifications:inspect", args=[w["verification"].pk]
        ),
        staff(200, 302, district_coordinator=404, coordinator=404, press=404),
    ),
    (
        "admin confirm a membership (GET)",
        lambda w: reverse(
            "membership_verifications:confirm", args=[w["verification"].pk]
        ),
        staff(NOT_ALLOWED, 302),
    ),
    (
        "admin information formats report",
        lambda w: reverse("tracker_evaluation_report"),
        staff(403, 302, press=200, state_office=200, superuser=200),
    ),
    (
        "admin information formats csv",
        lambda w: reverse("tracker_evaluation_report") + "?export=briefings",
        staff(403, 302, press=200, state_office=200, superuser=200),
    ),
    (
        "admin briefing remarks",
        lambda w: reverse("tracker_evaluation_remarks", args=[w["public_briefing"].pk]),
        staff(403, 302, press=200, state_office=200, superuser=200),
    ),
    (
        "admin agreement import",
        lambda w: reverse("tracker_item_import"),
        staff(403, 302, state_office=200, superuser=200),
    ),
    (
        "admin agreement items",
        lambda w: reverse("tracker_item:index"),
        staff(403, 302, state_office=200, superuser=200),
    ),
    (
        "admin agreement status updates",
        lambda w: reverse("tracker_status_update:index"),
        staff(403, 302, state_office=200, superuser=200),
    ),
    (
        "admin district data import",
        lambda w: reverse("home_district_data_import", args=[w["district_data"].pk]),
        staff(403, 302, state_office=200, superuser=200),
    ),
    (
        "admin notifications sent",
        lambda w: reverse("versand:index"),
        staff(403, 302, state_office=200, superuser=200),
    ),
    (
        "admin subscribers",
        lambda w: reverse("abonnierende:index"),
        staff(403, 302, state_office=200, superuser=200),
    ),
    (
        "admin add a status update",
        lambda w: reverse("tracker_status_update:add"),
        staff(403, 302, state_office=200, superuser=200),
    ),
    (
        "admin approve a comment (GET)",
        lambda w: reverse("comment_moderation:approve", args=[w["comment"].pk]),
        staff(NOT_ALLOWED, 302),
    ),
    (
        "admin reject a comment (GET)",
        lambda w: reverse("comment_moderation:reject", args=[w["comment"].pk]),
        staff(NOT_ALLOWED, 302),
    ),
    (
        "admin hide a comment (GET)",
        lambda w: reverse("comment_moderation:hide", args=[w["comment"].pk]),
        staff(NOT_ALLOWED, 302),
    ),
    (
        "admin membership verification results",
        lambda w: reverse("membership_verifications:index_results"),
        staff(200, 302, district_coordinator=403, coordinator=403, press=403),
    ),
    (
        "admin reject a membership",
        lambda w: reverse(
            "membership_verifications:reject", args=[w["verification"].pk]
        ),
        staff(200, 302, district_coordinator=403, coordinator=403, press=403),
    ),
    (
        "admin revoke a membership",
        lambda w: reverse(
            "membership_verifications:revoke", args=[w["verification"].pk]
        ),
        staff(200, 302, district_coordinator=403, coordinator=403, press=403),
    ),
    (
        "admin membership verification history",
        lambda w: reverse(
            "membership_verifications:history", args=[w["verification"].pk]
        ),
        staff(403, 302, district_coordinator=404, coordinator=404, press=404),
    ),
    (
        "admin membership verification history results",
        lambda w: reverse(
            "membership_verifications:history_results", args=[w["verification"].pk]
        ),
        staff(403, 302, district_coordinator=404, coordinator=404, press=404),
    ),
    (
        "admin membership verification usage",
        lambda w: reverse(
            "membership_verifications:usage", args=[w["verification"].pk]
        ),
        staff(403, 302, district_coordinator=404, coordinator=404, press=404),
    ),
    # -- admin: Wagtail's own views (they answer a redirect, not 403) ----------
    (
        "admin page explorer",
        lambda w: reverse("wagtailadmin_explore_root"),
        staff(302, 302, state_office=200, superuser=200),
    ),
    (
        "admin documents",
        lambda w: reverse("wagtaildocs:index"),
        staff(200, 302, district_coordinator=302, coordinator=302),
    ),
    (
        "admin images",
        lambda w: reverse("wagtailimages:index"),
        staff(200, 302, district_coordinator=302, coordinator=302),
    ),
    (
        "admin snippets",
        lambda w: reverse("wagtailsnippets:index"),
        staff(302, 302, superuser=200),
    ),
    ("admin account", lambda w: reverse("wagtailadmin_account"), staff(200, 302)),
    (
        "admin sites",
        lambda w: reverse("wagtailsites:index"),
        staff(302, 302, superuser=200),
    ),
    (
        "admin redirects",
        lambda w: reverse("wagtailredirects:index"),
        staff(302, 302, superuser=200),
    ),
    (
        "admin translations report",
        lambda w: reverse("wagtail_localize:translations_report"),
        staff(200, 302),
    ),
]


@pytest.fixture
def world(
    home_page,
    news_index,
    public_briefing,
    members_briefing,
    district_index,
    district,
    other_district,
    event_index,
    members_group,
    make_user,
):
    other_member = make_user("clara", groups=[members_group])
    other_member.email = OTHER_MEMBER_EMAIL
    other_member.save()
    ProfileFactory(user=other_member, display_name="Clara Z.")
    event = EventPageFactory(
        parent=district,
        title="Basiskonferenz Mieten",
        kind=EventPage.Kind.BASE_CONFERENCE,
        registration_mode=RegistrationMode.MEMBERS,
        capacity=20,
        start=in_days(10),
        district=district,
    )
    other_event = EventPageFactory(
        parent=other_district,
        title="Themenrat Stadtrand",
        registration_mode=RegistrationMode.OPEN,
        capacity=20,
        start=in_days(12),
        district=other_district,
    )
    registration = RegistrationFactory(
        page=event, user=other_member, email="", name="Clara Z."
    )
    RegistrationFactory(
        page=other_event,
        name="Gast",
        email="gast@example.org",
    )
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    comment = CommentFactory(
        page=forum, author=other_member, body="Mehr Sozialwohnungen!"
    )
    NewsArticlePageFactory(parent=news_index, title="Neue Mietenkampagne")
    verification = MembershipVerificationFactory(
        user=other_member, district=district, membership_number="4711"
    )
    SubscriberFactory(email=OTHER_MEMBER_EMAIL)
    document = get_document_model().objects.create(
        title="Satzung", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="satzung.pdf")
    )
    roles_sync()
    return {
        **_tools_world(
            other_member, district, other_district, make_user, members_group
        ),
        **_pages_world(home_page, district_index, district, public_briefing),
        "event_index": event_index,
        "comment": comment,
        "registration": registration,
        "verification": verification,
        "news_index": news_index,
        "public_briefing": public_briefing,
        "members_briefing": members_briefing,
        "district": district,
        "other_district": other_district,
        "event": event,
        "other_event": other_event,
        "forum": forum,
        "document": document,
        "other_member": other_member,
    }


def _tools_world(other_member, district, other_district, make_user, members_group):
    """What the coordination tools list: Clara of the first district everywhere,
    Bodo of the other district in the new-member records."""
    pool_entry = PoolEntryFactory(
        user=other_member, districts=[district], skills=["Plakatieren"]
    )
    sender = make_user("sender", groups=[members_group])
    pool_message = PoolMessageFactory(sender=sender, recipient=other_member)
    mentee = MentoringApplicationFactory(
        user=other_member,
        district=district,
        role=MentoringApplication.Role.MENTEE,
        status=MentoringApplication.Status.MATCHED,
    )
    pair = MentoringPairFactory(
        mentee_application=mentee,
        mentor_application__user=sender,
        mentor_application__district=district,
    )
    onboarding = OnboardingFactory(
        user=other_member, district=district, phone=OTHER_MEMBER_PHONE
    )
    other_onboarding = OnboardingFactory(
        user=None,
        source="import",
        name="Bodo M.",
        district=other_district,
        email=OTHER_DISTRICT_EMAIL,
        phone=OTHER_DISTRICT_PHONE,
    )
    survey = SurveyFactory()
    SurveyQuestionFactory(survey=survey)
    caller = make_user("anruferin")
    call_list = CallListFactory(survey=survey, district=district, caller=caller)
    call_entry = CallListEntryFactory(call_list=call_list, member=other_member)
    return {
        "pool_entry": pool_entry,
        "pool_message": pool_message,
        "mentee": mentee,
        "pair": pair,
        "onboarding": onboarding,
        "other_onboarding": other_onboarding,
        "survey": survey,
        "call_list": call_list,
        "call_entry": call_entry,
    }


def _pages_world(home_page, district_index, district, public_briefing):
    topic = TopicFactory(name="Mieten", slug="mieten")
    working_group = WorkingGroupPageFactory(parent=home_page, title="AG Mitglieder")
    district_data = DistrictDataPageFactory(parent=district_index)
    DistrictFigureFactory(page=district_data, district=district)
    agreement = CoalitionAgreementPageFactory(parent=home_page)
    chapter = AgreementChapterFactory(agreement=agreement, number=1)
    StatusUpdateFactory(item=AgreementItemFactory(chapter=chapter, number=1))
    return {
        "topic": topic,
        "working_group": working_group,
        "district_data": district_data,
        "agreement": agreement,
    }


@pytest.fixture
def as_role(client, make_user, members_group, world):
    def log_in(role):
        groups = {
            "registered": [],
            "member": [members_group],
            "press": [
                Group.objects.get(name=PRESS_GROUP_NAME),
                Group.objects.get(name=APPROVERS_GROUP_NAME),
            ],
            "district_editor": [district_editor_group_ensure(world["district"])],
            "district_coordinator": [
                district_coordinator_group_ensure(world["district"])
            ],
            "coordinator": [Group.objects.get(name=COORDINATORS_GROUP_NAME)],
            "state_office": [Group.objects.get(name=STATE_OFFICE_GROUP_NAME)],
        }
        if role == "superuser":
            client.force_login(make_user("chefin", is_superuser=True, is_staff=True))
        elif role != "anonymous":
            client.force_login(make_user(f"user-{role}", groups=groups[role]))
        return client

    return log_in


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(as_role, world, role):
    """One test per role (the world is built once), listing every mismatch."""
    client = as_role(role)
    mismatches = []

    for name, url, expected in MATRIX:
        status = client.get(url(world)).status_code
        if status != expected[role]:
            mismatches.append(f"{name}: {status}, expected {expected[role]}")

    assert not mismatches, f"as {role}: " + "; ".join(mismatches)


def _content(response):
    return (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode(errors="replace")


@pytest.mark.parametrize("role", ["anonymous", "registered", "member"])
def test_no_response_shows_another_members_contact(as_role, world, role):
    """Every URL of the matrix, whatever it answers: no page, export, feed,
    error page or API response shows a member another member's address."""
    client = as_role(role)

    for name, url, _expected in MATRIX:
        content = _content(client.get(url(world)))
        for secret in (
            OTHER_MEMBER_EMAIL,
            OTHER_MEMBER_PHONE,
            OTHER_DISTRICT_EMAIL,
            OTHER_DISTRICT_PHONE,
        ):
            assert secret not in content, name


@pytest.mark.parametrize("role", ["district_editor", "district_coordinator"])
def test_a_district_role_never_sees_another_districts_member(as_role, world, role):
    client = as_role(role)

    for name, url, _expected in MATRIX:
        content = _content(client.get(url(world)))
        assert OTHER_DISTRICT_EMAIL not in content, name
        assert OTHER_DISTRICT_PHONE not in content, name


OWN_APPS = (
    "home.",
    "news.",
    "comments.",
    "surveys.",
    "registrations.",
    "subscriptions.",
    "dialog.",
    "education.",
    "members.",
    "search.",
    "tracker.",
    "portal.",
)
# URLs the matrix does not request, and why.
NOT_REQUESTED = {
    "admin/test404/": "Wagtail's own 404 test page",
    "admin/login/": "redirects to the site login (test_mfa)",
    "admin/password_reset/": "redirects to the site's password reset",
    "_util/login/": "Wagtail's login for password-protected pages",
}


def _routes(patterns=None, prefix=""):
    """``(route, view)`` of every URL pattern, as ``resolve()`` names routes."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = URLResolver._join_route(prefix, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route, pattern.lookup_str


def test_the_matrix_requests_every_url_of_the_portal(world):
    """Every site, feed, API and download URL, and every admin view of our
    own apps, has a row: a new URL without a row fails here."""
    requested = {resolve(urlsplit(url(world)).path).route for _name, url, _ in MATRIX}
    wanted = {
        route.removeprefix("^")
        for route, view in _routes()
        if not route.startswith("admin/") or view.startswith(OWN_APPS)
    }
    requested = {route.removeprefix("^") for route in requested}

    # Views of our admin viewsets: the write matrix below covers each of them.
    prefixes = tuple(f"admin/{viewset.url_prefix}/" for viewset in _our_viewsets())
    missing = sorted(
        route
        for route in wanted - requested - set(NOT_REQUESTED)
        if not route.startswith(prefixes)
    )

    assert not missing, "no matrix row for: " + ", ".join(missing)


# -- write actions ------------------------------------------------------------
# Every admin viewset and admin URL of our apps × every action × every role,
# with an object of the role's own district (A) and one of another district or
# of the whole state. Each case runs in a savepoint that is rolled back, so one
# world serves every case of a role. Refused POSTs must leave the row as it was;
# allowed ones must really change it.

WRITE_ROLES = [
    "anonymous",
    "member",
    "press",
    "district_editor",
    "district_coordinator",
    "coordinator",
    "state_office",
    "approver",
    "superuser",
]
STATEWIDE = {"coordinator", "state_office", "superuser"}
NO_ADMIN = {"anonymous": LOGIN, "member": LOGIN, "approver": LOGIN}


def outcome(allowed, ok, refused, **by_role):
    """``role -> (status, done)``: ``ok`` and the write done for ``allowed``,
    ``refused`` (or ``by_role``) and nothing done for the others."""
    result = {}
    for role in WRITE_ROLES:
        if role in by_role:
            result[role] = (by_role[role], role in allowed)
        elif role in allowed:
            result[role] = (ok, True)
        else:
            result[role] = (NO_ADMIN.get(role, refused), False)
    return result


def superuser_only(ok, refused=302, **by_role):
    return outcome({"superuser"}, ok, refused, **by_role)


def _form_data(viewset_name, instance=None, **changes):
    """The POST data of a viewset's form, filled from ``instance``."""
    form_class = _viewset(viewset_name).get_form_class(for_update=instance is not None)
    form = form_class(instance=instance)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = list(value) if isinstance(value, list | tuple) else value
    for formset in getattr(form, "formsets", {}).values():
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for index, subform in enumerate(formset.forms):
            for name in subform.fields:
                value = subform[name].value()
                if value is not None:
                    data[f"{formset.prefix}-{index}-{name}"] = value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not False}


def _viewset(name):
    for viewset in _our_viewsets():
        if viewset.url_namespace == name:
            return viewset
    raise LookupError(name)


def _admin_viewsets():
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.base import ViewSetGroup

    assert get_resolver().url_patterns  # the admin registers its viewsets here

    def flat(items):
        for item in items:
            if isinstance(item, ViewSetGroup):
                yield from flat(item.registerables)
            else:
                yield item

    return list(flat(viewsets.viewsets))


def _changed(model, pk, **fields):
    if not fields:
        return None
    return lambda w: model.objects.filter(pk=pk, **fields).exists()


def _gone(obj):
    return lambda w: not type(obj).objects.filter(pk=obj.pk).exists()


def _more(model, before):
    return lambda w: model.objects.count() > before


def _model_cases(
    ns,
    obj,
    *,
    fields,
    expect_write,
    expect_read,
    label,
    model=None,
    history=None,
    usage=None,
):
    """add, edit, delete, copy, history, usage (and inspect) of one object."""
    model = model or type(obj)
    viewset = _viewset(ns)
    history = history or expect_read
    usage = usage or expect_read

    def form_of(action):
        return {
            role: (200 if done else status, False)
            for role, (status, done) in expect_write(action).items()
        }

    names = {p.name for p in viewset.get_urlpatterns()}
    key = "list" if "list" in names else "index"
    cases = [
        (f"{ns}:{key}", [], label, "get", lambda w: None, None, expect_read),
        (
            f"{ns}:edit",
            [obj.pk],
            label,
            "post",
            lambda w: _form_data(ns, obj, **fields),
            _changed(model, obj.pk, **fields),
            expect_write("change"),
        ),
        (
            f"{ns}:delete",
            [obj.pk],
            label,
            "post",
            lambda w: {},
            _gone(obj),
            expect_write("delete"),
        ),
        (f"{ns}:history", [obj.pk], label, "get", lambda w: None, None, history),
        (f"{ns}:usage", [obj.pk], label, "get", lambda w: None, None, usage),
        (f"{ns}:add", [], label, "get", lambda w: None, None, form_of("add")),
    ]
    if "inspect" in names:
        cases.append(
            (f"{ns}:inspect", [obj.pk], label, "get", lambda w: None, None, expect_read)
        )
    if "copy" in names:
        cases.append(
            (f"{ns}:copy", [obj.pk], label, "get", lambda w: None, None, form_of("add"))
        )
    chooser = ns.replace("wagtailsnippets_", "wagtailsnippetchoosers_")
    if chooser != ns:
        cases.append(
            (
                f"{chooser}:create",
                [],
                label,
                "get",
                lambda w: None,
                None,
                form_of("add"),
            )
        )
    return cases


@pytest.fixture
def write_world(world, make_user, members_group):
    from comments.models import Comment
    from dialog.factories import VenueFactory
    from members.factories import WelcomeMailTextFactory
    from subscriptions.models import PageNotification, Subscriber
    from tracker.models import AgreementChapter, AgreementItem, StatusUpdate

    district, other = world["district"], world["other_district"]
    w = dict(world)
    w["venue"] = VenueFactory(name="Haus A", district=district)
    w["other_venue"] = VenueFactory(name="Haus B", district=other)
    w["statewide_venue"] = VenueFactory(name="Haus Land", district=None)
    w["welcome"] = WelcomeMailTextFactory()
    w["chapter"] = AgreementChapter.objects.first()
    w["item"] = AgreementItem.objects.first()
    w["status_update"] = StatusUpdate.objects.first()
    w["subscriber"] = Subscriber.objects.first()
    w["notification"] = PageNotification.objects.create(
        page=world["public_briefing"], total=1
    )
    w["topic_obj"] = world["topic"]
    w["other_verification"] = MembershipVerificationFactory(
        user=make_user("bodo", groups=[]), district=other, membership_number="4712"
    )
    other_mentee = MentoringApplicationFactory(
        user=make_user("mentee-b"),
        district=other,
        role=MentoringApplication.Role.MENTEE,
        status=MentoringApplication.Status.MATCHED,
    )
    w["other_pair"] = MentoringPairFactory(
        mentee_application=other_mentee,
        mentor_application__user=make_user("mentor-b"),
        mentor_application__district=other,
    )
    w["other_registration"] = world["other_event"].registrations.first()
    w["district_comment"] = CommentFactory(
        page=world["event"], author=world["other_member"], body="Im Bezirk"
    )
    # Waiting for approval, so that approving one is a change to see.
    Comment.objects.filter(
        pk__in=[world["comment"].pk, w["district_comment"].pk]
    ).update(status=Comment.Status.PENDING)
    return w


def _write_cases(w):
    from comments.models import Comment
    from members.models import MembershipVerification, Onboarding
    from members.models import MentoringPair as Pair
    from registrations.models import Registration
    from surveys.models import CallList, Survey
    from tracker.models import StatusUpdate

    tools_roles = {"district_coordinator", "coordinator", "state_office", "superuser"}
    cases = []
    # Surveys: statewide; every holder of the tool reads, statewide roles write.
    cases += _model_cases(
        "survey_admin",
        w["survey"],
        fields={"title": "Geändert"},
        label="statewide survey",
        expect_write=lambda action: outcome(
            STATEWIDE, 302, 403, district_coordinator=403
        ),
        expect_read=outcome(tools_roles, 200, 403),
        history=outcome(STATEWIDE, 200, 403),
        usage=outcome(STATEWIDE, 200, 403),
    )
    cases += [
        (
            "survey_admin:add",
            [],
            "statewide survey",
            "post",
            lambda w: _form_data("survey_admin", None, title="Neu", status="draft"),
            lambda w: Survey.objects.filter(title="Neu").exists(),
            outcome(STATEWIDE, 302, 403),
        ),
        (
            "survey_admin:results",
            [w["survey"].pk],
            "statewide survey",
            "get",
            lambda w: None,
            None,
            outcome(tools_roles, 200, 403),
        ),
        (
            "survey_admin:results_csv",
            [w["survey"].pk],
            "statewide survey (export)",
            "get",
            lambda w: None,
            None,
            outcome(tools_roles, 200, 403),
        ),
        (
            "survey_admin:responses_csv",
            [w["survey"].pk],
            "statewide survey (export)",
            "get",
            lambda w: None,
            None,
            outcome(tools_roles, 200, 403),
        ),
        (
            "survey_admin:call_lists",
            [w["survey"].pk],
            "call list for another district",
            "post",
            lambda w: {
                "district": w["other_district"].pk,
                "caller": w["call_list"].caller.pk,
                "limit": 5,
            },
            lambda w: CallList.objects.filter(district=w["other_district"]).exists(),
            outcome(set(), 200, 403, **dict.fromkeys(tools_roles, 400)),
        ),
    ]
    # Venues: district data; only superusers hold the model permissions.
    for key, label in (
        ("venue", "own district's venue"),
        ("other_venue", "other district's venue"),
        ("statewide_venue", "statewide venue"),
    ):
        cases += _model_cases(
            "wagtailsnippets_dialog_venue",
            w[key],
            fields={"name": "Umbenannt"},
            label=label,
            expect_write=lambda action: superuser_only(302),
            expect_read=superuser_only(200),
        )
    # Statewide snippets and models: topics, welcome mail, tracker, sends.
    cases += _model_cases(
        "wagtailsnippets_home_topic",
        w["topic_obj"],
        fields={"name": "Wohnen"},
        label="statewide topic",
        expect_write=lambda action: superuser_only(302),
        expect_read=superuser_only(200),
    )
    cases += _model_cases(
        "wagtailsnippets_members_welcomemailtext",
        w["welcome"],
        fields={"subject": "Hallo {name}"},
        label="statewide welcome mail",
        expect_write=lambda action: superuser_only(302),
        expect_read=superuser_only(200),
    )
    office = {"state_office", "superuser"}
    for ns, key, fields in (
        ("tracker_chapter", "chapter", {"title": "Neues Kapitel"}),
        ("tracker_item", "item", {"title": "Neues Vorhaben"}),
    ):
        cases += _model_cases(
            ns,
            w[key],
            fields=fields,
            label="statewide " + key,
            expect_write=lambda action: outcome(office, 302, 403),
            expect_read=outcome(office, 200, 403),
        )
    cases += _model_cases(
        "tracker_status_update",
        w["status_update"],
        fields={"note": "Nachgetragen"},
        label="statewide status update (append-only)",
        expect_write=lambda action: (
            outcome(office, 302, 403)
            if action == "add"
            else outcome({"superuser"} - {"superuser"}, 302, 403)
        ),
        expect_read=outcome(office, 200, 403),
        usage=outcome(set(), 200, 403),
        model=StatusUpdate,
    )
    for ns, key in (("versand", "notification"), ("abonnierende", "subscriber")):
        cases += _model_cases(
            ns,
            w[key],
            fields={},
            label="statewide " + key + " (read-only)",
            expect_write=lambda action: (
                superuser_only(302, 403)
                if action == "delete"
                else outcome(set(), 302, 403)
            ),
            expect_read=outcome(office, 200, 403),
            history=superuser_only(200, 403),
            usage=outcome(set(), 200, 403),
        )
    # Membership verifications: district editors for their district, the
    # state office and superusers; nobody adds, edits or deletes. Roles without
    # the tool get 404 for one request (Wagtail's lookup comes first).
    deciders = {"district_editor", "state_office", "superuser"}
    no_tool = dict.fromkeys(("press", "district_coordinator", "coordinator"), 404)
    for key, label, scope in (
        ("verification", "own district's verification", deciders),
        (
            "other_verification",
            "other district's verification",
            {"state_office", "superuser"},
        ),
    ):
        obj = w[key]
        hidden = dict.fromkeys(deciders - scope, 404)
        decide = outcome(scope, 302, 403, **hidden, **dict.fromkeys(no_tool, 403))
        cases += [
            (
                "membership_verifications:inspect",
                [obj.pk],
                label,
                "get",
                lambda w: None,
                None,
                outcome(scope, 200, 403, **no_tool, **hidden),
            ),
            (
                "membership_verifications:edit",
                [obj.pk],
                label,
                "post",
                lambda w: {"rejection_reason": "x"},
                lambda w, obj=obj: MembershipVerification.objects.filter(
                    pk=obj.pk, rejection_reason="x"
                ).exists(),
                outcome(set(), 302, 403),
            ),
            (
                "membership_verifications:delete",
                [obj.pk],
                label,
                "post",
                lambda w: {},
                _gone(obj),
                outcome(set(), 302, 403),
            ),
            (
                "membership_verifications:confirm",
                [obj.pk],
                label,
                "post",
                lambda w: {},
                lambda w, obj=obj: MembershipVerification.objects.filter(
                    pk=obj.pk, status="confirmed"
                ).exists(),
                decide,
            ),
        ]
        for action in ("reject", "revoke"):
            cases.append(
                (
                    f"membership_verifications:{action}",
                    [obj.pk],
                    label,
                    "get",
                    lambda w: None,
                    None,
                    {
                        role: (200 if done else st, False)
                        for role, (st, done) in decide.items()
                    },
                )
            )
        for action in ("history", "usage"):
            cases.append(
                (
                    f"membership_verifications:{action}",
                    [obj.pk],
                    label,
                    "get",
                    lambda w: None,
                    None,
                    outcome(set(), 200, 403, **no_tool, **hidden),
                )
            )
    cases.append(
        (
            "membership_verifications:add",
            [],
            "verification",
            "get",
            lambda w: None,
            None,
            outcome(set(), 200, 403),
        )
    )
    # Registrations of an event in A and in B.
    organisers = {"district_editor", "state_office", "superuser"}
    for reg_key, label, scope in (
        ("registration", "own district's registration", organisers),
        (
            "other_registration",
            "other district's registration",
            {"state_office", "superuser"},
        ),
    ):
        reg = w[reg_key]
        cases += [
            (
                "registrations_csv",
                [reg.page_id],
                label + " (export)",
                "get",
                lambda w: None,
                None,
                outcome(scope, 200, 404),
            ),
            (
                "registrations_promote",
                [reg.page_id, reg.pk],
                label,
                "post",
                lambda w: {},
                lambda w, reg=reg: (
                    Registration.objects.filter(pk=reg.pk)
                    .exclude(status=reg.status)
                    .exists()
                ),
                outcome(set(), 302, 404, **dict.fromkeys(scope, 302)),
            ),
        ]
    # New members: records of A and B.
    for key, label, scope in (
        ("onboarding", "own district's new member", tools_roles),
        ("other_onboarding", "other district's new member", STATEWIDE),
    ):
        obj = w[key]
        cases.append(
            (
                "onboarding:step",
                [obj.pk],
                label,
                "post",
                lambda w: {"step": "welcome_call", "action": "done", "note": ""},
                lambda w, obj=obj: (
                    Onboarding.objects.get(pk=obj.pk)
                    .steps.filter(step="welcome_call")
                    .exists()
                ),
                outcome(
                    scope,
                    302,
                    403,
                    **dict.fromkeys(tools_roles - scope, 404),
                ),
            )
        )
    # Mentoring pairs of A and B.
    for key, label, scope in (
        ("pair", "own district's pair", tools_roles),
        ("other_pair", "other district's pair", STATEWIDE),
    ):
        obj = w[key]
        cases.append(
            (
                "mentoring:pair_close",
                [obj.pk],
                label,
                "post",
                lambda w: {"status": "ended"},
                lambda w, obj=obj: Pair.objects.filter(
                    pk=obj.pk, status="ended"
                ).exists(),
                outcome(scope, 302, 403, **dict.fromkeys(tools_roles - scope, 404)),
            )
        )
    # Comments: one on a statewide forum, one on an event of A.
    moderators_all = {"press", "superuser", "state_office"}
    for key, label, scope in (
        ("comment", "statewide forum's comment", moderators_all),
        (
            "district_comment",
            "own district's comment",
            moderators_all | {"district_editor"},
        ),
    ):
        obj = w[key]
        out_of_scope = dict.fromkeys({"district_editor"} - scope, 404)
        for action, status in (
            ("approve", "approved"),
            ("hide", "hidden"),
            ("reject", "rejected"),
        ):
            cases.append(
                (
                    f"comment_moderation:{action}",
                    [obj.pk],
                    label,
                    "post",
                    lambda w: {"reason": "Beleidigung"},
                    lambda w, obj=obj, status=status: Comment.objects.filter(
                        pk=obj.pk, status=status
                    ).exists(),
                    outcome(scope, 302, 403, **out_of_scope),
                )
            )
    cases.append(
        (
            "onboarding:import",
            [],
            "new members into the user's districts",
            "get",
            lambda w: None,
            None,
            outcome(tools_roles, 200, 403),
        )
    )
    # The other district's and statewide venue must be unknown to a district
    # role with venue rights: covered by the policy test below.
    return cases


@pytest.fixture
def as_write_role(as_role, client, make_user):
    def log_in(role):
        if role == "approver":
            approvers = Group.objects.get(name=APPROVERS_GROUP_NAME)
            client.force_login(make_user("freigabe", groups=[approvers]))
            return client
        if role == "member":
            return as_role("member")
        return as_role(role)

    return log_in


def _run(client, case, w):
    from django.db import transaction

    name, args, label, method, data, done, expected = case
    url = reverse(name, args=args)

    class Rollback(Exception):
        pass

    result = {}
    try:
        with transaction.atomic():
            if method == "get":
                response = client.get(url)
            else:
                response = client.post(url, data(w))
            result["status"] = response.status_code
            result["done"] = done(w) if done else None
            raise Rollback
    except Rollback:
        pass
    return result


@pytest.mark.parametrize("role", WRITE_ROLES)
def test_write_matrix(as_write_role, write_world, role):
    """Every write action on every admin viewset, as ``role``: the status, and
    whether the row really changed (a refused delete leaves the row)."""
    client = as_write_role(role)
    mismatches = []

    for case in _write_cases(write_world):
        name, args, label, method, _data, done, expected = case
        status, allowed = expected[role]
        result = _run(client, case, write_world)
        if result["status"] != status:
            mismatches.append(
                f"{name} ({label}): {result['status']}, expected {status}"
            )
        if done is not None and result["done"] != allowed:
            mismatches.append(
                f"{name} ({label}): {'done' if result['done'] else 'not done'}, "
                f"expected {'done' if allowed else 'not done'}"
            )

    assert not mismatches, f"as {role}: " + "; ".join(mismatches)


# Admin URL names of our viewsets and admin URLs that only read (lists, result
# fragments, choosers): the read matrix above requests them.
READ_ONLY = {
    "index",
    "index_results",
    "list_results",
    "history_results",
    "choose",
    "choose_results",
    "chosen",
    "chosen_multiple",
    "detail",
    "overview",
    "applications",
    "pairs",
    "search",
    "messages",
    "message",
}


def _our_admin_actions():
    """``namespace:name`` of every URL of an admin viewset of our apps."""
    return {
        f"{viewset.url_namespace}:{pattern.name}"
        for viewset in _our_viewsets()
        for pattern in viewset.get_urlpatterns()
        if getattr(pattern, "name", None)
    }


def _our_viewsets():
    own = tuple(app.rstrip(".") for app in OWN_APPS)
    for viewset in _admin_viewsets():
        model = getattr(viewset, "model", None)
        app = model._meta.app_label if hasattr(model, "_meta") else None
        if type(viewset).__module__.split(".")[0] in own or app in own:
            yield viewset


def test_the_write_matrix_covers_every_admin_action_of_our_viewsets(write_world):
    """A new viewset (or a new view of one) without a write-matrix entry fails."""
    covered = {case[0] for case in _write_cases(write_world)}
    wanted = {
        action
        for action in _our_admin_actions()
        if action.split(":", 1)[1] not in READ_ONLY
    }

    missing = sorted(wanted - covered)

    assert not missing, "no write-matrix entry for: " + ", ".join(missing)
