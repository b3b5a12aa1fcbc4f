"""Builds the demo site from knowledge/data/demo_content.json: the page tree, the 35 region pages,
the 7 theme pages, the news authors (the kwartiermaker, the national editors, a few coordinators)
and Dutch sample content. Existing pages and authors are left as they are, so a second run
changes nothing."""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

from core.models import SiteSettings
from core.models.settings import DEFAULT_SITE_NAME
from regions.demo_plans import build_regional_demo
from regions.demo_schools import build_demo_schools_and_people
from regions.models import Region, RegionIndexPage, RegionPage
from themes.models import Theme, ThemeIndexPage, ThemePage

from .models import (
    ArticleAttachment,
    ArticlePage,
    Author,
    ContentPage,
    EventIndexPage,
    EventPage,
    HomePage,
    KnowledgeIndexPage,
    NetworkPage,
    NewsIndexPage,
    NewsPage,
)

DEMO_CONTENT = Path(__file__).parent / "data" / "demo_content.json"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "admin"
ADMIN_EMAIL = "admin@example.org"


class DemoBuilder:
    def __init__(self, content_path=DEMO_CONTENT):
        self.content = json.loads(Path(content_path).read_text(encoding="utf-8"))
        self.created = []
        self.regions = {region.code: region for region in Region.objects.all()}
        self.themes = {theme.code: theme for theme in Theme.objects.all()}
        if len(self.regions) != 35 or len(self.themes) != 7:
            raise RuntimeError("Laad eerst de referentiegegevens: manage.py load_reference_data")

    def build(self):
        ensure_wagtail_roots()
        home = self.home_page()
        sections = self.content["sections"]
        news_index = self.child(home, NewsIndexPage, **self.section(sections["news"]))
        knowledge_index = self.child(home, KnowledgeIndexPage, **self.section(sections["knowledge"]))
        event_index = self.child(home, EventIndexPage, **self.section(sections["events"]))
        theme_index = self.child(home, ThemeIndexPage, **self.section(sections["themes"]))
        region_index = self.child(home, RegionIndexPage, **self.section(sections["regions"]))
        self.network_area(home, sections["network"])
        self.statements(home)

        region_pages = self.region_pages(region_index)
        build_demo_schools_and_people()
        self.created += build_regional_demo()
        self.theme_pages(theme_index)
        authors = self.authors()
        for item in self.content["news"]:
            self.news(news_index, region_pages, authors, item)
        for item in self.content["articles"]:
            self.article(knowledge_index, region_pages, item)
        for item in self.content["events"]:
            self.event(event_index, region_pages, item)
        self.attachment_example(knowledge_index)
        self.admin_account()
        return self.created

    # The tree

    def home_page(self):
        home = HomePage.objects.filter(depth=2, locale__language_code="nl").first()
        if home is not None:
            return home
        # A fresh install has Wagtail's plain welcome page as the site root; the home page replaces it.
        Page.objects.filter(depth=2, content_type__model="page").delete()
        home = self.child(Page.get_first_root_node(), HomePage, slug="home", **self.content["home"])
        site, _created = Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": home,
                "site_name": DEFAULT_SITE_NAME,
            },
        )
        SiteSettings.objects.update_or_create(site=site, defaults=self.content["site_settings"])
        return home

    def child(self, parent, page_class, slug, **fields):
        existing = page_class.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(page)
        return page

    @staticmethod
    def section(section, in_menu=True):
        """A section of the site: in the main menu (Toon in menu's) unless said otherwise."""
        return {
            "title": section["title"],
            "slug": section["slug"],
            "intro": section["intro"],
            "show_in_menus": in_menu,
        }

    def network_area(self, home, section):
        network = self.child(home, NetworkPage, body=section["body"], **self.section(section, in_menu=False))
        if not PageViewRestriction.objects.filter(page=network).exists():
            PageViewRestriction.objects.create(page=network, restriction_type=PageViewRestriction.LOGIN)
        return network

    def statements(self, home):
        """The accessibility and privacy statements: pages editors maintain, linked in the footer
        through the site settings (unless an editor has chosen the footer links already)."""
        links = []
        for item in self.content["statements"]:
            page = self.child(
                home,
                ContentPage,
                slug=item["slug"],
                title=item["title"],
                intro=item["intro"],
                body=item["body"],
            )
            links.append(
                {"type": "link", "value": {"label": item["footer_label"], "page": page.pk, "url": ""}}
            )
        site_settings = SiteSettings.objects.filter(site__root_page=home).first()
        if site_settings is not None and not site_settings.footer_links:
            site_settings.footer_links = links
            site_settings.save()

    def region_pages(self, region_index):
        pages = {}
        for region in self.regions.values():
            pages[region.code] = self.child(
                region_index,
                RegionPage,
                slug=region_slug(region),
                title=region.name,
                region=region,
                intro=self.content["region_intro"].format(name=region.name),
            )
        return pages

    def theme_pages(self, theme_index):
        for theme in self.themes.values():
            self.child(
                theme_index,
                ThemePage,
                slug=theme.code,
                title=theme.title,
                theme=theme,
                intro=theme.description,
            )

    # Content

    def authors(self):
        """The news authors by name."""
        authors = {}
        for item in self.content["authors"]:
            region = self.regions[item["region"]] if item["region"] else None
            authors[item["name"]], _created = Author.objects.get_or_create(
                name=item["name"], role=item["role"], region=region
            )
        return authors

    def news(self, index, region_pages, authors, item):
        parent = region_pages[item["region"]] if item["region"] else index
        return self.child(
            parent,
            NewsPage,
            slug=item["slug"],
            title=item["title"],
            intro=item["intro"],
            body=item["body"],
            date=datetime.date.fromisoformat(item["date"]),
            author=authors[item["author"]],
            themes=self.theme_list(item),
        )

    def article(self, index, region_pages, item):
        parent = region_pages[item["regions"][0]] if len(item["regions"]) == 1 else index
        return self.child(
            parent,
            ArticlePage,
            slug=item["slug"],
            title=item["title"],
            intro=item["intro"],
            body=item["body"],
            kind=item["kind"],
            date=datetime.date.fromisoformat(item["date"]),
            themes=self.theme_list(item),
            regions=[self.regions[code] for code in item["regions"]],
            for_pro="pro" in item["school_types"],
            for_vso="vso" in item["school_types"],
        )

    def event(self, index, region_pages, item):
        parent = region_pages[item["region"]] if item["region"] else index
        day = timezone.localdate() + datetime.timedelta(days=item["days_from_today"])
        return self.child(
            parent,
            EventPage,
            slug=item["slug"],
            title=item["title"],
            intro=item["intro"],
            body=item["body"],
            kind=item["kind"],
            location=item["location"],
            start=at(day, item["start_time"]),
            end=at(day, item["end_time"]),
            themes=self.theme_list(item),
        )

    def theme_list(self, item):
        return [self.themes[code] for code in item["themes"]]

    def attachment_example(self, knowledge_index):
        """Give the first national article a downloadable checklist, so attachments show."""
        article = ArticlePage.objects.child_of(knowledge_index).order_by("path").first()
        if article is None or article.attachments.exists():
            return
        document = get_document_model().objects.create(
            title="Checklist stageplaats (voorbeeld)",
            file=ContentFile(CHECKLIST.encode("utf-8"), name="checklist-stageplaats.txt"),
            file_size=len(CHECKLIST.encode("utf-8")),
        )
        ArticleAttachment.objects.create(page=article, document=document, sort_order=0)
        article.save_revision().publish()

    def admin_account(self):
        users = get_user_model().objects
        if not users.filter(username=ADMIN_USERNAME).exists():
            users.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, ADMIN_PASSWORD)


def ensure_wagtail_roots():
    """The locales and the page and collection roots that Wagtail's migrations make; made again
    here when the database was emptied, as between browser tests."""
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def region_slug(region):
    return slugify(region.name)


def at(day, hours_minutes):
    hour, minute = (int(part) for part in hours_minutes.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


CHECKLIST = """Checklist stageplaats

1. Is er een vaste begeleider bij de werkgever?
2. Zijn de werktijden en taken op papier gezet?
3. Weet de leerling wie hij belt bij ziekte?
4. Is er een afspraak voor de eerste evaluatie na vier weken?
"""
