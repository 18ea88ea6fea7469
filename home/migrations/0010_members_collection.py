"""The private collection "Mitglieder" for files of members-only pages.

Wagtail protects files by collection, not by the page that links them; this
collection is restricted to the members group as members-only pages are.
Historical models know nothing of treebeard, so the child's path is worked
out here (``home.services.members_collection_get`` does the same at runtime
with ``add_child``).
"""

from django.db import migrations

NAME = "Mitglieder"
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number):
    digits = ""
    while True:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
        if not number:
            return digits.rjust(STEPLEN, "0")


def create_members_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model(
        "wagtailcore", "CollectionViewRestriction"
    )
    Group = apps.get_model("auth", "Group")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    collection = (
        Collection.objects.filter(depth=2, name=NAME).order_by("path").first()
    )
    if collection is None:
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        number = int(last.path[-STEPLEN:], 36) + 1 if last else 1
        collection = Collection.objects.create(
            name=NAME, depth=2, path=root.path + _step(number), numchild=0
        )
        Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    group, _created = Group.objects.get_or_create(name=NAME)
    if not CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type="groups", groups=group
    ).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type="groups"
        )
        restriction.groups.add(group)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_district_coordinator_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_members_collection, migrations.RunPython.noop)
    ]
