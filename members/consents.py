"""The consents a member may give, with every version of their wording.

A ``Consent`` row stores the kind and the version; the text agreed to is looked
up here, so a wording is never edited in place: a changed text is a new version
and members are asked again.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ConsentWording:
    kind: str
    version: int
    label: Promise
    text: Promise


WORDINGS = [
    ConsentWording(
        kind="news_by_email",
        version=1,
        label=_("News by email"),
        text=_(
            "I would like to receive news about upcoming decisions, events and "
            "courses by email. I can withdraw this consent at any time on my "
            "profile page."
        ),
    ),
    ConsentWording(
        kind="district_contact",
        version=1,
        label=_("Contact from my district"),
        text=_(
            "My district office may contact me by email to welcome me and to invite "
            "me to meetings of my district. I can withdraw this consent at any time "
            "on my profile page."
        ),
    ),
]

_BY_KEY = {(wording.kind, wording.version): wording for wording in WORDINGS}


def current_wordings() -> list[ConsentWording]:
    """The newest version of each kind, in the order the profile page asks."""
    newest = {}
    for wording in WORDINGS:
        if wording.kind not in newest or wording.version > newest[wording.kind].version:
            newest[wording.kind] = wording
    return list(newest.values())


def current_wording(kind: str) -> ConsentWording:
    for wording in current_wordings():
        if wording.kind == kind:
            return wording
    raise KeyError(kind)


def wording_for(kind: str, version: int) -> ConsentWording | None:
    return _BY_KEY.get((kind, version))


KIND_CHOICES = [(wording.kind, wording.label) for wording in current_wordings()]
