"""Translation without untranslated text on the site, and the translators' role.

A translation starts as a draft (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off), and so do
the sections above it that Wagtail makes on the way: it makes them as aliases of the Dutch pages,
which are live and follow every publish of their original, so they become draft translations.

`manage.py setup_roles`: the *Vertalers* group translates pages with wagtail-localize and publishes
the translations; the national editors may translate too. Each other content language gets its home
page up front, as a draft translation of the site's home, so that the translators' page rights have
a place to live: add, change and publish on that tree, and nowhere in the Dutch one.
"""

from functools import partial

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, Workflow
from wagtail_localize.operations import translate_object

from regions.roles import NATIONAL_EDITORS

from .models import HomePage

TRANSLATORS = "Vertalers"
TRANSLATOR_PAGE_ACTIONS = ["add", "change", "publish", "lock"]
# Wagtail's first migration attaches this workflow to the root page, for a group nobody is in.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def setup_translator_roles(setup, region_roles):
    translators = setup.group(TRANSLATORS)
    submit_translation = Permission.objects.filter(pk=submit_translation_permission().pk)
    setup.model_permissions(translators, ["wagtailadmin.access_admin"])
    setup.grant(translators, submit_translation)
    setup.grant(setup.group(NATIONAL_EDITORS), submit_translation)
    for home in translated_homes(setup):
        for action in TRANSLATOR_PAGE_ACTIONS:
            setup.page_permission(translators, home, action)
    detach_wagtails_default_workflow(setup)


def submit_translation_permission():
    """wagtail-localize's permission to translate. Its migration makes it, not a model, so a database
    whose tables were emptied since (`manage.py flush`) lacks it: made again as that migration does."""
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    return permission


def translated_homes(setup):
    """The home page of every content language but the default one, made as a draft translation of
    the default home where it is missing."""
    default_locale = Locale.get_default()
    source = HomePage.objects.filter(locale=default_locale, depth=2).first()
    if source is None:
        return []
    homes = []
    for language_code in get_content_languages():
        if language_code == default_locale.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=language_code)
        home = source.get_translation_or_none(locale)
        if home is None:
            translate_object(source, [locale])
            home = source.get_translation(locale)
            setup.counts["vertaalde startpagina's (concept)"] += 1
        homes.append(home)
    return homes


def detach_wagtails_default_workflow(setup):
    """Pages follow the project's own workflows (Jaarplan, Kennisbank) or none, never Wagtail's
    default one, which would ask coordinators to send pages to an empty group."""
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        workflow.deactivate()  # also detaches it from every page
        setup.counts["standaardworkflow uitgeschakeld"] += 1


def draft_instead_of_alias(sender, instance, created, raw=False, **kwargs):
    """post_save: a page made as an alias of a page in another language becomes a draft translation
    once the translation that made it is saved."""
    if created and not raw and isinstance(instance, Page) and instance.alias_of_id:
        if instance.alias_of.locale_id != instance.locale_id:
            transaction.on_commit(partial(convert_alias_to_draft_translation, instance.pk))


def convert_alias_to_draft_translation(page_id):
    page = Page.objects.filter(pk=page_id, alias_of__isnull=False).first()
    if page is None:
        return
    source = page.alias_of.specific
    Page.objects.filter(pk=page.pk).update(alias_of=None, live=False, has_unpublished_changes=True)
    translate_object(source, [page.locale])  # wagtail-localize takes the page over as a draft
