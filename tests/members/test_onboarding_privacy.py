"""Onboarding records are part of a member's data export and erasure."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from members.factories import OnboardingFactory, OnboardingStepDoneFactory
from members.models import Onboarding, OnboardingStepDone
from members.privacy import member_data_erase, member_data_export


def test_export_holds_the_onboarding_record_and_its_steps(member_user, district):
    record = OnboardingFactory(user=member_user, district=district, phone="030 1")
    OnboardingStepDoneFactory(onboarding=record, step="welcome_call", note="Nett")

    data = member_data_export(member_user)["onboarding"]

    assert data["district"] == "Friedrichshain-Kreuzberg"
    assert data["phone"] == "030 1"
    assert [(s["step"], s["note"]) for s in data["steps"]] == [("welcome_call", "Nett")]
    json.dumps(data, cls=DjangoJSONEncoder)


def test_export_without_a_record_is_empty(member_user):
    assert member_data_export(member_user)["onboarding"] is None


def test_erasure_deletes_the_record_and_its_steps_only(
    member_user, make_user, district
):
    record = OnboardingFactory(user=member_user, district=district)
    OnboardingStepDoneFactory(onboarding=record)
    other = OnboardingFactory(user=make_user("andere"), district=district)

    member_data_erase(member_user)

    assert list(Onboarding.objects.all()) == [other]
    assert not OnboardingStepDone.objects.filter(onboarding_id=record.pk).exists()


def test_an_imported_record_for_the_address_is_exported_and_erased(member_user):
    OnboardingFactory(user=None, name="Rosa L.", email=member_user.email.upper())

    assert member_data_export(member_user)["onboarding"]["name"] == "Rosa L."

    member_data_erase(member_user)

    assert not Onboarding.objects.exists()
