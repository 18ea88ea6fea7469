from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from home.i18n import mail_language

from ..models import MembershipVerification
from ..selectors import display_name

TEMPLATES = {
    MembershipVerification.Status.CONFIRMED: "confirmed",
    MembershipVerification.Status.REJECTED: "rejected",
    MembershipVerification.Status.REVOKED: "revoked",
}


@task()
def verification_decision_mail_send(verification_id: int, decision: str) -> None:
    """Tell the person how their district decided, in their mail language.

    ``decision`` is the status at the time of deciding: a confirmation revoked
    before the worker runs still gets its own "confirmed" mail, then "revoked".
    """
    verification = MembershipVerification.objects.select_related(
        "user", "district"
    ).get(pk=verification_id)
    user = verification.user
    template = TEMPLATES.get(decision)
    if not user.email or template is None:
        return
    with translation.override(mail_language(user=user)):
        context = {
            "name": display_name(user),
            "verification": verification,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
        }
        subject = render_to_string(
            f"members/emails/verification_{template}_subject.txt", context
        )
        body = render_to_string(f"members/emails/verification_{template}.txt", context)
    send_mail(
        " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
