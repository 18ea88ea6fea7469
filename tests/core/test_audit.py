from django.utils import translation
from wagtail.log_actions import registry

from core.audit import EXPORTED, VIEWED, personal_data_accessed


def test_viewing_and_exporting_lists_are_logged_with_person_and_count(
    district_editor, district
):
    personal_data_accessed(
        user=district_editor, instance=district, what="Anmeldungen", count=12
    )
    personal_data_accessed(
        user=district_editor,
        instance=district,
        what="Anmeldungen (CSV)",
        count=12,
        exported=True,
    )

    entries = (
        registry.get_logs_for_instance(district)
        .filter(action__startswith="portal.")
        .order_by("pk")
    )
    assert [entry.action for entry in entries] == [VIEWED, EXPORTED]
    assert entries[0].data == {"what": "Anmeldungen", "count": 12}
    assert entries[0].user == district_editor
    with translation.override("en"):
        assert entries[1].message == "Exported a list of personal data"
