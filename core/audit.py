"""Audit trail of who viewed or exported lists of personal data.

Every view that shows or downloads personal data of other people (participant
lists, pool searches, call lists, onboarding lists, exports) calls
:func:`personal_data_accessed`. It writes a Wagtail log entry, so the entries
appear in the admin's site history ("Reports → Site history") with the person,
the time and what was seen, filterable by action, without a model of our own.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

VIEWED = "portal.personal_data_viewed"
EXPORTED = "portal.personal_data_exported"

ACTIONS = [
    (VIEWED, _("View personal data"), _("Viewed a list of personal data")),
    (EXPORTED, _("Export personal data"), _("Exported a list of personal data")),
]


def personal_data_accessed(*, user, instance, what, count, exported=False):
    """Record that ``user`` saw (or downloaded) ``count`` people's data.

    ``instance`` is what the list belongs to (an event page, a survey, a pool
    search's district …); ``what`` says in a few words which list it was.
    """
    return log(
        instance,
        EXPORTED if exported else VIEWED,
        user=user,
        data={"what": str(what), "count": count},
    )
