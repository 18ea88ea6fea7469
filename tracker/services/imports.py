"""Importing coalition-agreement items from CSV (``core.csv_import``)."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.csv_import import run_import
from home.models import Topic

from ..models import AgreementChapter, AgreementItem, ItemStatus
from .agreements import status_update_create

REQUIRED_COLUMNS = ["chapter", "number", "title", "text", "status", "progress"]
OPTIONAL_COLUMNS = [
    "chapter_title",
    "topics",
    "department",
    "date",
    "note",
    "source",
]


def _whole_number(value, *, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def _status(value):
    """A status key (``in_progress``) or its label in any offered language."""
    wanted = value.strip().lower()
    for key, label in ItemStatus.choices:
        if wanted in (key, str(label).lower()):
            return key
    return None


class ItemImporter:
    """Validates and saves the rows of one agreement's item list."""

    def __init__(self, *, agreement, user=None):
        self.agreement = agreement
        self.user = user
        self.chapters = {c.number: c for c in agreement.chapters.all()}
        self.topics = {}
        for topic in Topic.objects.filter(locale=Locale.get_default()):
            self.topics[topic.slug.lower()] = topic
            self.topics[topic.name.lower()] = topic
        self.seen = {}
        self.titled = set()  # new chapters named by an earlier row of the file
        self.today = timezone.localdate()

    def validate(self, line, row):
        errors = {}
        chapter = _whole_number(row.get("chapter"), low=1, high=999)
        if chapter is None:
            errors["chapter"] = _("The chapter is a number from 1 to 999.")
        elif row.get("chapter_title"):
            self.titled.add(chapter)
        elif chapter not in self.chapters and chapter not in self.titled:
            errors["chapter_title"] = _(
                "Chapter %(number)d does not exist yet: give its title."
            ) % {"number": chapter}
        number = _whole_number(row.get("number"), low=1, high=9999)
        if number is None:
            errors["number"] = _("The item number is a number from 1 to 9999.")
        elif chapter is not None:
            earlier = self.seen.setdefault((chapter, number), line)
            if earlier != line:
                errors["number"] = _(
                    "Item %(chapter)d.%(number)d is already in line %(line)d."
                ) % {"chapter": chapter, "number": number, "line": earlier}
        title = row.get("title", "")
        if not title:
            errors["title"] = _("The title is missing.")
        elif len(title) > 200:
            errors["title"] = _("The title is longer than 200 characters.")
        if not row.get("text"):
            errors["text"] = _("The agreed text is missing.")
        if len(row.get("department", "")) > 200:
            errors["department"] = _("The department is longer than 200 characters.")
        status = _status(row.get("status", ""))
        if status is None:
            errors["status"] = _("Unknown status. Use one of: %(statuses)s.") % {
                "statuses": ", ".join(ItemStatus.values)
            }
        progress = _whole_number(row.get("progress"), low=0, high=100)
        if progress is None:
            errors["progress"] = _("Progress is a whole number from 0 to 100.")
        topics, unknown = [], []
        for name in filter(None, (t.strip() for t in row.get("topics", "").split("|"))):
            topic = self.topics.get(name.lower())
            (topics.append(topic) if topic else unknown.append(name))
        if unknown:
            errors["topics"] = _("Unknown topics: %(topics)s.") % {
                "topics": ", ".join(unknown)
            }
        date = self.today
        if row.get("date"):
            date = _iso_date(row["date"])
            if date is None:
                errors["date"] = _("Write the date as YYYY-MM-DD.")
            elif date > self.today:
                errors["date"] = _("A status change cannot lie in the future.")
        source = row.get("source", "")
        if source:
            try:
                URLValidator(schemes=["http", "https"])(source)
            except ValidationError:
                errors["source"] = _("The source must be a web address (https://…).")
        if errors:
            raise ValidationError(errors)
        return {
            "chapter": chapter,
            "chapter_title": row.get("chapter_title", ""),
            "number": number,
            "title": title,
            "text": row["text"],
            "topics": topics,
            "department": row.get("department", ""),
            "status": status,
            "progress": progress,
            "date": date,
            "note": row.get("note", ""),
            "source": source,
        }

    def save(self, cleaned):
        chapter = self.chapters.get(cleaned["chapter"])
        if chapter is None:
            chapter = AgreementChapter.objects.create(
                agreement=self.agreement,
                number=cleaned["chapter"],
                title=cleaned["chapter_title"][:200],
            )
            self.chapters[chapter.number] = chapter
        item = AgreementItem.objects.filter(
            chapter=chapter, number=cleaned["number"]
        ).first()
        outcome = "unchanged"
        fields = {
            "title": cleaned["title"],
            "agreed_text": cleaned["text"],
            "department": cleaned["department"],
        }
        if item is None:
            item = AgreementItem.objects.create(
                chapter=chapter, number=cleaned["number"], **fields
            )
            outcome = "created"
        elif any(getattr(item, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(item, name, value)
            item.save(update_fields=list(fields))
            outcome = "updated"
        if {t.pk for t in item.topics.all()} != {t.pk for t in cleaned["topics"]}:
            item.topics.set(cleaned["topics"])
            outcome = "updated" if outcome == "unchanged" else outcome
        changed_status = (item.status, item.progress) != (
            cleaned["status"],
            cleaned["progress"],
        ) and not item.status_updates.filter(
            date=cleaned["date"],
            status=cleaned["status"],
            progress=cleaned["progress"],
        ).exists()  # a back-dated row imported again is already history
        if outcome == "created" or changed_status:
            status_update_create(
                item=item,
                date=cleaned["date"],
                status=cleaned["status"],
                progress=cleaned["progress"],
                note=cleaned["note"],
                source_url=cleaned["source"],
                user=self.user,
                notify=False,
            )
            outcome = "updated" if outcome == "unchanged" else outcome
        return outcome


def _iso_date(value):
    try:
        return parse_date(value)
    except ValueError:  # well-formed but impossible, e.g. 2026-02-30
        return None


def items_import(*, agreement, rows, dry_run: bool, user=None):
    """Import ``rows`` (from ``read_csv``) into ``agreement``: all or nothing.

    Imported status changes are history like any other but send no mail: an
    import of the whole agreement would flood the subscribers.
    """
    importer = ItemImporter(agreement=agreement, user=user)
    return run_import(
        rows=rows, validate=importer.validate, save=importer.save, dry_run=dry_run
    )
