from wagtail import hooks

from core.hooks import LOAD_REFERENCE_DATA, PAGES_SHOWING
from core.taxonomy import taxonomy_of

from .models import ThemePage
from .reference import load_themes

hooks.register(LOAD_REFERENCE_DATA, load_themes)


@hooks.register(PAGES_SHOWING)
def pages_of_its_themes(page):
    """A page with themes is listed on the pages of those themes."""
    taxonomy = taxonomy_of(type(page))
    if taxonomy is None or not taxonomy.listed or not taxonomy.themes:
        return []
    themes = getattr(page, taxonomy.themes)
    theme_ids = [theme.pk for theme in themes.all()] if hasattr(themes, "all") else [themes.pk]
    return ThemePage.objects.live().filter(theme__in=theme_ids)
