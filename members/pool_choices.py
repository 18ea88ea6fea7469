"""Fixed choices of the volunteer pool and of mentoring, and the consent wording.

Stored values are stable codes; labels are translated when shown. A changed
consent text is a new version: members who agreed to an older one are asked again.
"""

from django.utils.translation import gettext_lazy as _

# Tag names are stored in German (the portal's main language); members may add
# their own skills as free tags next to these suggestions.
SUGGESTED_SKILLS = [
    ("Social Media", _("Social media")),
    ("Layout", _("Layout and design")),
    ("Übersetzung Türkisch", _("Translation into Turkish")),
    ("Übersetzung Arabisch", _("Translation into Arabic")),
    ("Übersetzung Englisch", _("Translation into English")),
    ("Kinderbetreuung", _("Childcare")),
    ("Plakatieren", _("Poster hanging")),
    ("Moderation", _("Moderation")),
    ("IT", _("IT and technology")),
    ("Fotografie", _("Photography")),
    ("Infostand", _("Information stands")),
    ("Fahrdienst", _("Driving")),
]
SKILL_LABELS = dict(SUGGESTED_SKILLS)


def skill_label(name: str) -> str:
    return str(SKILL_LABELS.get(name, name))


AVAILABILITY_CHOICES = [
    ("weekday_daytime", _("Weekdays during the day")),
    ("weekday_evenings", _("Weekday evenings")),
    ("weekends", _("Weekends")),
    ("few_hours_month", _("A few hours per month")),
    ("short_notice", _("At short notice")),
]

LANGUAGE_CHOICES = [
    ("de", _("German")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("ku", _("Kurdish")),
    ("fa", _("Persian")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("pl", _("Polish")),
    ("vi", _("Vietnamese")),
    ("fr", _("French")),
    ("es", _("Spanish")),
]

POOL_CONSENT_VERSION = 1
POOL_CONSENT_TEXT = _(
    "Coordinators of the state office and of the districts I chose may find my "
    "display name, skills, districts, languages and availability and write to me "
    "through the portal. They never see my email address. I can pause, withdraw "
    "this consent or leave the pool at any time."
)

MENTORING_CONSENT_VERSION = 1
MENTORING_CONSENT_TEXT = _(
    "The mentoring coordinators of the state office may read my application, "
    "including the optional self-identification, to find a match for me. My "
    "email address is only shared with my match after we have both accepted it. "
    "I can withdraw my application at any time."
)

SELF_IDENTIFICATION_CHOICES = [
    ("woman", _("Woman")),
    ("migration", _("Migration background")),
    ("non_binary", _("Non-binary, trans or inter")),
    ("other", _("Other")),
]


def labels(choices, values) -> list[str]:
    """Translated labels of ``values`` in the order of ``choices``."""
    values = set(values or ())
    return [str(label) for code, label in choices if code in values]
