from django.test import Client


def test_expired_form_gets_a_german_page_and_stores_nothing(home_page):
    from subscriptions.models import Subscriber

    client = Client(enforce_csrf_checks=True)

    response = client.post("/abonnieren/", {"email": "rosa@example.org"})

    assert response.status_code == 403
    assert "Formular abgelaufen" in response.text
    assert not Subscriber.objects.exists()


def test_expired_form_page_speaks_the_readers_language(home_page):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/tr/abonnieren/", {"email": "rosa@example.org"})

    assert response.status_code == 403
    assert 'lang="tr"' in response.text
