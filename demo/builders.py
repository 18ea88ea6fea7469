"""Build the demo portal from the content in ``content.py``, repeatably.

Every object is looked up by a natural key (page slug under its parent, topic
slug, venue name, image title, username, group name) and updated in place, so a
second run changes nothing and a run on a later day only moves dates. Pages are
created with the same factories the tests use and published through a
revision, as an editor would.
"""

import datetime
import json
from collections import Counter
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    ReferenceIndex,
    Revision,
    Site,
)
from wagtail.search import index
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.people import MEMBERS_GROUP_NAME
from core.roles import APPROVERS_GROUP_NAME, PRESS_GROUP_NAME, STATE_OFFICE_GROUP_NAME
from core.services import members_collection_get, members_group_get
from dialog.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ForumPageFactory,
    VenueFactory,
    WorkingGroupPageFactory,
)
from dialog.models import EventFormat, EventPage, ForumPage, Venue, WorkingGroupPage
from education.factories import CourseIndexPageFactory, CoursePageFactory
from education.models import CoursePage, CourseSession
from home.factories import (
    DistrictIndexPageFactory,
    DistrictPageFactory,
    HomePageFactory,
    StandardPageFactory,
    TopicFactory,
    paragraph,
)
from home.models import DistrictPage, HomePage, SiteSettings, StandardPage, Topic
from home.roles import district_coordinator_group_ensure
from news.factories import (
    DecisionBriefingPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from news.models import DecisionBriefingPage, NewsArticlePage
from news.services import briefing_audience_sync

from . import content
from .media import poster_png, simple_pdf
from .registrations import build_registrations

HOME_SLUG = "start"
PRESS_GROUP = PRESS_GROUP_NAME
DISTRICT_EDITOR_GROUP = "Bezirksredaktion Friedrichshain-Kreuzberg"
DISTRICT_COORDINATOR_GROUP = "Koordination Friedrichshain-Kreuzberg"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


# Where ``manage.py runserver`` serves without arguments; ``make run`` passes
# its HOST and PORT so share links, ``.ics`` addresses and handouts point there.
DEMO_HOSTNAME = "127.0.0.1"
DEMO_PORT = 8000


def demo_site_set(*, root_page, hostname: str, port: int):
    """The default Site at ``hostname:port`` with ``root_page``; full URLs of
    pages are built from it. Returns ``(site, changed)``; saves only a change."""
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    wanted = {
        "hostname": hostname,
        "port": port,
        "site_name": "Mitmachportal",
        "root_page_id": root_page.pk,
    }
    if site.pk is not None and all(getattr(site, k) == v for k, v in wanted.items()):
        return site, False
    for key, value in wanted.items():
        setattr(site, key, value)
    site.save()
    return site, True


class DemoBuilder:
    """Creates or updates the demo; ``outcomes`` counts created/updated/unchanged."""

    def __init__(self, *, today=None, hostname=DEMO_HOSTNAME, port=DEMO_PORT):
        self.today = today or timezone.localdate()
        self.hostname = hostname
        self.port = port
        self.outcomes = Counter()
        self.locale = Locale.get_default()
        self.topics = {}
        self.districts = {}
        self.venues = {}
        self.working_groups = {}
        self.briefings = {}
        self.image_variant = 0
        self.touched = {}

    # -- entry point ---------------------------------------------------------

    def build(self):
        with deferred_indexing():
            self.build_content()
        self.index_touched()
        return self.outcomes

    def build_content(self):
        home = self.home_page()
        self.build_topics()
        self.build_districts(home)
        self.build_venues()
        self.build_standard_pages(home)
        self.build_news(home)
        self.build_working_groups_and_forums(home)
        self.build_events(home)
        self.build_courses(home)
        self.finish_home_page(home)
        self.build_users_and_groups()
        build_registrations(self)

    def index_touched(self):
        """Index every saved object once, with its final content."""
        for obj in self.touched.values():
            fresh = type(obj).objects.get(pk=obj.pk)
            if isinstance(fresh, index.Indexed):
                index.insert_or_update_object(fresh)
            ReferenceIndex.create_or_update_for_object(fresh)

    def _touch(self, obj):
        self.touched[(obj._meta.label, obj.pk)] = obj

    # -- generic helpers -----------------------------------------------------

    def _record(self, kind, outcome):
        self.outcomes[outcome] += 1
        self.outcomes[f"{kind}:{outcome}"] += 1

    def at(self, day, hour, minute=0):
        return timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(hour, minute))
        )

    def on(self, week, weekday):
        """The first ``weekday`` at least ``week`` weeks after tomorrow."""
        day = self.today + datetime.timedelta(days=1 + 7 * week)
        return _after_holidays(
            day + datetime.timedelta(days=(weekday - day.weekday()) % 7)
        )

    def nth_weekdays(self, weekday, nth, count):
        """The next ``count`` dates that are the ``nth`` ``weekday`` of their month."""
        found, year, month = [], self.today.year, self.today.month
        while len(found) < count:
            first = datetime.date(year, month, 1)
            day = first + datetime.timedelta(
                days=(weekday - first.weekday()) % 7 + 7 * (nth - 1)
            )
            if day > self.today and _after_holidays(day) == day:
                found.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found

    def image(self, caption):
        """A generated picture, reused by title on later runs."""
        model = get_image_model()
        image = model.objects.filter(title=caption).first()
        self.image_variant += 1
        if image is not None:
            self._record("image", "unchanged")
            return image
        png = poster_png(caption, variant=self.image_variant)
        image = model(
            title=caption,
            collection=Collection.get_first_root_node(),
            file=ContentFile(png, name=f"demo-{slugify(caption)[:60]}.png"),
        )
        image._set_image_file_metadata()
        image.save()
        self._touch(image)
        self._record("image", "created")
        return image

    def document(self, title, lines, collection=None):
        """A generated PDF in ``collection`` (default: the public root)."""
        model = get_document_model()
        collection = collection or Collection.get_first_root_node()
        document = model.objects.filter(title=title).first()
        if document is not None:
            if document.collection_id != collection.pk:
                document.collection = collection
                document.save(update_fields=["collection"])
            self._record("document", "unchanged")
            return document
        document = model(
            title=title,
            collection=collection,
            file=ContentFile(simple_pdf(title, lines), name=f"{slugify(title)}.pdf"),
        )
        document._set_document_file_metadata()
        document.save()
        self._touch(document)
        self._record("document", "created")
        return document

    def page(self, factory, *, parent, slug, topics=None, sessions=None, **fields):
        """Create the page below ``parent`` or bring it up to date, then publish.

        A new revision is published only when something changed, so reruns leave
        the revision history alone.
        """
        model = factory._meta.model
        kind = model._meta.model_name
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = factory(parent=parent, slug=slug, locale=parent.locale, **fields)
            changed, outcome = True, "created"
        else:
            changed = False
            for name, value in fields.items():
                if _differs(page, name, value):
                    setattr(page, name, value)
                    changed = True
            outcome = "updated" if changed else "unchanged"
        if topics is not None:
            wanted = [self.topics[topic_slug] for topic_slug in topics]
            if {t.pk for t in page.topics.all()} != {t.pk for t in wanted}:
                page.topics.set(wanted)
                changed = True
        if sessions is not None and _sync_sessions(page, sessions):
            changed = True
        if outcome == "unchanged" and changed:
            outcome = "updated"
        if changed or page.live_revision_id is None:
            page.save_revision().publish()
            self._touch(page)
        self._record(kind, outcome)
        return page

    # -- site, home page and settings ----------------------------------------

    def home_page(self):
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).filter(slug=HOME_SLUG).first()
        if home is None:
            # Wagtail's migration leaves a plain "Welcome to Wagtail" page behind.
            for welcome in Page.objects.child_of(root).filter(
                content_type__model="page", content_type__app_label="wagtailcore"
            ):
                welcome.delete()
        home = self.page(
            HomePageFactory,
            parent=root,
            slug=HOME_SLUG,
            title="Mitmachportal",
            lead=content.HOME_LEAD,
            body=content.HOME_BODY,
            hero_image=self.image("Mitmachen in ganz Berlin"),
            seo_title="Mitmachportal – Mitreden, mitentscheiden, mitmachen",
        )
        site, changed = demo_site_set(
            root_page=home, hostname=self.hostname, port=self.port
        )
        if changed:
            self._record("site", "updated")
        self.site = site
        return home

    def finish_home_page(self, home):
        featured = self.briefings[content.FEATURED_BRIEFING]
        self.page(
            HomePageFactory,
            parent=home.get_parent(),
            slug=HOME_SLUG,
            featured_briefing=featured,
        )
        settings = SiteSettings.for_site(self.site)
        wanted = dict(
            content.SITE_SETTINGS,
            imprint_page_id=self.imprint.pk,
            privacy_page_id=self.privacy.pk,
            accessibility_page_id=self.accessibility.pk,
        )
        if any(getattr(settings, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(settings, key, value)
            settings.save()
            self._touch(settings)
            self._record("sitesettings", "updated")

    def build_standard_pages(self, home):
        pages = []
        for spec in (content.IMPRINT, content.PRIVACY, content.ACCESSIBILITY):
            pages.append(
                self.page(
                    StandardPageFactory,
                    parent=home,
                    slug=spec["slug"],
                    title=spec["title"],
                    intro=spec["intro"],
                    body=spec["body"],
                    show_in_menus=False,
                )
            )
        self.imprint, self.privacy, self.accessibility = pages

    # -- snippets ------------------------------------------------------------

    def build_topics(self):
        for name, slug, description in content.TOPICS:
            topic = Topic.objects.filter(slug=slug, locale=self.locale).first()
            if topic is None:
                topic = TopicFactory(
                    name=name, slug=slug, description=description, locale=self.locale
                )
                self._record("topic", "created")
            elif (topic.name, topic.description) != (name, description):
                topic.name, topic.description = name, description
                topic.save()
                self._record("topic", "updated")
            else:
                self._record("topic", "unchanged")
            self.topics[slug] = topic

    def build_venues(self):
        flags = [
            "step_free",
            "accessible_toilet",
            "nursing_room",
            "changing_table",
            "child_friendly",
        ]
        for spec in content.VENUES:
            fields = {
                "street": spec["street"],
                "postcode": spec["postcode"],
                "city": "Berlin",
                "district": self.districts[spec["district"]],
                "public_transport": spec.get("public_transport", ""),
                "accessibility_notes": spec.get("accessibility_notes", ""),
                **{flag: spec.get(flag, False) for flag in flags},
            }
            venue = Venue.objects.filter(name=spec["name"], locale=self.locale).first()
            if venue is None:
                venue = VenueFactory(name=spec["name"], locale=self.locale, **fields)
                self._touch(venue)
                self._record("venue", "created")
            elif any(_differs(venue, key, value) for key, value in fields.items()):
                for key, value in fields.items():
                    setattr(venue, key, value)
                venue.save()
                self._touch(venue)
                self._record("venue", "updated")
            else:
                self._record("venue", "unchanged")
            self.venues[venue.name] = venue

    # -- districts -----------------------------------------------------------

    def build_districts(self, home):
        index = self.page(
            DistrictIndexPageFactory,
            parent=home,
            slug="bezirke",
            title="Bezirke",
            intro=content.DISTRICT_INDEX_INTRO,
            show_in_menus=True,
        )
        for title, slug, area, address, hours, phone in content.DISTRICTS:
            self.districts[slug] = self.page(
                DistrictPageFactory,
                parent=index,
                slug=slug,
                title=title,
                area=area,
                intro=content.district_intro(title, area),
                office_address=address,
                office_hours=hours,
                office_email=f"{slug}@example.org",
                office_phone=phone,
                listing_summary=f"Bezirksverband {title}: Termine, Sprechstunden, "
                "Ansprechpersonen.",
            )

    # -- news and briefings --------------------------------------------------

    def build_news(self, home):
        self.news_index = news_index = self.page(
            NewsIndexPageFactory,
            parent=home,
            slug="aktuelles",
            title="Aktuelles",
            intro="<p>Neues aus dem Landesverband und den zwölf Bezirken.</p>",
            show_in_menus=True,
        )
        for spec in content.NEWS:
            date = self.today - datetime.timedelta(days=spec["days_ago"])
            image = self.image(spec["image"]) if spec["image"] else None
            district = self.districts.get(spec.get("district"))
            article = self.page(
                NewsArticlePageFactory,
                parent=news_index,
                slug=spec["slug"],
                title=spec["title"],
                date=date,
                teaser=spec["teaser"],
                body=[paragraph(text) for text in spec["body"]],
                image=image,
                listing_image=image,
                district=district,
                topics=spec["topics"],
            )
            _backdate(article, self.at(date, 9, 30))

        self.briefing_index = self.page(
            NewsIndexPageFactory,
            parent=home,
            slug="entscheidungen",
            title="Entscheidungen",
            intro="<p>Was steht an im Abgeordnetenhaus, im Senat, in den "
            "Bezirksverordnetenversammlungen und in der Partei? Hier erfahrt ihr es "
            "früh – mit Argumenten für Gespräche mit Freunden, Familie und "
            "Nachbarn.</p>",
            show_in_menus=True,
        )
        for number, spec in enumerate(content.BRIEFINGS):
            decision_date = self.today + datetime.timedelta(days=spec["in_days"])
            briefing = self.page(
                DecisionBriefingPageFactory,
                parent=self.briefing_index,
                slug=spec["slug"],
                title=spec["title"],
                decision_date=decision_date,
                deciding_body=spec["body"],
                status=spec["status"],
                audience=spec["audience"],
                summary=spec["summary"],
                listing_summary=spec["summary"][:300],
                at_stake=spec["at_stake"],
                talking_points=[
                    {
                        "type": "talking_point",
                        "value": {"point": point, "explanation": explanation},
                    }
                    for point, explanation in spec["talking_points"]
                ],
                background=[paragraph(text) for text in spec["background"]],
                district=self.districts.get(spec.get("district")),
                topics=spec["topics"],
                **self.briefing_documents(spec),
            )
            briefing_audience_sync(page=briefing)
            _backdate(
                briefing, self.at(self.today - datetime.timedelta(days=number + 1), 8)
            )
            self.briefings[spec["slug"]] = briefing

    def briefing_documents(self, spec):
        """A briefing's document; a members-only one goes to the members' files."""
        if "document" not in spec:
            return {}
        title, lines = spec["document"]
        private = spec["audience"] == "members"
        document = self.document(
            title, lines, collection=members_collection_get() if private else None
        )
        return {
            "documents": [
                {"type": "document", "value": {"document": document.pk, "title": ""}}
            ]
        }

    # -- working groups, forums, events --------------------------------------

    def build_working_groups_and_forums(self, home):
        for spec in content.WORKING_GROUPS:
            self.working_groups[spec["slug"]] = self.page(
                WorkingGroupPageFactory,
                parent=home,
                slug=spec["slug"],
                title=spec["title"],
                purpose=spec["purpose"],
                rhythm=spec["rhythm"],
                open_to_all=spec["open_to_all"],
                registration_mode=spec.get("registration_mode", "none"),
                topics=spec["topics"],
            )
        for spec in content.FORUMS:
            closes = spec["closes_in_days"]
            self.page(
                ForumPageFactory,
                parent=home,
                slug=spec["slug"],
                title=spec["title"],
                opening_statement=spec["statement"],
                discussion_closes=(
                    None
                    if closes is None
                    else self.today + datetime.timedelta(days=closes)
                ),
                topics=spec["topics"],
            )

    def build_events(self, home):
        calendar = self.page(
            EventIndexPageFactory,
            parent=home,
            slug="kalender",
            title="Kalender",
            intro="<p>Alle Termine des Landesverbands und der Bezirke – filterbar nach "
            "Bezirk, Art, Barrierefreiheit und Kinderbetreuung.</p>",
            show_in_menus=True,
        )
        for spec in content.NEW_MEMBER_MEETINGS:
            district = self.districts.get(spec["district"])
            parent = district if spec.get("under_district") else calendar
            days = self.nth_weekdays(spec["weekday"], spec["nth"], spec["count"])
            for number, day in enumerate(days, start=1):
                self.event(
                    parent,
                    dict(
                        slug=f"{slugify(spec['title'])}-{number}",
                        title=spec["title"],
                        kind="new_member_meeting",
                        venue=spec["venue"],
                        event_format=spec["event_format"],
                        registration_mode="open",
                        capacity=40,
                        district=spec["district"],
                        teaser=content.NEW_MEMBER_TEASER,
                        body="Ablauf: Begrüßung, Vorstellungsrunde, wie die Partei "
                        "arbeitet, Mitmachbörse mit den AGs, offene Fragen.",
                    ),
                    start=self.at(day, spec["hour"]),
                    hours=2,
                )
        for spec in content.EVENTS:
            if spec.get("second_sunday_of_january"):
                # The Liebknecht-Luxemburg commemoration; any Sunday outside winter.
                sundays = self.nth_weekdays(content.SUN, 2, 12)
                day = next(d for d in sundays if d.month == 1)
                if (day - self.today).days > 90:
                    day = self.on(6, content.SUN)
            else:
                day = self.on(spec["week"], spec["weekday"])
            parent = (
                self.districts[spec["district"]]
                if spec.get("under_district")
                else calendar
            )
            self.event(
                parent,
                spec,
                start=self.at(day, spec["hour"], spec.get("minute", 0)),
                hours=spec["hours"],
            )
        past = content.PAST_EVENT
        day = self.today - datetime.timedelta(days=past["days_ago"])
        day -= datetime.timedelta(days=(day.weekday() - past["weekday"]) % 7)
        self.event(
            calendar, past, start=self.at(day, past["hour"]), hours=past["hours"]
        )

    def event(self, parent, spec, *, start, hours):
        event_format = spec["event_format"]
        venue = self.venues[spec["venue"]] if spec.get("venue") else None
        online = event_format in (EventFormat.ONLINE, EventFormat.HYBRID)
        working_group = self.working_groups.get(spec.get("working_group"))
        return self.page(
            EventPageFactory,
            parent=parent,
            slug=spec["slug"],
            title=spec["title"],
            kind=spec["kind"],
            start=start,
            end=start + datetime.timedelta(hours=hours),
            teaser=spec["teaser"],
            event_format=event_format,
            venue=venue,
            online_link=f"{content.VIDEO}{spec['slug']}" if online else "",
            working_group=working_group,
            for_young_members=spec.get("for_young_members", False),
            childcare_offered=spec.get("childcare_offered", False),
            registration_mode=spec.get("registration_mode", "none"),
            capacity=spec.get("capacity"),
            district=self.districts.get(spec.get("district")),
            body=[paragraph(spec["body"])],
            results=spec.get("results", []),
            topics=spec.get("topics", []),
        )

    # -- education -----------------------------------------------------------

    def build_courses(self, home):
        index = self.page(
            CourseIndexPageFactory,
            parent=home,
            slug="bildung",
            title="Politische Bildung",
            intro=content.COURSE_INDEX_INTRO,
            show_in_menus=True,
        )
        for spec in content.COURSES:
            material = self.document(
                spec["material"],
                [spec["title"], ""]
                + [f"- {goal}" for goal in spec["goals"]]
                + ["", "Mitmachportal · Politische Bildung"],
            )
            sessions, day = [], None
            for title, days, weekday, hour, event_format, venue in spec["sessions"]:
                previous, day = day, self.on(days // 7, weekday)
                while previous and day <= previous:
                    day = _after_holidays(day + datetime.timedelta(days=7))
                start = self.at(day, hour)
                online = event_format in (EventFormat.ONLINE, EventFormat.HYBRID)
                sessions.append(
                    dict(
                        title=title,
                        start=start,
                        end=start + datetime.timedelta(hours=3 if hour < 12 else 2),
                        event_format=event_format,
                        venue=self.venues[venue] if venue else None,
                        online_link=(
                            f"{content.VIDEO}{spec['slug']}-{len(sessions) + 1}"
                            if online
                            else ""
                        ),
                    )
                )
            self.page(
                CoursePageFactory,
                parent=index,
                slug=spec["slug"],
                title=spec["title"],
                teaser=spec["teaser"],
                audience=spec["audience"],
                capacity=spec["capacity"],
                learning_goals="<ul>"
                + "".join(f"<li>{goal}</li>" for goal in spec["goals"])
                + "</ul>",
                body=[paragraph(spec["teaser"])],
                materials=[
                    {
                        "type": "document",
                        "value": {"document": material.pk, "title": ""},
                    }
                ],
                topics=spec["topics"],
                sessions=sessions,
            )

    # -- people --------------------------------------------------------------

    def build_users_and_groups(self):
        members = members_group_get()
        admin_access = Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        page_permissions = [
            Permission.objects.get(content_type__app_label="wagtailcore", codename=code)
            for code in PAGE_PERMISSIONS
        ]
        collection_permissions = [
            Permission.objects.get(content_type__app_label=app, codename=code)
            for app, code in COLLECTION_PERMISSIONS
        ]
        root_collection = Collection.get_first_root_node()

        press = self.group(PRESS_GROUP)
        district_editors = self.group(DISTRICT_EDITOR_GROUP)
        # Editors who run events add venues; topics stay with the state office.
        venue_permissions = Permission.objects.filter(
            content_type__app_label="dialog",
            codename__in=["add_venue", "change_venue", "view_venue"],
        )
        for group, pages in [
            (press, [self.news_index, self.briefing_index]),
            (district_editors, [self.districts["friedrichshain-kreuzberg"]]),
        ]:
            group.permissions.add(admin_access, *venue_permissions)
            for page in pages:
                for permission in page_permissions:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=page, permission=permission
                    )
            for permission in collection_permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

        groups = {
            PRESS_GROUP: press,
            DISTRICT_EDITOR_GROUP: district_editors,
            DISTRICT_COORDINATOR_GROUP: district_coordinator_group_ensure(
                self.districts["friedrichshain-kreuzberg"]
            ),
            MEMBERS_GROUP_NAME: members,
            STATE_OFFICE_GROUP_NAME: self.group(STATE_OFFICE_GROUP_NAME),
            APPROVERS_GROUP_NAME: self.group(APPROVERS_GROUP_NAME),
        }
        for username, password, first, last, superuser, group_names in content.USERS:
            self.user(
                username=username,
                password=password,
                first_name=first,
                last_name=last,
                superuser=superuser,
                groups=[groups[name] for name in group_names],
            )

    def group(self, name):
        group, created = Group.objects.get_or_create(name=name)
        self._record("group", "created" if created else "unchanged")
        return group

    def user(self, *, username, password, first_name, last_name, superuser, groups):
        user, created = get_user_model().objects.get_or_create(username=username)
        wanted = {
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@example.org",
            "is_superuser": superuser,
            "is_staff": superuser,
            "is_active": True,
        }
        changed = created or any(getattr(user, k) != v for k, v in wanted.items())
        if created or not user.check_password(password):
            user.set_password(password)
            changed = True
        if changed:
            for key, value in wanted.items():
                setattr(user, key, value)
            user.save()
        if set(user.groups.all()) != set(groups):
            user.groups.set(groups)
            changed = True
        self._record(
            "user", "created" if created else "updated" if changed else "unchanged"
        )
        return user


@contextmanager
def deferred_indexing():
    """Skip search and reference indexing on each save; the builder indexes once.

    A new page is saved two or three times (created, revision published, dates
    adjusted); indexing it each time was a third of the demo's run time.
    """
    indexed = [
        model
        for model in index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    for model in indexed:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in indexed:
            post_save.connect(post_save_signal_handler, sender=model)


def _after_holidays(day):
    """Move ``day`` by whole weeks out of the Christmas break (23 Dec – 1 Jan)."""
    while (day.month, day.day) >= (12, 23) or (day.month, day.day) <= (1, 1):
        day += datetime.timedelta(days=7)
    return day


def _normalise(value):
    """Stream data without the block ids Wagtail adds, for comparison."""
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list | tuple):
        return [_normalise(v) for v in value]
    return value


def _differs(instance, name, value):
    field = instance._meta.get_field(name)
    current = getattr(instance, field.attname)
    if isinstance(field, StreamField):
        current = list(current.raw_data)
        wanted = json.loads(json.dumps(value, cls=DjangoJSONEncoder))
        return _normalise(current) != _normalise(wanted)
    if isinstance(field, models.ForeignKey):
        return current != (value.pk if value is not None else None)
    return current != value


def _sync_sessions(page, sessions):
    """Update the course's sessions in place, matched by position; True if changed."""
    existing = list(page.sessions.all())
    changed = len(existing) != len(sessions)
    kept = []
    for number, spec in enumerate(sessions):
        session = existing[number] if number < len(existing) else CourseSession()
        for name, value in spec.items():
            if _differs(session, name, value):
                setattr(session, name, value)
                changed = True
        session.sort_order = number
        kept.append(session)
    if changed:
        page.sessions = kept
    return changed


def _backdate(page, moment):
    """Keep list order believable: the page appears first published on its date."""
    if page.first_published_at != moment:
        Page.objects.filter(pk=page.pk).update(first_published_at=moment)
        page.first_published_at = moment


def demo_counts():
    """What the demo consists of, to compare runs."""
    counts = {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "public live pages": Page.objects.live().public().count(),
        "page revisions": Revision.page_revisions.count(),
        "district pages": DistrictPage.objects.count(),
        "news articles": NewsArticlePage.objects.count(),
        "decision briefings": DecisionBriefingPage.objects.count(),
        "events": EventPage.objects.count(),
        "working groups": WorkingGroupPage.objects.count(),
        "forums": ForumPage.objects.count(),
        "courses": CoursePage.objects.count(),
        "course sessions": CourseSession.objects.count(),
        "standard pages": StandardPage.objects.count(),
        "topics": Topic.objects.count(),
        "venues": Venue.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "group page permissions": GroupPagePermission.objects.count(),
        "sites": Site.objects.count(),
    }
    return counts


def demo_reset():
    """Delete the demo tree and the snippets, images and documents it made."""
    root = Page.get_first_root_node()
    for home in HomePage.objects.child_of(root).filter(slug=HOME_SLUG):
        home.delete()
    Venue.objects.filter(name__in=[v["name"] for v in content.VENUES]).delete()
    Topic.objects.filter(slug__in=[t[1] for t in content.TOPICS]).delete()
    captions = {spec["image"] for spec in content.NEWS if spec["image"]}
    captions.add("Mitmachen in ganz Berlin")
    for image in get_image_model().objects.filter(title__in=captions):
        image.delete()
    titles = {spec["material"] for spec in content.COURSES}
    for document in get_document_model().objects.filter(title__in=titles):
        document.delete()
