"""Factories for the knowledge pages: news, articles and events.

A page is made under the page passed as ``parent=`` and then, as the admin does, saved as a
revision and published, so that revisions, signals (front-end cache purges, the search
vocabulary) and the live state are those of real publishing:

    NewsPageFactory(parent=news_index, title="Stagemarkt in Rotterdam", themes=[theme])

``publish=False`` leaves a draft instead: a page that is not live, with one revision.
``revision__user=editor`` saves (and publishes) the revision in an editor's name.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from knowledge.models import ArticleKind, ArticlePage, EventKind, EventPage, NewsPage


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page under ``parent``, published through a revision; a draft with ``publish=False``."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    class Params:
        publish = True

    # Left empty, Wagtail derives a slug from the title that is still free under the parent.
    slug = ""
    live = factory.SelfAttribute("publish")

    @factory.post_generation
    def revision(page, create, extracted, user=None, **kwargs):
        if not create:
            return
        revision = page.save_revision(user=user)
        if page.live:
            revision.publish(user=user)
            # As the admin does: a fresh copy carries what publishing changed.
            page.refresh_from_db()


class TopicalPageFactory(PublishedPageFactory):
    class Meta:
        abstract = True

    intro = factory.Faker("sentence", nb_words=10, locale="nl_NL")


class NewsPageFactory(TopicalPageFactory):
    """A news item; under a region page it takes that region."""

    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")


class ArticlePageFactory(TopicalPageFactory):
    """A Kennisbank article, a good practice unless told otherwise."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Goed voorbeeld {n}")
    kind = ArticleKind.GOOD_PRACTICE


class EventPageFactory(TopicalPageFactory):
    """A work table next week, two hours long, somewhere in the Netherlands."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Werktafel {n}")
    kind = EventKind.WORK_TABLE
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=2))
    location = factory.Faker("city", locale="nl_NL")
