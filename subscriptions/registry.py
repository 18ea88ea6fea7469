"""The kinds of content people can subscribe to, filled by the feature apps.

Each app that has something to announce registers its kinds with the
``notifiable_page_kinds`` hook: a function returning ``NotifiableKind``
entries. The ``key`` is what ``Subscription.kind`` stores; pages of the
kind's ``page_models`` notify their subscribers when first published. A kind
without page models (the coalition tracker's status changes) is only
subscribed to here and mailed by its own app.

    @hooks.register("notifiable_page_kinds")
    def notifiable_kinds():
        return [NotifiableKind("news", _("News"), page_models=(NewsArticlePage,))]
"""

from dataclasses import dataclass

from wagtail import hooks

HOOK_NAME = "notifiable_page_kinds"


@dataclass(frozen=True)
class NotifiableKind:
    key: str
    label: str
    page_models: tuple = ()
    # Where the kind stands in forms and lists; lower comes first.
    order: int = 100


def notifiable_kinds() -> list[NotifiableKind]:
    """Every registered kind, in the order forms show them."""
    kinds = [kind for hook in hooks.get_hooks(HOOK_NAME) for kind in hook()]
    return sorted(kinds, key=lambda kind: (kind.order, kind.key))


def kind_keys() -> list[str]:
    return [kind.key for kind in notifiable_kinds()]


def kind_choices() -> list[tuple[str, str]]:
    """``(key, label)`` for form fields; a callable so it is read per form."""
    return [(kind.key, kind.label) for kind in notifiable_kinds()]


def kind_label(key: str) -> str:
    """The label of ``key`` in the active language; the key itself if unknown."""
    for kind in notifiable_kinds():
        if kind.key == key:
            return str(kind.label)
    return key


def kind_of_page(page) -> str | None:
    """The kind subscribers follow for ``page``; ``None``: nobody."""
    model = page.specific_class
    for kind in notifiable_kinds():
        if model in kind.page_models:
            return kind.key
    return None
