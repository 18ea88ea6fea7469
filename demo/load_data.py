"""Party-scale load data for benchmarks: pages, comments, subscribers, members.

Scale 1 is 10,000 pages (news, decision briefings, events, courses), 100,000
comments, 20,000 subscribers, 5,000 members and 50,000 registrations. Saving
that through factories and ``add_child`` takes hours, so rows are written with
``bulk_create``: page tree paths (treebeard steps of four base-36 characters),
``url_path`` and ``numchild`` are computed here, the page-type tables are filled
with one multi-row insert per batch, and the search index is written in batches
through the search backend. Pages are live and published without revisions
(nothing needs them to be served; an editor's first save creates one).

Everything but the dates comes from ``random.Random(seed)``: the same seed gives
the same titles, texts, slugs, people and choices. Dates are placed around
``anchor`` (default: today), so the calendar always has upcoming events.
"""

import datetime
import random
import string
import time
import uuid
from dataclasses import dataclass, fields

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from comments.models import Comment, CommentMode, ModerationMode
from core.people import MEMBERS_GROUP_NAME
from dialog.models import EventFormat, EventIndexPage, EventPage, Venue
from education.models import CourseIndexPage, CoursePage, CourseSession
from home.models import DistrictPage, HomePage, Topic, TopicsMixin
from members.models import Profile
from news.models import DecisionBriefingPage, NewsArticlePage, NewsIndexPage
from registrations.models import Registration, RegistrationMode
from subscriptions.models import CONSENT_VERSION, Subscriber, Subscription
from subscriptions.registry import kind_keys

SLUG_PREFIX = "lt-"
USERNAME_PREFIX = "lt-member-"
PASSWORD = "load-test-2026"  # one hash for every load-test member
BATCH = 500
ALPHABET = string.digits + string.ascii_uppercase  # treebeard's base-36 steps
STEP = 4

SCALE_ONE = {
    "news": 4_000,
    "briefings": 1_500,
    "events": 3_500,
    "courses": 1_000,
    "comments": 100_000,
    "subscribers": 20_000,
    "members": 5_000,
    "registrations": 50_000,
}
REGISTRATIONS_PER_EVENT = 20

WORDS = (
    "Miete Wohnung Mietendeckel Kiez Nachbarschaft Schule Kita Radweg Straßenbahn "
    "Busspur Klimaschutz Wärmewende Stadtwerk Krankenhaus Pflege Bürgeramt Bibliothek "
    "Schwimmbad Spielplatz Jugendclub Sozialticket Mindestlohn Tarifvertrag Haushalt "
    "Bezirksamt Senat Volksentscheid Enteignung Genossenschaft Gewerbemiete Späti "
    "Ehrenamt Initiative Stadtteilzentrum Frauenhaus Migrationsbeirat Integration "
    "Nahverkehr Lärmschutz Stadtgrün Kleingarten Wasserbetriebe Energiearmut "
    "Obdachlosigkeit Sozialwohnung Schulbau Lehrkräfte Hitzeschutz Verkehrswende"
).split()
VERBS = (
    "fordert stärkt rettet bremst sichert verteuert öffnet schließt plant prüft "
    "verbessert gefährdet"
).split()
# Running text: frequent little words and a long tail of rarer ones, so that a
# search word matches a realistic share of pages (Zipf's law), not nearly all.
FILLER = (
    "die der und in den von zu das mit sich des auf für ist im dem nicht ein eine "
    "als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch "
    "wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch "
    "man sein wurde sei Berlin Menschen Stadt Bezirk Jahr Jahren Prozent Euro"
).split()
TAIL = (
    "Abgeordnetenhaus Anwohnende Arbeitsplätze Ausbildung Barrierefreiheit "
    "Bauordnung Bebauungsplan Beteiligung Betriebsrat Bildungsurlaub Bürgerhaushalt "
    "Bürgersteig Carsharing Daseinsvorsorge Denkmalschutz Eigenbedarf Einzelhandel "
    "Elternbeirat Energiepreise Ersatzneubau Fahrradstraße Ferienwohnung Feuerwehr "
    "Flächennutzung Fördermittel Gemeinschaftsgarten Gesundheitsamt Grundsteuer "
    "Hausverwaltung Heizkosten Hochschule Inklusion Jobcenter Kältehilfe Kiezblock "
    "Kitaplatz Kündigung Kulturhaus Ladenschluss Leerstand Luftqualität "
    "Mietpreisbremse Mieterberatung Modernisierung Nachtbus Nebenkosten Neubau "
    "Ordnungsamt Parkraum Personalrat Quartiersmanagement Rente Sanierung "
    "Schulweg Schuldnerberatung Seniorentreff Solaranlage Sozialarbeit Sportplatz "
    "Stadtentwicklung Steuergerechtigkeit Straßenbaum Tagespflege Tempo30 "
    "Umweltzone Vergesellschaftung Vorkaufsrecht Wohngeld Wohnungslosigkeit "
    "Zweckentfremdung Zwangsräumung Bürgerbegehren Ausschuss Anhörung Petition"
).split()
_CONTENT = WORDS + VERBS + TAIL + [a + b.lower() for a in WORDS[:30] for b in TAIL]
random.Random(0).shuffle(_CONTENT)  # topical words spread over the long tail
VOCABULARY = FILLER + _CONTENT
ZIPF = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
ADJECTIVES = (
    "bezahlbare öffentliche soziale neue kommunale gerechte sichere grüne "
    "barrierefreie lokale"
).split()


@dataclass(frozen=True)
class LoadPlan:
    """How many of each thing to create."""

    news: int
    briefings: int
    events: int
    courses: int
    comments: int
    subscribers: int
    members: int
    registrations: int

    @classmethod
    def for_scale(cls, scale: float) -> "LoadPlan":
        return cls(**{key: max(1, round(n * scale)) for key, n in SCALE_ONE.items()})

    @property
    def pages(self) -> int:
        return self.news + self.briefings + self.events + self.courses

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


class LoadDataExists(Exception):
    """The database already holds load data; a second run would duplicate it."""


def load_data_exists() -> bool:
    return (
        get_user_model().objects.filter(username__startswith=USERNAME_PREFIX).exists()
    )


def _step(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEP, "0")


def _number(step: str) -> int:
    return int(step, len(ALPHABET))


class _Writer:
    def __init__(self, *, seed: int, anchor: datetime.date):
        self.rng = random.Random(seed)
        tz = timezone.get_current_timezone()
        self.noon = datetime.datetime.combine(anchor, datetime.time(12), tzinfo=tz)
        self.locale = Locale.get_default()
        self.topics = list(Topic.objects.filter(locale=self.locale).order_by("pk"))
        self.districts = list(
            DistrictPage.objects.filter(locale=self.locale).order_by("path")
        )
        self.venues = list(Venue.objects.filter(locale=self.locale).order_by("pk"))
        self.members_group = Group.objects.get(name=MEMBERS_GROUP_NAME)

    # -- text ------------------------------------------------------------

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def title(self) -> str:
        rng = self.rng
        return (
            f"{rng.choice(WORDS)} {rng.choice(VERBS)} "
            f"{rng.choice(ADJECTIVES)} {rng.choice(WORDS)}"
        )

    def sentence(self, words: int = 12) -> str:
        text = " ".join(self.rng.choices(VOCABULARY, weights=ZIPF, k=words))
        return text[0].upper() + text[1:] + "."

    def paragraphs(self, count: int) -> list[dict]:
        return [
            {
                "type": "paragraph",
                "value": "<p>" + " ".join(self.sentence() for _ in range(4)) + "</p>",
                "id": str(self.uuid()),
            }
            for _ in range(count)
        ]

    def moment(self, *, days_before: int = 0, days_after: int = 0):
        days = self.rng.randint(-days_before, days_after)
        return self.noon + datetime.timedelta(days=days, hours=self.rng.randint(-4, 8))

    # -- pages -----------------------------------------------------------

    def pages(self, *, parent: Page, model, name: str, count: int, fill) -> list[int]:
        """Live pages of ``model`` below ``parent``; ``fill(i)`` gives its fields."""
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = parent.get_last_child()
        start = _number(last.path[-STEP:]) + 1 if last else 1
        content_type = ContentType.objects.get_for_model(model)
        page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        own_fields = model._meta.local_concrete_fields
        has_topics = issubclass(model, TopicsMixin)
        ids = []
        for offset in range(0, count, BATCH):
            base_rows, own_rows, topic_rows = [], [], []
            for i in range(offset, min(count, offset + BATCH)):
                title = self.title()
                slug = f"{SLUG_PREFIX}{name}-{i + 1:05d}"
                published = self.moment(days_before=720)
                values = fill(i)
                page = model(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=parent.path + _step(start + i),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    locale=self.locale,
                    translation_key=self.uuid(),
                    **values,
                )
                base_rows.append(page)
                own_rows.append(page)
                if has_topics and self.topics:
                    topic_rows.append(
                        self.rng.sample(self.topics, k=min(2, len(self.topics)))
                    )
            created = Page.objects.bulk_create(
                [
                    Page(**{f.attname: getattr(row, f.attname) for f in page_fields})
                    for row in base_rows
                ]
            )
            for row, base in zip(own_rows, created, strict=True):
                row.pk = row.id = row.page_ptr_id = base.pk
            model._base_manager._insert(own_rows, fields=own_fields)
            if topic_rows:
                through = model.topics.through
                page_column = next(
                    f.attname
                    for f in through._meta.concrete_fields
                    if f.is_relation and f.related_model is model
                )
                through.objects.bulk_create(
                    [
                        through(**{page_column: row.pk, "topic": t})
                        for row, topics in zip(own_rows, topic_rows, strict=True)
                        for t in topics
                    ]
                )
            ids.extend(row.pk for row in own_rows)
        Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + count)
        return ids

    def district_id(self, share: float = 0.5):
        if self.districts and self.rng.random() < share:
            return self.rng.choice(self.districts).pk
        return None

    def news(self, count: int, parent: Page) -> list[int]:
        def fill(i):
            return {
                "date": self.moment(days_before=720).date(),
                "teaser": self.sentence(20)[:400],
                "body": self.paragraphs(5),
                "district_id": self.district_id(),
                "comments_mode": CommentMode.MEMBERS,
                "moderation": ModerationMode.POST,
            }

        return self.pages(
            parent=parent, model=NewsArticlePage, name="news", count=count, fill=fill
        )

    def briefings(self, count: int, parent: Page) -> tuple[list[int], list[int]]:
        audiences = {}

        def fill(i):
            # One in five is for members only, as on the demo site.
            audience = (
                DecisionBriefingPage.Audience.MEMBERS
                if i % 5 == 4
                else DecisionBriefingPage.Audience.PUBLIC
            )
            audiences[i] = audience
            return {
                "decision_date": self.moment(days_before=360, days_after=180).date(),
                "deciding_body": self.rng.choice(DecisionBriefingPage.Body.values),
                "audience": audience,
                "summary": self.sentence(25)[:500],
                "at_stake": "<p>" + self.sentence(30) + "</p>",
                "background": self.paragraphs(3),
                "talking_points": [
                    {
                        "type": "talking_point",
                        "value": {
                            "point": self.sentence(10)[:200],
                            "explanation": self.sentence(25),
                        },
                        "id": str(self.uuid()),
                    }
                    for _ in range(3)
                ],
                "documents": [],
                "district_id": self.district_id(0.3),
                "comments_mode": CommentMode.MEMBERS,
                "moderation": ModerationMode.POST,
            }

        ids = self.pages(
            parent=parent,
            model=DecisionBriefingPage,
            name="briefing",
            count=count,
            fill=fill,
        )
        restricted = [
            pk
            for i, pk in enumerate(ids)
            if audiences[i] == DecisionBriefingPage.Audience.MEMBERS
        ]
        # Members-only briefings are page privacy for the members group, as
        # ``news.services.briefing_audience_sync`` sets it for edited pages.
        restrictions = PageViewRestriction.objects.bulk_create(
            [
                PageViewRestriction(
                    page_id=pk, restriction_type=PageViewRestriction.GROUPS
                )
                for pk in restricted
            ]
        )
        through = PageViewRestriction.groups.through
        through.objects.bulk_create(
            [
                through(pageviewrestriction_id=r.pk, group_id=self.members_group.pk)
                for r in restrictions
            ]
        )
        return ids, restricted

    def events(self, count: int, parent: Page, with_registration: int) -> list[int]:
        registration_every = max(1, count // max(1, with_registration))

        def fill(i):
            start = self.moment(days_before=120, days_after=240)
            event_format = self.rng.choice(
                [EventFormat.ONSITE, EventFormat.ONSITE, EventFormat.ONLINE]
            )
            registers = (
                i % registration_every == 0
                and i // registration_every < with_registration
            )
            return {
                "kind": self.rng.choice(EventPage.Kind.values),
                "start": start,
                "end": start + datetime.timedelta(hours=2),
                "teaser": self.sentence(18)[:400],
                "event_format": event_format,
                "venue": (
                    self.rng.choice(self.venues)
                    if event_format == EventFormat.ONSITE and self.venues
                    else None
                ),
                "online_link": (
                    "https://konferenz.example.org/b/last"
                    if event_format == EventFormat.ONLINE
                    else ""
                ),
                "for_young_members": self.rng.random() < 0.15,
                "body": self.paragraphs(3),
                "results": [],
                "district_id": self.district_id(0.8),
                "registration_mode": (
                    RegistrationMode.MEMBERS if registers else RegistrationMode.NONE
                ),
                "capacity": REGISTRATIONS_PER_EVENT + 10 if registers else None,
            }

        return self.pages(
            parent=parent, model=EventPage, name="event", count=count, fill=fill
        )

    def courses(self, count: int, parent: Page) -> list[int]:
        def fill(i):
            return {
                "teaser": self.sentence(18)[:400],
                "audience": self.rng.choice(CoursePage.Audience.values),
                "learning_goals": "<ul><li>"
                + "</li><li>".join(self.sentence(8) for _ in range(3))
                + "</li></ul>",
                "body": self.paragraphs(3),
                "materials": [],
                "registration_mode": RegistrationMode.OPEN,
                "capacity": 25,
                "comments_mode": CommentMode.MEMBERS,
                "moderation": ModerationMode.POST,
            }

        ids = self.pages(
            parent=parent, model=CoursePage, name="course", count=count, fill=fill
        )
        sessions = []
        for page_id in ids:
            start = self.moment(days_before=60, days_after=240)
            for number in range(self.rng.randint(1, 3)):
                begins = start + datetime.timedelta(days=7 * number)
                sessions.append(
                    CourseSession(
                        page_id=page_id,
                        sort_order=number,
                        title=f"{number + 1}. {self.title()}"[:160],
                        start=begins,
                        end=begins + datetime.timedelta(hours=3),
                        event_format=EventFormat.ONLINE,
                        online_link="https://konferenz.example.org/b/kurs",
                    )
                )
        CourseSession.objects.bulk_create(sessions, batch_size=BATCH)
        return ids

    # -- people ----------------------------------------------------------

    def members(self, count: int) -> list[int]:
        User = get_user_model()
        password = make_password(PASSWORD)
        joined = self.noon - datetime.timedelta(days=365)
        users = User.objects.bulk_create(
            [
                User(
                    username=f"{USERNAME_PREFIX}{i + 1:05d}",
                    email=f"{USERNAME_PREFIX}{i + 1:05d}@example.org",
                    password=password,
                    is_active=True,
                    date_joined=joined,
                )
                for i in range(count)
            ],
            batch_size=BATCH,
        )
        User.groups.through.objects.bulk_create(
            [
                User.groups.through(user_id=u.pk, group_id=self.members_group.pk)
                for u in users
            ],
            batch_size=BATCH,
        )
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=u, email=u.email, verified=True, primary=True)
                for u in users
            ],
            batch_size=BATCH,
        )
        Profile.objects.bulk_create(
            [
                Profile(
                    user=u,
                    display_name=f"{self.rng.choice(WORDS)[:20]} {i + 1}",
                    district_id=self.district_id(1.0),
                    languages=["de"],
                    preferred_language="de",
                )
                for i, u in enumerate(users)
            ],
            batch_size=BATCH,
        )
        return [u.pk for u in users]

    def comments(self, count: int, page_ids: list[int], author_ids: list[int]):
        rows = []
        for _ in range(count):
            body = self.sentence(self.rng.randint(8, 40))
            rows.append(
                Comment(
                    page_id=self.rng.choice(page_ids),
                    author_id=self.rng.choice(author_ids),
                    body=body,
                    body_normalized=" ".join(body.split()).casefold(),
                    status=Comment.Status.APPROVED,
                    created_at=self.moment(days_before=365),
                )
            )
            if len(rows) == BATCH * 4:
                Comment.objects.bulk_create(rows)
                rows = []
        Comment.objects.bulk_create(rows)

    def subscribers(self, count: int):
        subscribers = Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=f"lt-subscriber-{i + 1:05d}@example.org",
                    language=self.rng.choice(["de"] * 7 + ["en", "tr", "ar"]),
                    confirmed_at=self.noon,
                    consent_version=CONSENT_VERSION,
                    consent_given_at=self.noon,
                )
                for i in range(count)
            ],
            batch_size=BATCH,
        )
        subscriptions = []
        for subscriber in subscribers:
            if self.topics and self.rng.random() < 0.5:
                subscriptions.append(
                    Subscription(
                        subscriber=subscriber, topic=self.rng.choice(self.topics)
                    )
                )
            else:
                subscriptions.append(
                    Subscription(
                        subscriber=subscriber, kind=self.rng.choice(kind_keys())
                    )
                )
        Subscription.objects.bulk_create(subscriptions, batch_size=BATCH)

    def registrations(self, count: int, event_ids: list[int], member_ids: list[int]):
        per_event = min(REGISTRATIONS_PER_EVENT, len(member_ids))
        rows = []
        for n, event_id in enumerate(event_ids):
            wanted = min(per_event, count - n * per_event)
            if wanted <= 0:
                break
            for user_id in self.rng.sample(member_ids, k=wanted):
                at = self.moment(days_before=60)
                rows.append(
                    Registration(
                        page_id=event_id,
                        user_id=user_id,
                        status=Registration.Status.CONFIRMED,
                        language="de",
                        created_at=at,
                        confirmed_at=at,
                        consent_at=at,
                    )
                )
        Registration.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)


def index_pages(page_ids_by_model: dict) -> int:
    """Write the search index entries of new pages in batches."""
    backend = get_search_backend()
    indexed = 0
    for model, ids in page_ids_by_model.items():
        for offset in range(0, len(ids), BATCH):
            chunk = ids[offset : offset + BATCH]
            objects = list(model.get_indexed_objects().filter(pk__in=chunk))
            if issubclass(model, TopicsMixin):
                _attach_topics(model, objects)
            backend.add_bulk(model, objects)
            indexed += len(objects)
    return indexed


def _attach_topics(model, objects) -> None:
    """Topics in memory: the indexer reads a parental M2M once per search field
    and query, which ``prefetch_related`` does not cover (five queries a page)."""
    through = model.topics.through
    page_column = next(
        f.attname
        for f in through._meta.concrete_fields
        if f.is_relation and f.related_model is model
    )
    topics = {}
    for link in through.objects.filter(
        **{f"{page_column}__in": [o.pk for o in objects]}
    ).select_related("topic"):
        topics.setdefault(getattr(link, page_column), []).append(link.topic)
    for obj in objects:
        obj.topics = sorted(topics.get(obj.pk, []), key=lambda t: t.name)


class _Stopwatch:
    """Seconds per step, for the command's report."""

    def __init__(self):
        self.seconds = {}
        self.last = time.monotonic()

    def lap(self, name: str) -> None:
        now = time.monotonic()
        self.seconds[name] = round(now - self.last, 1)
        self.last = now


def generate(
    *, scale: float, seed: int, anchor: datetime.date | None = None
) -> tuple[dict, dict]:
    """Create load data of ``scale`` next to the demo site.

    Returns the counts created and the seconds each step took.
    """
    if load_data_exists():
        raise LoadDataExists
    plan = LoadPlan.for_scale(scale)
    anchor = anchor or timezone.localdate()
    watch = _Stopwatch()
    with transaction.atomic():
        writer = _Writer(seed=seed, anchor=anchor)
        home = HomePage.objects.filter(locale=writer.locale).first()
        news_index = NewsIndexPage.objects.descendant_of(home).first()
        event_index = EventIndexPage.objects.descendant_of(home).first()
        course_index = CourseIndexPage.objects.descendant_of(home).first()
        member_ids = writer.members(plan.members)
        watch.lap("members")
        news = writer.news(plan.news, news_index)
        briefings, _restricted = writer.briefings(plan.briefings, news_index)
        events_with_registration = -(-plan.registrations // REGISTRATIONS_PER_EVENT)
        events = writer.events(plan.events, event_index, events_with_registration)
        courses = writer.courses(plan.courses, course_index)
        watch.lap("pages")
        writer.comments(plan.comments, news + briefings + courses, member_ids)
        watch.lap("comments")
        writer.subscribers(plan.subscribers)
        watch.lap("subscribers")
        registration_events = list(
            EventPage.objects.filter(
                pk__in=events, registration_mode=RegistrationMode.MEMBERS
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        registrations = writer.registrations(
            plan.registrations, registration_events, member_ids
        )
        watch.lap("registrations")
    indexed = index_pages(
        {
            NewsArticlePage: news,
            DecisionBriefingPage: briefings,
            EventPage: events,
            CoursePage: courses,
        }
    )
    watch.lap("search index")
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would gather them a minute later: a
        # benchmark started at once otherwise runs on plans for empty tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        watch.lap("analyze")
    counts = plan.as_dict()
    counts["registrations"] = registrations
    counts["indexed pages"] = indexed
    return counts, watch.seconds
