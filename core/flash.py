"""Flash messages in the language of the page that shows them.

A message is often shown on another page than the one that made it: log in on
the German ``/konto/anmelden/`` and the message appears on ``/ar/``. Django
turns a message into text when it is added, in the language of that request.
:class:`MessageStorage` keeps a lazily translated message (``gettext_lazy``,
:func:`lazy_format`) in every interface language instead and shows the one of
the request that displays it. Plain strings stay as they are.

Use ``messages.success(request, gettext_lazy("Saved."))``, or with values
``lazy_format(gettext_lazy("Hello %(name)s."), name=name)``.
"""

from django.conf import settings
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.fallback import FallbackStorage
from django.utils import translation
from django.utils.functional import Promise, lazy


def _format(message, values):
    return str(message) % values


def lazy_format(message, **values) -> Promise:
    """``message % values``, translated only when it is turned into text."""
    return lazy(_format, str)(message, values)


def in_every_language(render) -> dict:
    """``{language code: render()}`` for every interface language."""
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[code] = str(render())
    return texts


class MessageInEveryLanguage(Message):
    """A message whose ``message`` is ``{language code: text}``; it stays a dict
    when stored (Django's encoders write it as JSON) and reads as the text of
    the active language."""

    def _prepare(self):
        self.extra_tags = str(self.extra_tags) if self.extra_tags is not None else None

    def __str__(self):
        texts = self.message
        language = translation.get_language() or settings.LANGUAGE_CODE
        return (
            texts.get(language)
            or texts.get(language.split("-")[0])
            or texts.get(settings.LANGUAGE_CODE, "")
        )


class MessageStorage(FallbackStorage):
    """Django's cookie-then-session storage for messages in every language."""

    def add(self, level, message, extra_tags=""):
        if isinstance(message, Promise):
            message = in_every_language(lambda: message)
        if not isinstance(message, dict):
            return super().add(level, message, extra_tags)
        level = int(level)
        if not message or level < self.level:
            return
        self.added_new = True
        self._queued_messages.append(
            MessageInEveryLanguage(level, message, extra_tags=extra_tags)
        )

    def _get(self, *args, **kwargs):
        messages, all_retrieved = super()._get(*args, **kwargs)
        return [_restored(message) for message in messages], all_retrieved


def _restored(message):
    if isinstance(message.message, dict):
        return MessageInEveryLanguage(
            message.level, message.message, extra_tags=message.extra_tags
        )
    return message
