"""Plone's languages on this site: the locale of a language root folder, the draft translation of
the page the import goes under, and one translation key per group of translations.

A Plone language that is not among the site's content languages (WAGTAIL_CONTENT_LANGUAGES) is
reported and its items skipped rather than given a locale of their own: the site would neither
route nor offer a language that its settings do not name. Adding it to LANGUAGES and
WAGTAIL_CONTENT_LANGUAGES and importing again brings them in."""

import uuid

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

TRANSLATION_NAMESPACE = uuid.UUID("0b5b1b7e-2f0c-4a57-9f38-6a4e3c0c8f51")


def content_locale(code):
    """The Locale of a Plone language code ("en", "en-us") when the site has that language."""
    codes = [language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    code = (code or "").lower()
    match = next((language for language in codes if language == code), None) or next(
        (language for language in codes if language == code.split("-")[0]), None
    )
    if match is None:
        return None
    locale, _created = Locale.objects.get_or_create(language_code=match)
    return locale


def translated_page(page, locale):
    """`page` in `locale`, and whether it had to be made: a draft translation made by
    wagtail-localize, as editors make them, with the pages above it that are missing."""
    translation = page.get_translation_or_none(locale)
    if translation is not None:
        return translation, False
    translate_object(page.specific, [locale])
    return page.get_translation(locale), True


class TranslationKeys:
    """The translation key of each item in a group of translations: the same for the whole group,
    and the same on every import of the export, so that re-runs keep the pages linked."""

    def __init__(self, export_key, groups):
        self.keys = {}
        for group in groups:
            members = [uid for uid in group if isinstance(uid, str) and uid]
            if len(members) > 1:
                key = uuid.uuid5(TRANSLATION_NAMESPACE, f"{export_key}:{members[0]}")
                for uid in members:
                    self.keys[uid] = key
        self.taken = set()  # (key, locale id) given out in this run

    def key_for(self, uid, locale_id):
        """The group's key for `uid` in its locale, or None when it has no group or another member
        of its group already has that locale."""
        key = self.keys.get(uid)
        if key is None or (key, locale_id) in self.taken:
            return None
        self.taken.add((key, locale_id))
        return key

    def is_grouped(self, uid):
        return uid in self.keys
