"""Demo coalition tracker: one agreement, 5 chapters, 40 items with history.

Also links briefings and base conferences to it, and adds some evaluation
answers and usage counts. Repeatable: nothing is duplicated on a second run.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from demo.builders import HOME_SLUG
from dialog.models import EventPage
from home.models import HomePage, Topic
from news.models import DecisionBriefingPage
from tracker.models import (
    AgreementChapter,
    AgreementItem,
    BriefingFeedback,
    CoalitionAgreementPage,
    ItemStatus,
    Metric,
    UsageCount,
)
from tracker.services.agreements import item_current_status_sync

SLUG = "koalitionsvertrag"
S = ItemStatus

# (number, title, summary, department, topic slug, [(item title, agreed text)])
CHAPTERS = [
    (
        1,
        "Wohnen und Mieten",
        "Bezahlbarer Wohnraum, Schutz vor Verdrängung, Neubau in öffentlicher Hand.",
        "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen",
        "mieten-wohnen",
        [
            (
                "Mietenstopp bei landeseigenen Wohnungen",
                "Die landeseigenen Wohnungsunternehmen erhöhen die Mieten bis 2028 "
                "um höchstens 1 % im Jahr.",
            ),
            (
                "35.000 neue landeseigene Wohnungen",
                "Die landeseigenen Gesellschaften bauen in der Wahlperiode 35.000 "
                "Wohnungen, die Hälfte davon mietpreisgebunden.",
            ),
            (
                "Vergesellschaftungsrahmengesetz",
                "Der Senat legt ein Rahmengesetz zur Vergesellschaftung großer "
                "Wohnungsbestände vor.",
            ),
            (
                "Wohnungstauschbörse ausbauen",
                "Die Tauschbörse der landeseigenen Gesellschaften wird für alle "
                "Berliner Mieterinnen und Mieter geöffnet.",
            ),
            (
                "Zweckentfremdung wirksam verfolgen",
                "Die Bezirke erhalten je zwei zusätzliche Stellen gegen "
                "Ferienwohnungen und Leerstand.",
            ),
            (
                "Mieterberatung in allen Bezirken",
                "Jeder Bezirk bietet eine kostenlose Mieterberatung an mindestens "
                "drei Tagen pro Woche an.",
            ),
            (
                "Sozialwohnungen länger binden",
                "Belegungsbindungen geförderter Wohnungen gelten künftig mindestens "
                "30 Jahre.",
            ),
            (
                "Bodenfonds gründen",
                "Das Land gründet einen Bodenfonds, der Grundstücke ankauft und nur "
                "in Erbpacht vergibt.",
            ),
        ],
    ),
    (
        2,
        "Mobilität",
        "Ausbau von Bus und Bahn, sichere Rad- und Fußwege, bezahlbare Tickets.",
        "Senatsverwaltung für Mobilität, Verkehr, Klimaschutz und Umwelt",
        "verkehr-mobilitaet",
        [
            (
                "Sozialticket für 9 Euro",
                "Das Sozialticket kostet dauerhaft 9 Euro im Monat.",
            ),
            (
                "Straßenbahn nach Spandau",
                "Die Planung der Straßenbahn nach Spandau wird bis 2027 abgeschlossen.",
            ),
            (
                "Radverkehrsnetz schließen",
                "Jedes Jahr werden mindestens 100 Kilometer geschützte Radwege gebaut.",
            ),
            (
                "Schulwege sicher machen",
                "Vor allen Grundschulen gilt Tempo 30 und es gibt sichere Querungen.",
            ),
            ("Busspuren ausweiten", "Das Busspurnetz wird um 50 Kilometer erweitert."),
            (
                "Barrierefreie U-Bahnhöfe",
                "Bis 2028 sind alle U-Bahnhöfe mit Aufzügen ausgestattet.",
            ),
            (
                "Kiezblocks unterstützen",
                "Der Senat fördert bezirkliche Kiezblocks mit einem eigenen Programm.",
            ),
            (
                "Nachtbusnetz in den Außenbezirken",
                "Die Außenbezirke erhalten ein dichteres Nachtbusnetz.",
            ),
        ],
    ),
    (
        3,
        "Gesundheit und Pflege",
        "Krankenhäuser in öffentlicher Hand, gute Arbeit in der Pflege.",
        "Senatsverwaltung für Wissenschaft, Gesundheit und Pflege",
        "pflege-gesundheit",
        [
            (
                "Krankenhausplan mit Personalbemessung",
                "Der neue Krankenhausplan enthält verbindliche Personalvorgaben.",
            ),
            (
                "Gesundheitszentren in jedem Bezirk",
                "In jedem Bezirk entsteht ein kommunales Gesundheitszentrum.",
            ),
            (
                "Tochterunternehmen zurückführen",
                "Die Tochterunternehmen von Vivantes und Charité werden in den TVöD "
                "zurückgeführt.",
            ),
            (
                "Pflegestützpunkte ausbauen",
                "Jeder Bezirk erhält einen zusätzlichen Pflegestützpunkt.",
            ),
            (
                "Hitzeschutzplan",
                "Berlin beschließt einen verbindlichen Hitzeschutzplan für "
                "Pflegeheime und Kliniken.",
            ),
            (
                "Investitionen in Krankenhäuser",
                "Die Investitionsmittel für Krankenhäuser steigen auf 350 Mio. Euro "
                "im Jahr.",
            ),
            (
                "Psychosoziale Versorgung von Kindern",
                "Wartezeiten auf einen Therapieplatz für Kinder werden halbiert.",
            ),
            (
                "Hebammenversorgung sichern",
                "Das Land fördert Hebammenzentren in unterversorgten Bezirken.",
            ),
        ],
    ),
    (
        4,
        "Bildung",
        "Gute Schulen in allen Kiezen, Kitaplätze, Ausbildung.",
        "Senatsverwaltung für Bildung, Jugend und Familie",
        "bildung",
        [
            (
                "Schulbauoffensive fortsetzen",
                "Die Schulbauoffensive wird mit 1 Mrd. Euro im Jahr fortgesetzt.",
            ),
            (
                "Kostenloses Schulessen erhalten",
                "Das kostenfreie Mittagessen an Grundschulen bleibt erhalten.",
            ),
            (
                "Ausbildungsplatzumlage",
                "Berlin führt eine Ausbildungsplatzumlage für Betriebe ein, die "
                "nicht ausbilden.",
            ),
            ("Kitaplätze ausbauen", "Es entstehen 10.000 zusätzliche Kitaplätze."),
            (
                "Schulsozialarbeit an jeder Schule",
                "Jede Schule erhält mindestens eine Stelle für Schulsozialarbeit.",
            ),
            (
                "Lernmittelfreiheit",
                "Lernmittel bleiben für alle Schülerinnen und Schüler kostenfrei.",
            ),
            (
                "Jugendclubs sichern",
                "Die Finanzierung der Jugendfreizeiteinrichtungen wird verstetigt.",
            ),
            (
                "Digitale Ausstattung der Schulen",
                "Alle Schulen erhalten schnelles Internet und Geräte für jedes Kind.",
            ),
        ],
    ),
    (
        5,
        "Soziales und Arbeit",
        "Gute Arbeit, soziale Sicherheit und eine Stadt für alle.",
        "Senatsverwaltung für Arbeit, Soziales, Gleichstellung, Integration, "
        "Vielfalt und Antidiskriminierung",
        "arbeit-soziales",
        [
            ("Landesmindestlohn 15 Euro", "Der Landesmindestlohn steigt auf 15 Euro."),
            (
                "Tariftreue bei Vergaben",
                "Öffentliche Aufträge gehen nur an tarifgebundene Unternehmen.",
            ),
            (
                "Wohnungslosigkeit bis 2030 überwinden",
                "Berlin legt einen Masterplan zur Überwindung der Wohnungslosigkeit "
                "vor.",
            ),
            (
                "Kältehilfe ganzjährig",
                "Die Kältehilfe wird zu einem ganzjährigen Hilfesystem ausgebaut.",
            ),
            (
                "Sozialberatung stärken",
                "Die unabhängige Sozialberatung wird in allen Bezirken gefördert.",
            ),
            (
                "Energieschuldenfonds",
                "Ein Härtefallfonds verhindert Strom- und Gassperren.",
            ),
            (
                "Antidiskriminierungsstelle ausbauen",
                "Die Landesantidiskriminierungsstelle erhält mehr Personal.",
            ),
            (
                "Gute Arbeit bei freien Trägern",
                "Zuwendungen an freie Träger werden an Tariflöhne angepasst.",
            ),
        ],
    ),
]

# Histories to cycle through: (days before today, status, progress), oldest first.
HISTORIES = [
    [(200, S.IN_PROGRESS, 20), (90, S.IN_PROGRESS, 60), (10, S.IMPLEMENTED, 100)],
    [(180, S.IN_PROGRESS, 10), (60, S.IN_PROGRESS, 35)],
    [(150, S.IN_PROGRESS, 30), (40, S.STALLED, 30)],
    [(120, S.NOT_STARTED, 0)],
    [(210, S.IN_PROGRESS, 15), (100, S.IN_PROGRESS, 50), (20, S.IN_PROGRESS, 70)],
    [(160, S.IN_PROGRESS, 10), (30, S.DROPPED, 10)],
    [(90, S.IMPLEMENTED, 100)],
]
NOTES = {
    S.IN_PROGRESS: "Ein Entwurf liegt vor und wird im Ausschuss beraten.",
    S.IMPLEMENTED: "Das Abgeordnetenhaus hat es beschlossen.",
    S.STALLED: "Die Finanzierung ist im Haushaltsentwurf nicht gesichert.",
    S.DROPPED: "Der Senat hat das Vorhaben gestrichen.",
    S.NOT_STARTED: "",
}

# briefing slug → (chapter, item) it touches
BRIEFING_LINKS = {
    "mieten-landeseigene-wohnungsunternehmen": [(1, 1), (1, 4)],
    "sozialticket-gesichert": [(2, 1)],
    "krankenhausplan-vertagt": [(3, 1), (3, 6)],
    "haushalt-soziale-traeger": [(5, 8), (4, 7)],
}
# base conference slug → (chapters it discusses, items it dealt with)
EVENT_LINKS = {
    "basiskonferenz-wahlauswertung": ([1, 2], [(1, 1), (1, 3), (2, 2)]),
    "basiskonferenz-nach-der-wahl": ([5], [(5, 1)]),
    "basiskonferenz-aussenbezirke": ([2], [(2, 8)]),
}


def _agreement():
    agreement = CoalitionAgreementPage.objects.filter(slug=SLUG).first()
    if agreement is not None:
        return agreement, False
    home = HomePage.objects.get(depth=2, slug=HOME_SLUG)
    agreement = CoalitionAgreementPage(
        title="Koalitionsvertrag 2026–2031",
        slug=SLUG,
        signed_on=datetime.date(2026, 10, 20),
        intro=(
            "<p>Was der Senat versprochen hat – und was daraus wird. Wir verfolgen "
            "jedes Vorhaben mit Datum und Quelle, damit Basiskonferenzen über den "
            "Stand der Umsetzung, Erfolge und Probleme beraten können.</p>"
        ),
    )
    home.add_child(instance=agreement)
    agreement.save_revision().publish()
    return agreement, True


def load() -> int:
    """Build the demo tracker; returns how many objects were created."""
    created = 0
    agreement, made = _agreement()
    created += made
    topics = {t.slug: t for t in Topic.objects.filter(locale=Locale.get_default())}
    today = timezone.localdate()
    index = 0
    items = {}
    for number, title, summary, department, topic, entries in CHAPTERS:
        chapter, made = AgreementChapter.objects.get_or_create(
            agreement=agreement,
            number=number,
            defaults={"title": title, "summary": summary},
        )
        created += made
        for item_number, (item_title, text) in enumerate(entries, start=1):
            item, made = AgreementItem.objects.get_or_create(
                chapter=chapter,
                number=item_number,
                defaults={
                    "title": item_title,
                    "agreed_text": text,
                    "department": department,
                },
            )
            items[(number, item_number)] = item
            if made:
                created += 1
                if topic in topics:
                    item.topics.add(topics[topic])
                for days, status, progress in HISTORIES[index % len(HISTORIES)]:
                    item.status_updates.create(
                        date=today - datetime.timedelta(days=days),
                        status=status,
                        progress=progress,
                        note=NOTES[status],
                        source_url="https://www.parlament-berlin.de/"
                        if status == S.IMPLEMENTED
                        else "",
                    )
                item_current_status_sync(item=item)
            index += 1
    for slug, codes in BRIEFING_LINKS.items():
        for briefing in DecisionBriefingPage.objects.filter(slug=slug):
            briefing.agreement_items.add(*[items[code] for code in codes])
    for slug, (chapter_numbers, codes) in EVENT_LINKS.items():
        for event in EventPage.objects.filter(slug=slug):
            event.agreement_chapters.add(
                *agreement.chapters.filter(number__in=chapter_numbers)
            )
            event.agreement_items.add(*[items[code] for code in codes])
    created += _evaluation(today)
    _permissions()
    return created


def _evaluation(today) -> int:
    """Answers of the demo member and two weeks of usage counts."""
    created = 0
    member = get_user_model().objects.filter(username="mitglied").first()
    briefings = list(
        DecisionBriefingPage.objects.filter(slug__in=BRIEFING_LINKS).order_by("pk")
    )
    answers = ["yes", "partly", "no", "yes"]
    if member is not None:
        for briefing, answer in zip(briefings, answers, strict=False):
            _feedback, made = BriefingFeedback.objects.get_or_create(
                briefing=briefing,
                user=member,
                defaults={
                    "answer": answer,
                    "remark": "Die Zahlen haben mir im Gespräch geholfen."
                    if answer == "yes"
                    else "",
                    "consented_at": timezone.now(),
                },
            )
            created += made
    for days in range(14):
        day = today - datetime.timedelta(days=days)
        for position, briefing in enumerate(briefings):
            for metric, count in (
                (Metric.PAGE_VIEW, 20 + 7 * position + days % 5),
                (Metric.PRINT_VIEW, 1 + (days + position) % 3),
            ):
                _row, made = UsageCount.objects.get_or_create(
                    date=day, metric=metric, page=briefing, defaults={"count": count}
                )
                created += made
        for metric, count in ((Metric.FEED, 40 + days % 7), (Metric.CALENDAR, 9)):
            _row, made = UsageCount.objects.get_or_create(
                date=day, metric=metric, page=None, defaults={"count": count}
            )
            created += made
    return created


def _permissions():
    press = Group.objects.filter(name="Pressestelle").first()
    if press is not None:
        press.permissions.add(
            Permission.objects.get(codename="view_evaluation_report"),
            Permission.objects.get(codename="view_agreementitem"),
        )
