"""The own-data download and the erasure of an account (GDPR Art. 15, 17, 20)."""

import json

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from core.audit import personal_data_accessed

from ..permissions import can_erase_own_account
from ..privacy import member_data_erase, member_data_export


def member_data_download(*, user) -> bytes:
    """Everything the portal keeps about ``user`` as UTF-8 JSON; logged."""
    document = {
        "exported_at": timezone.now().isoformat(),
        "account_id": user.pk,
        **member_data_export(user),
    }
    personal_data_accessed(
        user=user, instance=user, what="own data", count=1, exported=True
    )
    return json.dumps(
        document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    ).encode()


def account_erase(*, user) -> None:
    """Erase every personal datum of ``user`` and delete the account.

    Comments stay in their threads (shown as by a former member); registrations
    stay anonymised, so seat figures and counts are still right. All or nothing.
    """
    if not can_erase_own_account(user):
        raise PermissionDenied("Accounts with admin access are removed by staff.")
    with transaction.atomic():
        member_data_erase(user)
        get_user_model().objects.filter(pk=user.pk).delete()
