"""A working group's member list, for its coordinators only."""

from django.http import Http404
from django.template.response import TemplateResponse

from core.audit import personal_data_accessed

from ..models.working_groups import WorkingGroupPage
from ..selectors.working_groups import (
    working_group_members,
    working_group_members_visible_to,
)


def working_group_member_list(request, page_id):
    # ``id`` is Page's integer column, whose lookups treat an id beyond the
    # database's integers as unknown; ``pk`` (the OneToOne link) raised on SQLite.
    page = WorkingGroupPage.objects.live().filter(id=page_id).first()
    if page is None:
        raise Http404
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    if not working_group_members_visible_to(user=request.user, page=page):
        return TemplateResponse(
            request,
            "dialog/working_groups/members.html",
            {"page": page, "forbidden": True},
            status=403,
        )
    members = list(working_group_members(page=page))
    personal_data_accessed(
        user=request.user,
        instance=page,
        what="working group members",
        count=len(members),
    )
    return TemplateResponse(
        request,
        "dialog/working_groups/members.html",
        {"page": page, "members": members},
    )
