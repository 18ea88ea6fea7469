"""What ``make staging`` starts from: a site, an event, a news section, people.

Run by the orchestrator under the production settings against the fresh
staging database (``python deploy/staging/seed.py SUBSCRIBERS PASSWORD``);
prints one line of JSON with the ids and addresses the smoke test uses.
Everything else (the photo, the article, registrations) the test makes
through the proxy.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))


def seed(*, subscribers: int, password: str) -> dict:
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from core.roles import PRESS_GROUP_NAME, roles_sync
    from core.services import members_collection_get, members_group_get
    from dialog.factories import EventIndexPageFactory, EventPageFactory
    from home.factories import site_with_home
    from members.factories import ProfileFactory, UserFactory, VerifiedEmailFactory
    from news.factories import NewsIndexPageFactory, SubscriptionFactory
    from news.models import NEWS_KIND
    from registrations.models import RegistrationMode

    home = site_with_home(title="Mitmachportal Staging")
    news_index = NewsIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    event = EventPageFactory(
        parent=events,
        title="Kiezversammlung Staging",
        registration_mode=RegistrationMode.OPEN,
        capacity=100,
    )
    roles_sync()

    def person(username, *groups):
        user = UserFactory(username=username, email=f"{username}@staging.example")
        user.set_password(password)
        user.save()
        VerifiedEmailFactory(user=user)
        ProfileFactory(user=user, display_name=username.title())
        for group in groups:
            user.groups.add(group)
        return user

    # The press office edits news without a second factor (only administrators,
    # coordinators and district editors need one, PORTAL_MFA_REQUIRED_GROUPS).
    editor = person("redaktion", Group.objects.get(name=PRESS_GROUP_NAME))
    member = person("mitglied", members_group_get())

    document = get_document_model()(
        title="Protokoll des Landesvorstands", collection=members_collection_get()
    )
    document.file.save(
        "protokoll-landesvorstand.txt",
        ContentFile(b"Nur fuer Mitglieder: Protokoll der Sitzung.\n"),
    )

    emails = []
    for number in range(subscribers):
        subscription = SubscriptionFactory(
            kind=NEWS_KIND,
            subscriber__email=f"leser{number:04d}@staging.example",
        )
        emails.append(subscription.subscriber.email)

    return {
        "home_id": home.pk,
        "news_index_id": news_index.pk,
        "event_id": event.pk,
        "event_url": event.url,
        "editor": editor.email,
        "member": member.email,
        "document_id": document.pk,
        "document_url": document.url,
        "document_file": document.file.name,
        "subscribers": emails,
    }


if __name__ == "__main__":
    import django

    django.setup()
    result = seed(subscribers=int(sys.argv[1]), password=sys.argv[2])
    print(json.dumps(result))
