"""Demo registrations: a members-only base conference, a full thematic council
with childcare and a waiting list, a course and a working group to join.

Rows are written directly (no mails); running again changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model

from core.services import members_group_get
from dialog.models import EventPage, WorkingGroupPage
from education.models import CoursePage
from registrations.models import Registration

from . import content

Status = Registration.Status

KIEZ_COUNCIL = dict(
    slug="themenrat-kiezkultur",
    title="Themenrat Kiezkultur: Räume für Initiativen",
    kind="thematic_council",
    venue="Karl-Liebknecht-Haus",
    event_format=content.ONSITE,
    registration_mode="open",
    capacity=6,
    childcare_offered=True,
    district="friedrichshain-kreuzberg",
    teaser="Stadtteilinitiativen, Kulturschaffende und Partei beraten, wie Räume im "
    "Kiez bezahlbar bleiben. Kleine Runde, Kinderbetreuung vor Ort.",
    body="Mit Kurzberichten aus drei Initiativen und einer Arbeitsphase in Gruppen. "
    "Initiativen melden sich bitte mit dem Namen ihrer Organisation an.",
)

DEMO_MEMBERS = [("demo-jana", "Jana", "Schulz"), ("demo-murat", "Murat", "Demir")]

# name, email, organisation, children's ages, step-free, status
COUNCIL_GUESTS = [
    ("Lena Vogt", "lena.vogt@example.org", "Mieterinitiative Wrangelkiez", [1, 4]),
    ("Yusuf Arslan", "yusuf@example.org", "Kiezladen Friedel", []),
    ("Sofia Marx", "sofia@example.org", "Bündnis Zwangsräumung verhindern", [0]),
    ("Paul Richter", "paul@example.org", "", [7]),
    ("Mina Haddad", "mina@example.org", "Nachbarschaftshaus Urbanstraße", []),
    ("Tom Becker", "tom@example.org", "", []),
    ("Ida Kranz", "ida@example.org", "Stadtteilladen Lunte", [3]),
]


def build_registrations(builder):
    """Called once from ``DemoBuilder.build_content`` after users and pages."""
    members = _demo_members(builder)
    anchor = builder.at(builder.today - datetime.timedelta(days=7), 9)
    conference = EventPage.objects.get(slug="basiskonferenz-nach-der-wahl")
    _set(builder, conference, accessibility_questions=True)
    _set(builder, conference, online_participation_offered=True)
    for offset, (user, answers) in enumerate(
        [
            (members["mitglied"], {"children_ages": [2], "online": False}),
            (members["demo-jana"], {"needs_step_free": True}),
            (members["demo-murat"], {"online": True}),
        ]
    ):
        _registration(conference, offset, builder_anchor=anchor, user=user, **answers)

    calendar = conference.get_parent()
    start = builder.at(builder.on(4, content.SAT), 10)
    council = builder.event(calendar, KIEZ_COUNCIL, start=start, hours=4)
    _set(builder, council, accessibility_questions=True)
    for offset, (name, email, organisation, ages) in enumerate(COUNCIL_GUESTS):
        _registration(
            council,
            offset,
            builder_anchor=anchor,
            name=name,
            email=email,
            organisation=organisation,
            children_ages=ages,
            needs_step_free=name == "Tom Becker",
            status=Status.CONFIRMED if offset < 6 else Status.WAITING,
        )

    course = CoursePage.objects.get(slug="neu-dabei")
    _set(builder, course, registration_mode="members")
    _registration(course, 0, builder_anchor=anchor, user=members["mitglied"])

    group = WorkingGroupPage.objects.get(slug="ag-mitgliederarbeit")
    _set(builder, group, registration_mode="open")
    _registration(group, 0, builder_anchor=anchor, user=members["demo-jana"])


def _demo_members(builder):
    """Members who exist only to fill lists; they cannot log in."""
    group = members_group_get()
    users = {"mitglied": get_user_model().objects.get(username="mitglied")}
    for username, first, last in DEMO_MEMBERS:
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.org",
            },
        )
        if created:
            user.set_unusable_password()
            user.save()
            user.groups.add(group)
        builder._record("user", "created" if created else "unchanged")
        users[username] = user
    return users


def _set(builder, page, **fields):
    """Give a demo page registration settings, publishing only on change."""
    page = type(page).objects.get(pk=page.pk)
    if all(getattr(page, name) == value for name, value in fields.items()):
        return
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    builder._touch(page)


def _registration(
    page, offset, *, builder_anchor, user=None, email="", status=None, **fields
):
    """One registration, registered ``offset`` hours after the first."""
    created_at = builder_anchor + datetime.timedelta(hours=offset)
    status = status or Status.CONFIRMED
    lookup = {"user": user} if user else {"email": email}
    Registration.objects.update_or_create(
        page=page,
        **lookup,
        defaults={
            "status": status,
            "created_at": created_at,
            "consent_at": created_at,
            "confirmed_at": created_at if status == Status.CONFIRMED else None,
            "queued_at": created_at if status == Status.WAITING else None,
            "language": "de",
            **fields,
        },
    )
