import factory


class CommentFactory(factory.django.DjangoModelFactory):
    body = factory.Sequence(lambda n: f"Ein Beitrag zur Diskussion, Nummer {n}.")
    body_normalized = factory.LazyAttribute(
        lambda obj: " ".join(obj.body.split()).casefold()
    )
    status = "approved"

    class Meta:
        model = "comments.Comment"
