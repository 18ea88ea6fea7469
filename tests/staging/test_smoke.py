"""Smoke test of the production topology (``make staging``), through the proxy only.

The steps run in file order on one topology (``conftest.topology``) and hand
each other what they made (``journey``). Every request goes to nginx's HTTPS
address; the test reads only what leaves the topology (the SMTP sink's mails,
the store's objects) and starts, stops and kills its processes.
"""

import io
import json
import re
import time
import uuid
from collections import Counter

import pytest
from PIL import Image

from .browser import Browser, links_in, mail_subject, mail_text

pytestmark = pytest.mark.staging

# Notification mails a worker may send twice when it is killed hard: the
# chunk it had claimed and sent but not yet marked (README, CHUNK_SIZE).
IN_FLIGHT_BOUND = 25
WAITING = ("stalled", "no_worker")  # /healthz's tasks status with nobody taking them
FORM_MIN_SECONDS = 3.2  # PORTAL_FORM_MIN_SECONDS (3) of the production settings


def eventually(check, *, timeout=60, interval=0.5, what="condition"):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"{what}: not after {timeout} s (last: {last!r})")


def paragraph_block(field, text):
    """A stream field with one rich-text paragraph, as the admin's script posts it."""
    content_state = {
        "blocks": [
            {
                "key": "p0001",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
                "data": {},
            }
        ],
        "entityMap": {},
    }
    return {
        f"{field}-count": "1",
        f"{field}-0-type": "paragraph",
        f"{field}-0-deleted": "",
        f"{field}-0-order": "0",
        f"{field}-0-id": str(uuid.uuid4()),
        f"{field}-0-value": json.dumps(content_state),
    }


def health(browser):
    answer = browser.get("/healthz")
    return answer.status_code, answer.json()


def mails_to(topology, address):
    return [m for m in topology.mails() if address in m["recipients"]]


def register_as_guest(browser, topology, *, name, address):
    event = browser.get(topology.seed["event_url"])
    assert event.status_code == 200
    form_url = f"/mitmachen/anmeldung/{topology.seed['event_id']}/"
    form_page = browser.get(form_url)
    assert form_page.status_code == 200
    time.sleep(FORM_MIN_SECONDS)  # a person takes a moment; faster is a bot
    done = browser.submit(
        form_page,
        action=form_url,
        data={"name": name, "email": address, "consent": "on"},
    )
    assert done.status_code == 200, done.text[:2000]
    assert done.url.endswith(f"{form_url}danke/"), done.url
    return done


def test_healthz_is_200_when_everything_runs(topology):
    status, report = health(Browser(topology))

    assert status == 200, report
    assert report["status"] == "ok"


def test_healthz_is_503_while_no_worker_runs_and_a_task_waits(topology, journey):
    topology.workers_stop()
    visitor = Browser(topology)
    address = "gast@staging.example"

    register_as_guest(visitor, topology, name="Gast Staging", address=address)

    status, report = eventually(
        # RQ says "no_worker" at once, the database queue "stalled" after a while.
        lambda: (answer := health(visitor))[1]["tasks"]["status"] in WAITING and answer,
        timeout=30,
        what="/healthz reporting the waiting task",
    )
    assert status == 503, report
    assert report["tasks"]["ready"] >= 1
    assert mails_to(topology, address) == []
    journey["visitor"], journey["guest"] = visitor, address


def test_visitor_confirms_the_registration_by_the_mails_link(topology, journey):
    visitor, address = journey["visitor"], journey["guest"]
    topology.workers_start()

    mail = eventually(lambda: mails_to(topology, address), what="confirmation mail")
    links = [
        link
        for link in links_in(mail_text(mail[0]), topology.url)
        if "bestaetigen" in link
    ]
    assert len(links) == 1, mail_text(mail[0])
    confirm_page = visitor.get(links[0])
    assert confirm_page.status_code == 200
    confirmed = visitor.submit(confirm_page, action="/bestaetigen/")

    assert confirmed.status_code == 200, confirmed.text[:2000]
    eventually(
        lambda: len(mails_to(topology, address)) >= 2,
        what="registration confirmed mail",
    )
    eventually(lambda: health(visitor)[0] == 200, what="/healthz 200 with workers")


def test_healthz_is_503_while_the_mail_server_is_down(topology, journey):
    visitor = Browser(topology)
    address = "zweiter-gast@staging.example"
    topology.smtp_stop()

    register_as_guest(visitor, topology, name="Zweiter Gast", address=address)

    status, report = eventually(
        lambda: (answer := health(visitor))[0] == 503 and answer,
        timeout=30,
        what="/healthz 503 while mails cannot go out",
    )
    assert report["outbox"]["status"] == "stalled", report
    assert report["tasks"]["status"] == "ok", report
    topology.smtp_start()
    journey["refused_guest"] = address
    journey["refused_at"] = time.monotonic()


def test_editor_logs_in_and_uploads_a_photo_through_the_admin(topology, journey):
    editor = Browser(topology)
    editor.log_in(topology.seed["editor"], topology.password)
    dashboard = editor.get("/admin/")
    assert dashboard.status_code == 200 and "/admin/pages/" in dashboard.text

    photo = io.BytesIO()
    Image.new("RGB", (2000, 1300), (200, 30, 60)).save(photo, "JPEG", quality=85)
    form_page = editor.get("/admin/images/add/")
    assert form_page.status_code == 200
    uploaded = editor.submit(
        form_page,
        action="/admin/images/add/",
        data={"title": "Kiezversammlung am Kanal"},
        files={"file": ("kiezversammlung.jpg", photo.getvalue(), "image/jpeg")},
    )
    assert uploaded.status_code == 200, uploaded.text[:3000]
    listing = editor.get("/admin/images/?q=Kiezversammlung")
    image_ids = {int(i) for i in re.findall(r"/admin/images/(\d+)/", listing.text)}
    assert len(image_ids) == 1, listing.text[:2000]
    journey["editor"], journey["image_id"] = editor, image_ids.pop()


def test_editor_publishes_and_a_worker_and_a_web_instance_die_mid_send(
    topology, journey
):
    editor = journey["editor"]
    parent = topology.seed["news_index_id"]
    add_url = f"/admin/pages/add/news/newsarticlepage/{parent}/"
    form_page = editor.get(add_url)
    assert form_page.status_code == 200

    published = editor.submit(
        form_page,
        form_id="page-edit-form",
        data={
            "title": "Neue Radwege für den Kiez",
            "slug": "neue-radwege",
            "teaser": "Die Bezirksverordneten haben entschieden.",
            "image": str(journey["image_id"]),
            # The body as the admin's script posts one paragraph block.
            **paragraph_block("body", "Der Bezirk baut zwei neue Radwege am Kanal."),
            "action-publish": "action-publish",
        },
    )
    errors = re.findall(r'<p class="error-message">\s*([^<]+?)\s*</p>', published.text)
    assert published.history and not errors, (published.status_code, errors)

    subscribers = set(topology.seed["subscribers"])

    def notifications():
        return [m for m in topology.mails() if set(m["recipients"]) & subscribers]

    eventually(lambda: len(notifications()) >= 40, what="the send under way")
    sending = eventually(
        lambda: (
            (index := topology.worker_connected_to_smtp()) is not None and index + 1
        ),
        interval=0.05,
        what="a worker connected to the mail server",
    )
    topology.workers[sending - 1].kill()
    topology.web[0].kill()
    journey["killed_after"] = len(notifications())
    topology.log(
        f"killed worker {sending} and web 1 after {journey['killed_after']} mails"
    )

    # The portal stays up: nginx sends every request to the second instance.
    for _ in range(10):
        assert editor.get("/admin/pages/").status_code == 200
        assert Browser(topology).get("/aktuelles/").status_code == 200
    journey["notifications"] = notifications


def test_the_photos_rendition_is_made_by_a_worker_and_served_through_the_proxy(
    topology, journey
):
    # Made before anyone asked for the article: by the task, not a page view.
    keys = eventually(
        lambda: [k for k in topology.store_keys("images/") if "fill-640x360" in k],
        what="rendition in the store",
    )
    visitor = Browser(topology)
    article = visitor.get("/aktuelles/neue-radwege/")
    assert article.status_code == 200
    sources = re.findall(r'src="([^"]+fill-640x360[^"]*)"', article.text)
    assert sources, article.text[:3000]
    assert any(source.rsplit("/", 1)[-1] in " ".join(keys) for source in sources)

    image = visitor.get(sources[0])

    assert image.status_code == 200
    assert image.headers["Content-Type"] == "image/jpeg"
    assert Image.open(io.BytesIO(image.content)).size == (640, 360)


def test_a_member_opens_a_private_document_and_a_visitor_cannot(topology):
    member = Browser(topology)
    member.log_in(topology.seed["member"], topology.password)
    anonymous = Browser(topology)

    opened = member.get(topology.seed["document_url"])
    refused = anonymous.get(topology.seed["document_url"], allow_redirects=False)
    direct = anonymous.get("/media/" + topology.seed["document_file"])

    assert opened.status_code == 200
    assert b"Nur fuer Mitglieder" in opened.content
    assert refused.status_code in (302, 403, 404)
    assert b"Nur fuer Mitglieder" not in refused.content
    assert direct.status_code in (403, 404)
    assert b"Nur fuer Mitglieder" not in direct.content


def test_after_the_resume_commands_nothing_is_lost_or_doubled(topology, journey):
    notifications = journey["notifications"]
    visitor = Browser(topology)

    def settled():
        # The surviving worker has nothing left to take and the sink is quiet.
        before = len(notifications())
        time.sleep(2)
        status, report = health(visitor)
        return len(notifications()) == before and report["tasks"]["ready"] == 0

    eventually(settled, timeout=90, interval=0, what="the surviving worker idle")
    before_resume = len(notifications())
    # The killed worker's claims are seconds old, not the 15 minutes of cron.
    topology.run_scheduled("resume_notifications", minutes=0)
    expected = set(topology.seed["subscribers"])
    eventually(
        lambda: {r for m in notifications() for r in m["recipients"]} >= expected,
        timeout=90,
        what="every subscriber's mail",
    )
    eventually(settled, timeout=60, interval=0, what="the resumed send finished")

    received = Counter(r for m in notifications() for r in m["recipients"])
    lost = expected - set(received)
    doubled = sum(count - 1 for count in received.values() if count > 1)
    topology.results.update(
        {
            "notification mails expected": len(expected),
            "notification mails delivered": sum(received.values()),
            "delivered when the worker was killed": journey["killed_after"],
            "delivered before the resume command": before_resume,
            "subscribers lost": len(lost),
            "mails doubled (bound 25)": doubled,
        }
    )
    assert not lost
    assert doubled <= IN_FLIGHT_BOUND
    assert all(
        mail_subject(m).startswith("Neu") or "Radwege" in mail_subject(m)
        for m in notifications()
    )


def test_the_scheduled_commands_deliver_the_mail_refused_while_the_server_was_down(
    topology, journey
):
    address = journey["refused_guest"]
    assert mails_to(topology, address) == []
    # The outbox retries a refused mail after a minute (core.outbox.RETRY_MINUTES).
    wait = 62 - (time.monotonic() - journey["refused_at"])
    if wait > 0:
        time.sleep(wait)

    # Every scheduled command once, as if all were due (the backup needs an
    # age key and is tested with the kit: tests/portal/test_backup.py).
    ran = topology.run_schedule(skip=("backup",))
    topology.results["scheduled commands run"] = len(ran)

    mails = eventually(lambda: mails_to(topology, address), what="the refused mail")
    assert len(mails) == 1
    status, report = eventually(
        lambda: (answer := health(Browser(topology)))[0] == 200 and answer,
        timeout=30,
        what="/healthz 200 at the end",
    )
    assert report["outbox"]["queued"] == 0
