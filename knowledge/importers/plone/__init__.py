"""`manage.py import_plone`: a Plone site from a plone.exportimport or collective.exportimport export
into the page tree (README, "Importing a Plone site")."""

from .exports import ExportRefused, open_export
from .importer import ImportRefusedError, PloneImporter

__all__ = ["ExportRefused", "ImportRefusedError", "PloneImporter", "open_export"]
