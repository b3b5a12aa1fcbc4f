"""Content API fields for the knowledge app's models."""

from rest_framework import serializers

from .representations import document_representation, image_representation


class DocumentField(serializers.Field):
    """A document as URL, file name and size instead of a bare id."""

    def to_representation(self, document):
        return document_representation(document, self.context)


class ImageField(serializers.Field):
    """An image as renditions with their URLs and sizes instead of a bare id."""

    def to_representation(self, image):
        return image_representation(image, self.context, alt=image.default_alt_text or "")
