"""Demo volunteer pool and mentoring: varied entries, two applications per side,
one active pair. Repeatable: everything is looked up by its user."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from core.services import members_group_get
from home.models import DistrictPage
from members.factories import ProfileFactory, UserFactory
from members.models import MentoringApplication, MentoringPair, PoolEntry

DISTRICT_EDITORS = "Bezirksredaktion Friedrichshain-Kreuzberg"

# username, display name, skills, district slugs, languages, availability, state
POOL = [
    ("mitglied", None, ["Social Media", "Infostand"], ["friedrichshain-kreuzberg"],
     ["de", "en"], ["weekends"], "active"),
    ("pool-aylin", "Aylin K.", ["Übersetzung Türkisch", "Moderation"],
     ["friedrichshain-kreuzberg", "neukoelln"], ["de", "tr"], ["weekday_evenings"],
     "active"),
    ("pool-samir", "Samir", ["Übersetzung Arabisch", "Fahrdienst"], ["neukoelln"],
     ["de", "ar"], ["weekends", "short_notice"], "active"),
    ("pool-jana", "Jana W.", ["Layout", "Fotografie"], ["pankow"], ["de"],
     ["few_hours_month"], "active"),
    ("pool-tom", "Tom", ["IT", "Social Media"], ["friedrichshain-kreuzberg", "mitte"],
     ["de", "en"], ["weekday_evenings"], "active"),
    ("pool-petra", "Petra S.", ["Plakatieren", "Infostand"], ["marzahn-hellersdorf"],
     ["de", "ru"], ["weekday_daytime"], "active"),
    ("pool-mehmet", "Mehmet", ["Plakatieren", "Fahrdienst"],
     ["friedrichshain-kreuzberg"], ["de", "tr", "ku"], ["weekends"], "active"),
    ("pool-lena", "Lena", ["Kinderbetreuung"], ["lichtenberg", "mitte"], ["de"],
     ["weekends"], "active"),
    ("pool-olga", "Olga", ["Übersetzung Englisch", "Moderation"], ["mitte"],
     ["de", "en", "uk"], ["weekday_evenings"], "active"),
    ("pool-fatma", "Fatma", ["Kinderbetreuung", "Übersetzung Türkisch"],
     ["friedrichshain-kreuzberg"], ["tr", "de"], ["weekday_daytime"], "paused"),
    ("pool-karl", "Karl", ["Plakatieren"], ["pankow"], ["de"], ["short_notice"],
     "paused_until"),
    ("pool-nadia", "Nadia", ["Social Media", "Layout"], ["neukoelln"],
     ["ar", "fr", "de"], ["few_hours_month"], "withdrawn"),
    ("pool-ben", "Ben", ["IT"], ["tempelhof-schoeneberg"], ["de", "en"],
     ["weekday_evenings"], "active"),
    ("pool-ines", "Ines", ["Moderation", "Infostand"], ["steglitz-zehlendorf"],
     ["de", "es"], ["weekends"], "active"),
    ("pool-yusuf", "Yusuf", ["Fahrdienst", "Plakatieren"], ["spandau"],
     ["de", "tr"], ["weekends", "short_notice"], "active"),
]  # fmt: skip

# username, display name, role, goals, self-identification, district slug
MENTORING = [
    ("pool-aylin", None, "mentee",
     "Ich möchte lernen, in der Bezirksverordnetenversammlung zu sprechen.",
     ["woman", "migration"], "friedrichshain-kreuzberg"),
    ("pool-samir", None, "mentee", "Wie funktioniert ein Parteitag? Anträge schreiben.",
     ["migration"], "neukoelln"),
    ("mentor-gisela", "Gisela (BVV-Fraktion)", "mentor",
     "Zwanzig Jahre Kommunalpolitik, gern mit Frauen, die neu dabei sind.",
     ["woman"], "friedrichshain-kreuzberg"),
    ("mentor-hakan", "Hakan", "mentor",
     "Anträge, Pressearbeit, Reden – auch auf Türkisch.", [], "neukoelln"),
]  # fmt: skip


def _member(username, display_name):
    user = UserFactory(username=username)
    user.groups.add(members_group_get())
    if display_name:
        ProfileFactory(user=user, display_name=display_name)
    return user


def load() -> dict:
    """Create or update the demo pool and mentoring; returns counts."""
    now = timezone.now()
    today = timezone.localdate()
    districts = {district.slug: district for district in DistrictPage.objects.all()}
    users = get_user_model().objects
    for row in POOL:
        username, name, skills, slugs, languages, availability, state = row
        user = users.get(username=username) if name is None else _member(username, name)
        entry, _created = PoolEntry.objects.update_or_create(
            user=user,
            defaults={
                "languages": {code: True for code in languages},
                "availability": {code: True for code in availability},
                "contact_consented_at": None if state == "withdrawn" else now,
                "contact_consent_version": 1,
                "contact_consent_withdrawn_at": now if state == "withdrawn" else None,
                "paused": state in ("paused", "paused_until"),
                "paused_until": today + timedelta(days=21)
                if state == "paused_until"
                else None,
            },
        )
        entry.districts.set([districts[slug] for slug in slugs if slug in districts])
        entry.skills.set(skills)

    applications = {}
    for username, name, role, goals, identification, slug in MENTORING:
        user = users.get(username=username) if name is None else _member(username, name)
        applications[username], _created = (
            MentoringApplication.objects.update_or_create(
                user=user,
                role=role,
                defaults={
                    "goals": goals,
                    "languages": ["de"],
                    "district": districts.get(slug),
                    "availability": ["weekday_evenings"],
                    "self_identification": identification,
                    "consented_at": now,
                    "consent_version": 1,
                },
            )
        )
    mentee, mentor = applications["pool-aylin"], applications["mentor-gisela"]
    MentoringPair.objects.get_or_create(
        mentee_application=mentee,
        mentor_application=mentor,
        defaults={
            "status": MentoringPair.Status.ACTIVE,
            "mentee_accepted_at": now,
            "mentor_accepted_at": now,
            "activated_at": now,
            "proposal_mailed_at": now,
            "introduction_mailed_at": now,
        },
    )
    MentoringApplication.objects.filter(pk__in=[mentee.pk, mentor.pk]).update(
        status=MentoringApplication.Status.MATCHED
    )

    # The district editors of Friedrichshain-Kreuzberg coordinate their pool.
    editors = Group.objects.filter(name=DISTRICT_EDITORS).first()
    if editors is not None:
        editors.permissions.add(
            Permission.objects.get(
                content_type__app_label="members", codename="search_volunteer_pool"
            )
        )
    return {
        "pool entries": PoolEntry.objects.count(),
        "mentoring applications": MentoringApplication.objects.count(),
        "mentoring pairs": MentoringPair.objects.count(),
    }
