"""API representations of related objects (plain serializers: models import them)."""

from rest_framework import serializers


class TopicSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()


class DistrictSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()


class PublicPageSerializer(serializers.Serializer):
    """A linked page, or ``null`` when a visitor may not open it.

    A members-only briefing featured on the home page must not leak its title
    through the API.
    """

    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()

    def to_representation(self, page):
        if not page.live or page.get_view_restrictions().exists():
            return None
        return super().to_representation(page)
