"""API representation of a venue (a plain serializer: models import it)."""

from rest_framework import serializers


class VenueSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    street = serializers.CharField()
    postcode = serializers.CharField()
    city = serializers.CharField()
    public_transport = serializers.CharField()
    step_free = serializers.BooleanField()
    accessible_toilet = serializers.BooleanField()
    nursing_room = serializers.BooleanField()
    changing_table = serializers.BooleanField()
    child_friendly = serializers.BooleanField()
