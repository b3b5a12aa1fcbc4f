"""Free tags (Plone's subjects) on the page types an import makes: one through model per page type,
as django-taggit and modelcluster require."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


class ContentPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.ContentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.EventPage", on_delete=models.CASCADE, related_name="tagged_items")
