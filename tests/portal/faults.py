"""Faults the tests inject for real: a mail server nobody answers on."""

import socket

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
