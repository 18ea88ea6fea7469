"""Background tasks of the dialog app (django-tasks)."""

from django_tasks import task


@task()
def registration_mail(*, registration_id: int, kind: str) -> None:
    """Send one registration mail; a registration deleted meanwhile gets none."""
    from .models.registrations import Registration
    from .services.registrations import registration_mail_send

    registration = (
        Registration.objects.select_related("page", "user")
        .filter(pk=registration_id)
        .first()
    )
    if registration is not None:
        registration_mail_send(registration=registration, kind=kind)
