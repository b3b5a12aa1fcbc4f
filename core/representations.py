"""How images, documents and page links appear in the content API: ready to render, so a front end
needs no second request to show a picture, offer a download or follow a link. Blocks use the
functions; API fields of models use `ImageField` and `DocumentField`."""

import os

from rest_framework import serializers
from wagtail.api.utils import get_full_url
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

# Name → Wagtail filter spec of the renditions every image carries in the API.
IMAGE_RENDITIONS = {"large": "max-1200x1200", "medium": "max-600x600"}


def images_with_renditions():
    """Images with the API's renditions fetched in the same go: no query per image."""
    return get_image_model().objects.prefetch_renditions(*IMAGE_RENDITIONS.values())


def _request(context):
    return (context or {}).get("request")


def image_representation(image, context=None, alt=""):
    if image is None:
        return None
    request = _request(context)
    renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": get_full_url(request, renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in IMAGE_RENDITIONS.items()
        },
    }


def document_representation(document, context=None):
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": get_full_url(_request(context), document.url),
        "filename": os.path.basename(document.file.name),
        "extension": document.file_extension,
        "size": _file_size(document),
    }


def _file_size(document):
    """Bytes; uploads through the admin store it, other imports may leave it to the storage."""
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except OSError:
        return None


def _restricted_paths(request):
    """Tree paths of view-restricted pages, looked up once per request."""
    if request is None:
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if not hasattr(request, "_restricted_page_paths"):
        request._restricted_page_paths = list(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )
    return request._restricted_page_paths


def is_public(page, request=None):
    """Live and not under a view restriction: the pages anyone may see."""
    return page.live and not any(page.path.startswith(path) for path in _restricted_paths(request))


def page_link(page, context=None):
    """A link to a page as id, title and URL; None for a draft or private page, which the
    API must not reveal."""
    request = _request(context)
    if page is None or not is_public(page, request):
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request=request),
    }


class DocumentField(serializers.Field):
    """A document as URL, file name and size instead of a bare id."""

    def to_representation(self, document):
        return document_representation(document, self.context)


class ImageField(serializers.Field):
    """An image as renditions with their URLs and sizes instead of a bare id."""

    def to_representation(self, image):
        return image_representation(image, self.context, alt=image.default_alt_text or "")
