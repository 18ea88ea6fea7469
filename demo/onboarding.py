"""Demo of the welcome standard and of working-group membership.

New members in four districts at different steps and ages (some waiting more
than 14 days), the welcome mail text, the coordinator permission for the
Friedrichshain-Kreuzberg editors, and AG Mitgliederarbeit with members and a
coordinator. Everything is looked up by a natural key, so a rerun changes nothing.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from core.services import members_group_get
from dialog.models import WorkingGroupCoordinator, WorkingGroupPage
from home.models import DistrictPage
from members.models import (
    Onboarding,
    OnboardingStep,
    OnboardingStepDone,
    Profile,
    WelcomeMailText,
)
from registrations.models import Registration, RegistrationMode

DISTRICT_EDITOR_GROUP = "Bezirksredaktion Friedrichshain-Kreuzberg"
WORKING_GROUP_SLUG = "ag-mitgliederarbeit"
S = OnboardingStep

WELCOME_TEXTS = {
    "de": (
        "Willkommen in der Partei, {name}!",
        "Hallo {name},\n\n"
        "schön, dass du da bist! Dein Bezirksverband {district} freut sich "
        "auf dich.\n\n"
        "Beim nächsten Neumitgliedertreffen lernst du uns kennen: {next_meeting}\n\n"
        "In den nächsten Tagen ruft dich jemand aus dem Bezirk an und fragt, was "
        "dich interessiert.\n\nSolidarische Grüße\nDein Bezirksverband\n",
    ),
    "en": (
        "Welcome to the party, {name}!",
        "Hello {name},\n\n"
        "great to have you! Your district association {district} looks forward to "
        "meeting you.\n\nCome to the next new-member meeting: {next_meeting}\n\n"
        "Someone from the district will call you in the coming days.\n\n"
        "In solidarity\nYour district association\n",
    ),
}

# username, display name, district slug, joined days ago, {step: done days ago}
NEW_MEMBERS = [
    ("neu-fk-1", "Aylin K.", "friedrichshain-kreuzberg", 3, {S.WELCOME_MAIL: 3}),
    (
        "neu-fk-2",
        "Jonas W.",
        "friedrichshain-kreuzberg",
        25,
        {S.WELCOME_MAIL: 25},
    ),
    (
        "neu-fk-3",
        "Mira S.",
        "friedrichshain-kreuzberg",
        40,
        {S.WELCOME_MAIL: 40, S.WELCOME_CALL: 36, S.MEETING_INVITED: 35},
    ),
    (
        "neu-mitte-1",
        "Hannes B.",
        "mitte",
        30,
        {S.WELCOME_MAIL: 30, S.WELCOME_CALL: 28, S.MEETING_INVITED: 27},
    ),
    (
        "neu-mitte-2",
        "Leyla T.",
        "mitte",
        60,
        {
            S.WELCOME_MAIL: 60,
            S.WELCOME_CALL: 55,
            S.MEETING_INVITED: 54,
            S.MEETING_ATTENDED: 40,
            S.MENTOR_OFFERED: 40,
            S.SUBSCRIPTIONS: 39,
        },
    ),
    ("neu-neukoelln-1", "Sami R.", "neukoelln", 18, {S.WELCOME_MAIL: 18}),
    (
        "neu-neukoelln-2",
        "Frieda L.",
        "neukoelln",
        9,
        {S.WELCOME_MAIL: 9, S.WELCOME_CALL: 5},
    ),
]

# Imported (joined offline, no account yet): name, email, district, days ago, steps
IMPORTED = [
    (
        "Erika Muster",
        "erika.muster@example.org",
        "marzahn-hellersdorf",
        20,
        {S.WELCOME_MAIL: 20},
    ),
    (
        "Bernd Beispiel",
        "bernd.beispiel@example.org",
        "friedrichshain-kreuzberg",
        16,
        {S.WELCOME_MAIL: 16, S.WELCOME_CALL: 12},
    ),
]

GROUP_MEMBERS = ["mitglied", "neu-fk-3", "neu-mitte-2", "neu-neukoelln-2"]


def load(outcomes) -> None:
    _grant_coordinators()
    for language, (subject, body) in WELCOME_TEXTS.items():
        _, created = WelcomeMailText.objects.get_or_create(
            language=language, defaults={"subject": subject, "body": body}
        )
        _record(outcomes, "welcome mail text", created)
    districts = {district.slug: district for district in DistrictPage.objects.all()}
    today = timezone.localdate()
    for username, name, slug, joined, steps in NEW_MEMBERS:
        user = _member(username, name, districts.get(slug))
        record, created = Onboarding.objects.get_or_create(
            user=user,
            defaults={
                "district": districts.get(slug),
                "joined_on": today - timedelta(days=joined),
            },
        )
        _record(outcomes, "onboarding", created)
        _steps(record, steps)
    for name, email, slug, joined, steps in IMPORTED:
        record, created = Onboarding.objects.get_or_create(
            email=email,
            defaults={
                "name": name,
                "district": districts.get(slug),
                "joined_on": today - timedelta(days=joined),
                "source": Onboarding.Source.IMPORT,
                "phone": "030 0000000",
            },
        )
        _record(outcomes, "onboarding", created)
        _steps(record, steps)
    _working_group(outcomes)


def _grant_coordinators():
    permission = Permission.objects.get(
        content_type__app_label="members", codename="manage_onboarding"
    )
    group = Group.objects.filter(name=DISTRICT_EDITOR_GROUP).first()
    if group is not None:
        group.permissions.add(permission)


def _member(username, display_name, district):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": f"{username}@example.org"},
    )
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(members_group_get())
    Profile.objects.get_or_create(
        user=user, defaults={"display_name": display_name, "district": district}
    )
    return user


def _steps(record, steps):
    for step, days_ago in steps.items():
        day = timezone.localdate() - timedelta(days=days_ago)
        OnboardingStepDone.objects.get_or_create(
            onboarding=record,
            step=step,
            defaults={
                "done_at": timezone.make_aware(datetime.combine(day, time(11))),
            },
        )


def _working_group(outcomes):
    group = WorkingGroupPage.objects.filter(slug=WORKING_GROUP_SLUG).first()
    if group is None:
        return
    if group.registration_mode != RegistrationMode.OPEN or not group.open_to_all:
        # Open to all interested (the party's resolution): guests join by mail.
        group.registration_mode = RegistrationMode.OPEN
        group.open_to_all = True
        group.save_revision().publish()
    users = get_user_model().objects.filter(username__in=GROUP_MEMBERS)
    now = timezone.now()
    for user in users:
        exists = Registration.objects.filter(page=group, user=user).active().exists()
        if not exists:
            Registration.objects.create(
                page=group,
                user=user,
                status=Registration.Status.CONFIRMED,
                created_at=now,
                confirmed_at=now,
                consent_at=now,
            )
        _record(outcomes, "working group member", not exists)
    coordinator = users.filter(username="mitglied").first()
    if coordinator is not None:
        _, created = WorkingGroupCoordinator.objects.get_or_create(
            page=group, user=coordinator
        )
        _record(outcomes, "working group coordinator", created)


def _record(outcomes, kind, created):
    outcome = "created" if created else "unchanged"
    outcomes[outcome] += 1
    outcomes[f"{kind}:{outcome}"] += 1
