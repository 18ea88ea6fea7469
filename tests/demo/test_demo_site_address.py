"""The demo Site follows the address `make run` serves on (HOST and PORT)."""

from wagtail.models import Site

from demo.builders import demo_site_set
from dialog.factories import EventIndexPageFactory
from home.factories import site_with_home


def test_demo_site_takes_the_given_host_and_port_for_full_urls(db):
    home = site_with_home()
    calendar = EventIndexPageFactory(parent=home)

    site, changed = demo_site_set(root_page=home, hostname="192.0.2.7", port=8123)

    assert changed
    assert Site.objects.get(is_default_site=True) == site
    assert (site.hostname, site.port) == ("192.0.2.7", 8123)
    assert calendar.get_full_url() == "http://192.0.2.7:8123/kalender/"


def test_setting_the_same_address_again_changes_nothing(db):
    home = site_with_home()
    demo_site_set(root_page=home, hostname="127.0.0.1", port=8000)

    site, changed = demo_site_set(root_page=home, hostname="127.0.0.1", port=8000)

    assert not changed
    assert Site.objects.filter(is_default_site=True).count() == 1
