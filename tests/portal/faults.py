"""Faults the tests inject for real: a mail server nobody answers on, a dying worker."""

import socket

from django.core.mail.backends import locmem

LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def closed_port() -> int:
    """A local TCP port with nothing listening on it (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MailServer:
    """Switches the real SMTP backend to a closed port and back to the outbox."""

    def __init__(self, settings):
        self.settings = settings

    def down(self):
        self.settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        self.settings.EMAIL_HOST = "127.0.0.1"
        self.settings.EMAIL_PORT = closed_port()
        self.settings.EMAIL_TIMEOUT = 2
        self.settings.EMAIL_USE_TLS = False
        self.settings.EMAIL_USE_SSL = False

    def up(self):
        self.settings.EMAIL_BACKEND = LOCMEM_BACKEND


class WorkerKilled(BaseException):
    """A worker stopped mid-task (a shutdown signal, a crash of the process).

    A ``BaseException``, like ``SystemExit``: code that catches ``Exception``
    to go on with the next mail does not catch it.
    """


class DyingMailBackend(locmem.EmailBackend):
    """Delivers ``survive`` mails, then the worker dies on the next one."""

    survive = 0
    delivered = 0

    def send_messages(self, messages):
        if DyingMailBackend.delivered + len(messages) > DyingMailBackend.survive:
            raise WorkerKilled
        DyingMailBackend.delivered += len(messages)
        return super().send_messages(messages)


class DyingWorker:
    """Lets the next mails go out through a worker that dies after ``survive``."""

    def __init__(self, settings):
        self.settings = settings

    def dies_after(self, survive):
        DyingMailBackend.survive = survive
        DyingMailBackend.delivered = 0
        self.settings.EMAIL_BACKEND = "tests.portal.faults.DyingMailBackend"

    def restarts(self):
        self.settings.EMAIL_BACKEND = LOCMEM_BACKEND
