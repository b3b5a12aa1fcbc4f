from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.hooks import LOAD_REFERENCE_DATA, PAGES_SHOWING
from core.taxonomy import taxonomy_of

from .models import Theme, ThemePage
from .reference import load_themes
from .viewsets import ReferenceDataPermissionPolicy, ThemeViewSet

hooks.register(LOAD_REFERENCE_DATA, load_themes)
register_permission_policy(Theme, ReferenceDataPermissionPolicy(Theme))


@hooks.register("register_admin_viewset")
def register_theme_viewset():
    return ThemeViewSet("themes")


@hooks.register(PAGES_SHOWING)
def pages_of_its_themes(page):
    """A page with themes is listed on the pages of those themes."""
    taxonomy = taxonomy_of(type(page))
    if taxonomy is None or not taxonomy.listed or not taxonomy.themes:
        return []
    themes = getattr(page, taxonomy.themes)
    theme_ids = [theme.pk for theme in themes.all()] if hasattr(themes, "all") else [themes.pk]
    return ThemePage.objects.live().filter(theme__in=theme_ids)
