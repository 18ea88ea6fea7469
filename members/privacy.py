"""Everything the portal keeps about a person: collected for export, erased on request.

Each app that stores personal data registers two Wagtail hooks, next to its
other admin hooks:

    @hooks.register("member_data_export")
    def export_pool_entry(user):
        return "volunteer_pool", {...}        # a key and JSON-serialisable data

    @hooks.register("member_data_erase")
    def erase_pool_entry(user):
        ...                                   # delete (or anonymise) that data

:func:`member_data_export` and :func:`member_data_erase` run all of them; the
own-data download and the account erasure (issue "Trustworthy by design") build
on these two functions, so a new kind of personal data is covered by adding its
two hooks — and a test that calls these functions.
"""

from django.db import transaction
from wagtail import hooks


def member_data_export(user):
    """``{key: data}`` from every registered exporter, for ``user``."""
    data = {}
    for exporter in hooks.get_hooks("member_data_export"):
        key, value = exporter(user)
        data[key] = value
    return data


def member_data_erase(user):
    """Run every registered eraser for ``user``, all or none."""
    with transaction.atomic():
        for eraser in hooks.get_hooks("member_data_erase"):
            eraser(user)
