from demo import pool as demo_pool
from members.models import MentoringPair, PoolEntry
from members.selectors import pool_entries_contactable


def test_demo_pool_loads_varied_entries_and_an_active_pair_repeatably(
    make_user, members_group, district, other_district
):
    make_user("mitglied", groups=[members_group])

    first = demo_pool.load()
    second = demo_pool.load()

    assert first == second
    assert first["pool entries"] == 15
    assert first["mentoring applications"] == 4
    assert PoolEntry.objects.filter(user__username="mitglied").exists()
    assert pool_entries_contactable().count() == 12
    assert MentoringPair.objects.get().status == MentoringPair.Status.ACTIVE
