import factory
from django.utils import timezone


class SurveyFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Mitgliederbefragung {n}")
    intro = "Wie erleben Sie die Arbeit in Ihrem Bezirksverband?"
    status = "open"

    class Meta:
        model = "surveys.Survey"


class SurveyQuestionFactory(factory.django.DjangoModelFactory):
    survey = factory.SubFactory(SurveyFactory)
    text = factory.Sequence(lambda n: f"Frage {n}")
    kind = "single"
    choices = "Ja\nNein\nWeiß nicht"
    required = True
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = "surveys.SurveyQuestion"


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    survey = factory.SubFactory(SurveyFactory)

    class Meta:
        model = "surveys.SurveyResponse"


class SurveyParticipationFactory(factory.django.DjangoModelFactory):
    survey = factory.SubFactory(SurveyFactory)
    channel = "online"

    class Meta:
        model = "surveys.SurveyParticipation"


class SurveyAnswerFactory(factory.django.DjangoModelFactory):
    response = factory.SubFactory(SurveyResponseFactory)

    class Meta:
        model = "surveys.SurveyAnswer"


class SurveyPhoneConsentFactory(factory.django.DjangoModelFactory):
    phone = factory.Sequence(lambda n: f"030 555{n:04d}")
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = "surveys.SurveyPhoneConsent"


class CallListFactory(factory.django.DjangoModelFactory):
    survey = factory.SubFactory(SurveyFactory)

    class Meta:
        model = "surveys.CallList"


class CallListEntryFactory(factory.django.DjangoModelFactory):
    call_list = factory.SubFactory(CallListFactory)
    outcome = "open"

    class Meta:
        model = "surveys.CallListEntry"
