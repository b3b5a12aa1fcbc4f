from rest_framework import serializers


class ThemeSerializer(serializers.Serializer):
    """A theme as the content API shows it: its stable code and its title."""

    code = serializers.CharField()
    title = serializers.CharField()
