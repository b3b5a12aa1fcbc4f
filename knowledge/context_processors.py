from wagtail.models import Site


def site_navigation(request):
    """The sections of the current site for the header menu."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_root": None, "menu_pages": []}
    root = site.root_page.localized
    return {
        "site_root": root,
        "menu_pages": root.get_children().live().public().in_menu(),
    }
