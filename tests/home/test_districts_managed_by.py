from home.selectors import districts_managed_by


def test_district_editor_manages_only_their_district(
    district_editor, district, other_district
):
    assert list(districts_managed_by(district_editor)) == [district]


def test_state_office_manages_every_district(
    state_office_user, district, other_district
):
    assert set(districts_managed_by(state_office_user)) == {district, other_district}


def test_superuser_manages_every_district(superuser, district, other_district):
    assert set(districts_managed_by(superuser)) == {district, other_district}


def test_member_manages_no_district(member_user, district):
    assert not districts_managed_by(member_user).exists()


def test_visitor_manages_no_district(district):
    from django.contrib.auth.models import AnonymousUser

    assert not districts_managed_by(AnonymousUser()).exists()
