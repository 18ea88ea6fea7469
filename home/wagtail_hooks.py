from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .audit import ACTIONS
from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


@hooks.register("register_log_actions")
def register_personal_data_actions(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("after_create_page")
def district_editors_for_new_district(request, page):
    """A new district page gets its editors' group at once (home.roles)."""
    from .models import DistrictPage
    from .roles import district_editor_group_ensure

    if isinstance(page.specific, DistrictPage):
        district_editor_group_ensure(page.specific)
