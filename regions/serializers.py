from rest_framework import serializers


class RegionSerializer(serializers.Serializer):
    """A region as the content API shows it: its CBS code and its name."""

    code = serializers.CharField()
    name = serializers.CharField()


class MunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField()
    number = serializers.CharField()
    name = serializers.CharField()
