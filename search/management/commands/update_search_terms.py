from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from wagtail.models import Page

from search.models import SearchTerm
from search.vocabulary import add_words, words_of


class Command(BaseCommand):
    help = (
        "Add the words of every live, public page to the search vocabulary (typo correction, "
        "word forms, compounds). Publishing does this page by page; run it after content was "
        "loaded without publishing."
    )

    def handle(self, *args, **options):
        before = SearchTerm.objects.count()
        pages = Page.objects.live().public().exclude(depth=1).specific()
        words = set()
        for page in pages.iterator(chunk_size=500):
            words |= words_of(page)
        add_words(words)
        self.stdout.write(
            _("Zoektermen: %(new)d nieuw, %(total)d in totaal.")
            % {"new": SearchTerm.objects.count() - before, "total": SearchTerm.objects.count()}
        )
