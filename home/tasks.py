"""Background tasks of the home app (django-tasks); arguments are ids."""

from django_tasks import task

from . import services


@task()
def renditions_generate(image_ids: list[int]) -> int:
    """Make the renditions templates use, so no page view has to."""
    return services.renditions_generate_now(image_ids=image_ids)


@task()
def page_tree_files_protect_task(page_id: int) -> int:
    """Files of a page and its subpages follow a changed restriction."""
    return services.page_tree_files_protect(page_id=page_id)


@task()
def outgoing_mail_send(mail_id: int) -> int:
    """Send one mail of the outbox right after the commit that wrote it."""
    from .outbox import outgoing_mails_send

    return outgoing_mails_send(ids=[mail_id])[1]


@task()
def outgoing_mails_sweep() -> int:
    """The periodic sweep: retry every mail the mail server refused before."""
    from .outbox import outgoing_mails_sweep

    return outgoing_mails_sweep()


@task()
def retention_apply_task() -> dict[str, int]:
    """The daily retention jobs (``home.retention``) on a worker."""
    from .retention import retention_apply

    return retention_apply()
