from rest_framework import serializers

from regions.serializers import RegionSerializer


class AuthorSerializer(serializers.Serializer):
    """A news item's author as the content API shows it: name, role code and label, and the
    region of a coordinator."""

    # The relations it reads, fetched with the page in lists (core.content_api.with_related).
    select_related = ["region"]

    name = serializers.CharField()
    role = serializers.CharField()
    role_label = serializers.CharField(source="get_role_display")
    region = RegionSerializer(allow_null=True)


class TagNamesField(serializers.Field):
    """Tags as their names in alphabetical order, read from the tags the list fetched in bulk
    (Wagtail's own TagsField asks the database again for every page)."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())
