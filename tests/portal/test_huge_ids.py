"""An id in a URL beyond the database's integers is a 404, not a 500.

Lookups by a page type's ``pk`` go through its OneToOne link to ``Page``, which
Django does not guard: on SQLite an id of 10**40 raised ``OverflowError``.
"""

import pytest

HUGE = 10**40


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", f"/mitmachen/arbeitsgruppen/{HUGE}/mitglieder/"),
        ("post", f"/rueckmeldung/{HUGE}/"),
    ],
)
def test_huge_id_on_the_site_is_404(client, member_user, method, url):
    client.force_login(member_user)

    assert getattr(client, method)(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/auswertung/informationsformate/{HUGE}/",
        f"/admin/bezirksdaten/{HUGE}/import/",
    ],
)
def test_huge_id_in_the_admin_is_404(client, superuser, url):
    client.force_login(superuser)

    assert client.get(url).status_code == 404
