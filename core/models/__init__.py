from .pages import BasePage, RegionFromParentMixin, TaxonomyIndexedMixin, page_types_naming_parent
from .sections import SectionIndexPage
from .settings import SiteSettings

__all__ = [
    "BasePage",
    "RegionFromParentMixin",
    "SectionIndexPage",
    "SiteSettings",
    "TaxonomyIndexedMixin",
    "page_types_naming_parent",
]
