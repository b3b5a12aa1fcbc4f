"""The sections of the newest pages that region and theme pages show: one per page type whose
taxonomy says `listed`, in the page types' `listing_order`."""

from dataclasses import dataclass

from .taxonomy import registered_page_models, taxonomy_of

LISTING_SIZE = 5


@dataclass
class Listing:
    type_code: str
    heading: str
    empty_text: str
    pages: list


def listings(narrow, limit=LISTING_SIZE):
    """[Listing] of every listed page type; `narrow(model, pages)` narrows a type's listed pages
    (to a region page's descendants, to a theme), or returns None to leave the type out."""
    found = []
    listed = [model for model in registered_page_models() if taxonomy_of(model).listed]
    for model in sorted(listed, key=lambda model: model.listing_order):
        taxonomy = taxonomy_of(model)
        pages = narrow(model, model.listed_pages())
        if pages is not None:
            found.append(
                Listing(
                    taxonomy.type_code, model.listing_heading, model.listing_empty_text, list(pages[:limit])
                )
            )
    return found


def with_code(facet, code):
    """A `narrow` for `listings`: the pages that have `code` for `facet`; types without the facet
    are left out."""

    def narrow(model, pages):
        condition = taxonomy_of(model).having(facet, code)
        return pages.filter(condition) if condition is not None else None

    return narrow
