"""Images and files of the export as Wagtail images and documents, with the same bytes, in the
import's collection; those that were not public in Plone in a collection only signed-in users may
view (Wagtail then serves such documents to them alone)."""

import hashlib
import io
import posixpath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.utils import get_allowed_image_extensions
from wagtail.models import Collection, CollectionViewRestriction
from willow.image import Image as WillowImage
from willow.image import UnrecognisedImageFormatError

from .exports import MissingBlob


class AssetSkipped(Exception):
    """The item's image or file cannot be imported; the message says why."""


class Assets:
    def __init__(self, export, export_key, indexing):
        self.export = export
        self.export_key = export_key
        self.indexing = indexing
        self.collections = None
        self.stored_files = []  # removed again when the import rolls back

    def image(self, item, published, image_id=None, lead=False):
        """The image of `item` (its lead image when `lead`): (image, outcome)."""
        data, filename = self.blob(item, "image")
        extension = posixpath.splitext(filename)[1].lower().lstrip(".")
        if extension not in get_allowed_image_extensions():
            raise AssetSkipped(
                _("afbeeldingen van het type .%(extension)s zijn niet toegestaan") % {"extension": extension}
            )
        if not is_image(data):
            raise AssetSkipped(_("geen geldige afbeelding"))
        Image = get_image_model()
        image = Image.objects.filter(pk=image_id).first() if image_id else None
        values = {
            "title": item.title[:255],
            "description": ("" if lead else item.description)[:255],
            "collection": self.collection(published),
        }
        return self.store(image or Image(), values, data, filename, [] if lead else item.subjects)

    def document(self, item, published, document_id=None):
        """The file of `item` as a document: (document, outcome)."""
        data, filename = self.blob(item, "file")
        Document = get_document_model()
        try:
            Document(file=ContentFile(b"", name=filename)).clean()  # WAGTAILDOCS_EXTENSIONS
        except ValidationError as error:
            raise AssetSkipped(" ".join(error.messages)) from error
        document = Document.objects.filter(pk=document_id).first() if document_id else None
        values = {"title": item.title[:255], "collection": self.collection(published)}
        return self.store(document or Document(), values, data, filename, item.subjects)

    def blob(self, item, field_name):
        value = item.data.get(field_name)
        try:
            data = self.export.read_blob(value)
        except MissingBlob as error:
            raise AssetSkipped(_("bestand ontbreekt: %(reason)s") % {"reason": error}) from error
        filename = value.get("filename") if isinstance(value.get("filename"), str) else ""
        return data, posixpath.basename(filename) or item.id

    def collection(self, published):
        if self.collections is None:
            root = Collection.get_first_root_node()
            name = _("Plone: %(export)s") % {"export": self.export_key}
            public = root.get_children().filter(name=name).first() or root.add_child(name=name)
            private_name = _("Plone: %(export)s (niet gepubliceerd)") % {"export": self.export_key}
            private = public.get_children().filter(name=private_name).first()
            if private is None:
                private = public.add_child(name=private_name)
                CollectionViewRestriction.objects.create(
                    collection=private, restriction_type=CollectionViewRestriction.LOGIN
                )
            self.collections = {True: public, False: private}
        return self.collections[published]

    def store(self, obj, values, data, filename, tags):
        """Give an image or document these values and bytes: (it, "created", "updated" or
        "unchanged")."""
        new_hash = hashlib.sha1(data).hexdigest()
        same = obj.pk and obj.file_hash == new_hash
        if same and all(getattr(obj, name) == value for name, value in values.items()):
            if sorted(obj.tags.names()) == tags:
                return obj, "unchanged"
        outcome = "updated" if obj.pk else "created"
        for name, value in values.items():
            setattr(obj, name, value)
        if not same:
            old_file = obj.file if obj.pk else None
            obj.file = ContentFile(data, name=filename)
            obj.file_size, obj.file_hash = len(data), new_hash
            obj.save()
            self.stored_files.append((obj.file.storage, obj.file.name))
            if old_file:
                storage, name = old_file.storage, old_file.name
                transaction.on_commit(lambda: storage.delete(name))
                if hasattr(obj, "renditions"):
                    obj.renditions.all().delete()
        else:
            obj.save()
        obj.tags.set(tags)
        self.indexing.touch(obj)
        return obj, outcome

    def discard_stored_files(self):
        for storage, name in self.stored_files:
            storage.delete(name)
        self.stored_files = []


def is_image(data):
    try:
        WillowImage.open(io.BytesIO(data)).get_size()
    except (UnrecognisedImageFormatError, OSError, ValueError):
        return False
    return True
