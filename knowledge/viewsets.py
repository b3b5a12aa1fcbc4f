"""The news authors in the admin (*Auteurs*): national editors keep the list; everyone who writes
news picks an author from it in the news item's chooser."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Auteurs")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "role", "region"]
    list_filter = ["role", "region"]
    # A short list: the admin searches the table itself.
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["name"]
