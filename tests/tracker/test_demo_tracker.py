"""The demo tracker: one agreement, five chapters, 40 items in mixed states."""

from django.db.models import Count

from demo.tracker import load
from home.factories import TopicFactory, site_with_home
from tracker.models import AgreementItem, CoalitionAgreementPage, StatusUpdate


def test_demo_tracker_is_complete_and_loads_again_without_duplicates(db, client):
    site_with_home(slug="start")
    TopicFactory(name="Mieten & Wohnen", slug="mieten-wohnen")

    load()
    counts = (AgreementItem.objects.count(), StatusUpdate.objects.count())
    load()

    agreement = CoalitionAgreementPage.objects.get()
    assert (AgreementItem.objects.count(), StatusUpdate.objects.count()) == counts
    assert agreement.chapters.count() >= 5
    assert counts[0] >= 40
    assert len(set(AgreementItem.objects.values_list("status", flat=True))) == 5
    assert not AgreementItem.objects.annotate(n=Count("status_updates")).filter(n=0)
    response = client.get(agreement.url)
    assert response.status_code == 200
    assert response.content.decode().count('class="chart__svg"') == 3
