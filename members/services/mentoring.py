"""Mentoring: applications, matching by coordinators, and the pair's consent."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import MentoringApplication, MentoringPair
from ..pool_choices import (
    AVAILABILITY_CHOICES,
    LANGUAGE_CHOICES,
    MENTORING_CONSENT_VERSION,
    SELF_IDENTIFICATION_CHOICES,
)

Status = MentoringApplication.Status
PairStatus = MentoringPair.Status


def _known(values: Iterable[str], choices) -> list[str]:
    values = set(values or ())
    return [code for code, _label in choices if code in values]


@transaction.atomic
def mentoring_apply(
    *,
    user,
    role: str,
    goals: str,
    languages: Iterable[str] = (),
    district=None,
    availability: Iterable[str] = (),
    self_identification: Iterable[str] = (),
    self_identification_note: str = "",
    consent: bool,
) -> MentoringApplication:
    """Apply as mentee or mentor; one current application per role."""
    from ..selectors import is_verified_member

    if not is_verified_member(user):
        raise PermissionDenied
    if role not in MentoringApplication.Role.values:
        raise ValidationError({"role": _("Choose mentee or mentor.")})
    goals = goals.strip()
    if not goals:
        raise ValidationError({"goals": _("Please describe your goals or topics.")})
    if not consent:
        raise ValidationError(
            {"consent": _("Coordinators can only read your application with consent.")}
        )
    try:
        with transaction.atomic():
            return MentoringApplication.objects.create(
                user=user,
                role=role,
                goals=goals,
                languages=_known(languages, LANGUAGE_CHOICES),
                district=district,
                availability=_known(availability, AVAILABILITY_CHOICES),
                self_identification=_known(
                    self_identification, SELF_IDENTIFICATION_CHOICES
                ),
                self_identification_note=" ".join(self_identification_note.split())[
                    :100
                ],
                consented_at=timezone.now(),
                consent_version=MENTORING_CONSENT_VERSION,
            )
    except IntegrityError:
        raise ValidationError(
            _("You already have a current application in this role.")
        ) from None


def _release(application, *, status=Status.OPEN):
    if application.status == Status.MATCHED:
        application.status = status
        application.save(update_fields=["status"])


@transaction.atomic
def mentoring_withdraw(*, user, application) -> MentoringApplication:
    """Withdraw the own application; a pair of it ends, the partner is free again."""
    application = MentoringApplication.objects.select_for_update().get(
        pk=application.pk
    )
    if application.user_id != user.pk:
        raise PermissionDenied
    if application.status not in MentoringApplication.CURRENT:
        raise ValidationError(_("This application is no longer current."))
    now = timezone.now()
    pairs = MentoringPair.objects.select_for_update().filter(
        status__in=[PairStatus.PROPOSED, PairStatus.ACTIVE]
    )
    for pair in pairs.filter(mentee_application=application) | pairs.filter(
        mentor_application=application
    ):
        pair.status = PairStatus.ENDED
        pair.closed_at = now
        pair.save(update_fields=["status", "closed_at"])
        partner_id = (
            pair.mentor_application_id
            if pair.mentee_application_id == application.pk
            else pair.mentee_application_id
        )
        _release(MentoringApplication.objects.select_for_update().get(pk=partner_id))
    application.status = Status.WITHDRAWN
    application.withdrawn_at = now
    application.save(update_fields=["status", "withdrawn_at"])
    return application


@transaction.atomic
def mentoring_match(*, coordinator, mentee, mentor) -> MentoringPair:
    """Propose a pair; both get a mail with the other's name and an accept link."""
    from ..selectors import (
        can_coordinate_mentoring,
        is_verified_member,
        mentoring_applications_coordinated_by,
    )

    if not can_coordinate_mentoring(coordinator):
        raise PermissionDenied
    in_scope = mentoring_applications_coordinated_by(coordinator)
    wanted = {mentee.pk, mentor.pk}
    if in_scope.filter(pk__in=wanted).count() != len(wanted):
        raise PermissionDenied
    locked = {
        application.pk: application
        for application in MentoringApplication.objects.select_for_update().filter(
            pk__in=[mentee.pk, mentor.pk]
        )
    }
    mentee, mentor = locked.get(mentee.pk), locked.get(mentor.pk)
    if (
        mentee is None
        or mentor is None
        or mentee.role != MentoringApplication.Role.MENTEE
        or mentor.role != MentoringApplication.Role.MENTOR
    ):
        raise ValidationError(_("Choose one mentee and one mentor."))
    if mentee.status != Status.OPEN or mentor.status != Status.OPEN:
        raise ValidationError(_("Both applications must still be open."))
    if mentee.user_id == mentor.user_id:
        raise ValidationError(_("Nobody can mentor themselves."))
    if not (is_verified_member(mentee.user) and is_verified_member(mentor.user)):
        raise ValidationError(_("Both applications must still be open."))
    pair = MentoringPair.objects.create(
        mentee_application=mentee, mentor_application=mentor, proposed_by=coordinator
    )
    for application in (mentee, mentor):
        application.status = Status.MATCHED
        application.save(update_fields=["status"])
    from ..tasks import mentoring_pair_proposal_mail

    transaction.on_commit(lambda: mentoring_pair_proposal_mail.enqueue(pair.pk))
    return pair


@transaction.atomic
def mentoring_pair_respond(*, token: str, accept: bool) -> MentoringPair:
    """One side accepts or declines; when both accepted the pair is active.

    Only then does each get the other's address (``mentoring_pair_introduction_mail``).
    """
    pair = MentoringPair.objects.select_for_update().filter(mentee_token=token).first()
    role = "mentee"
    if pair is None:
        pair = (
            MentoringPair.objects.select_for_update().filter(mentor_token=token).first()
        )
        role = "mentor"
    if pair is None:
        raise MentoringPair.DoesNotExist
    accepted_field = f"{role}_accepted_at"
    if pair.status != PairStatus.PROPOSED or getattr(pair, accepted_field):
        raise ValidationError(_("You have already answered this proposal."))
    now = timezone.now()
    if not accept:
        pair.status = PairStatus.ENDED
        pair.closed_at = now
        pair.save(update_fields=["status", "closed_at"])
        for application in MentoringApplication.objects.select_for_update().filter(
            pk__in=[pair.mentee_application_id, pair.mentor_application_id]
        ):
            _release(application)
        return pair
    setattr(pair, accepted_field, now)
    fields = [accepted_field]
    if pair.mentee_accepted_at and pair.mentor_accepted_at:
        pair.status = PairStatus.ACTIVE
        pair.activated_at = now
        fields += ["status", "activated_at"]
        from ..tasks import mentoring_pair_introduction_mail

        transaction.on_commit(lambda: mentoring_pair_introduction_mail.enqueue(pair.pk))
    pair.save(update_fields=fields)
    return pair


@transaction.atomic
def mentoring_pair_close(*, coordinator, pair, status: str) -> MentoringPair:
    """A coordinator records that a pair completed the programme or ended early."""
    from ..selectors import can_coordinate_mentoring, mentoring_pairs_coordinated_by

    if not can_coordinate_mentoring(coordinator):
        raise PermissionDenied
    if not mentoring_pairs_coordinated_by(coordinator).filter(pk=pair.pk).exists():
        raise PermissionDenied
    if status not in (PairStatus.COMPLETED, PairStatus.ENDED):
        raise ValidationError(_("Choose completed or ended."))
    pair = MentoringPair.objects.select_for_update().get(pk=pair.pk)
    if pair.status not in (PairStatus.PROPOSED, PairStatus.ACTIVE):
        raise ValidationError(_("This pair is already closed."))
    if status == PairStatus.COMPLETED and pair.status != PairStatus.ACTIVE:
        raise ValidationError(_("Only an active pair can complete the programme."))
    # After an active pair both are done; a proposal that never started frees both.
    released = Status.CLOSED if pair.status == PairStatus.ACTIVE else Status.OPEN
    pair.status = status
    pair.closed_at = timezone.now()
    pair.save(update_fields=["status", "closed_at"])
    for application in MentoringApplication.objects.select_for_update().filter(
        pk__in=[pair.mentee_application_id, pair.mentor_application_id]
    ):
        _release(application, status=released)
    return pair
