"""A small, fixed site for the content API tests: one page of every type with every kind of block,
built here rather than taken from the demo content, so that responses only change when the API does."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Site

from knowledge.models import (
    ArticleAttachment,
    ArticlePage,
    Author,
    EventIndexPage,
    EventPage,
    HomePage,
    KnowledgeIndexPage,
    NewsIndexPage,
    NewsPage,
)
from regions.models import (
    AnnualPlanPage,
    ConsultationTable,
    Municipality,
    Region,
    RegionalPhotoPage,
    RegionCoordinator,
    RegionIndexPage,
    RegionPage,
    SteeringGroupMember,
)
from themes.models import Theme, ThemeIndexPage, ThemePage

HOSTNAME = "contract.test"
THEME_CODE = "nazorg"
REGION_CODE = "AM22"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def make_image(title="Stagebezoek", size=(1600, 900)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (11, 79, 108)).save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="stagebezoek.png"))


def make_document(title="Handreiking stagebegeleiding"):
    document = Document(title=title, file=ContentFile(b"%PDF-1.4 handreiking", name="handreiking.pdf"))
    document.save()
    return document


def body(image, document, linked_page, external_url="https://www.example.nl/werkgevers"):
    return [
        ("heading", {"text": "Wat werkt", "level": "h2"}),
        ("paragraph", f'<p>Lees ook <a linktype="page" id="{linked_page.pk}">de agenda</a>.</p>'),
        ("image", {"image": image, "alt_text": "Een leerling op stage", "caption": "Stage in de haven"}),
        ("quote", {"text": "Elke leerling een passende plek.", "attribution": "Coördinator Rijnmond"}),
        ("document", {"document": document, "title": ""}),
        (
            "call_to_action",
            {
                "title": "Meer weten?",
                "text": "Twee plekken om verder te lezen.",
                "links": [
                    {"label": "Agenda", "page": linked_page, "url": ""},
                    {"label": "Werkgevers", "page": None, "url": external_url},
                ],
            },
        ),
        ("embed", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ]


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_site():
    """A second site at contract.test with one page of each type; returns {model label: page}."""
    theme = Theme.objects.get(code=THEME_CODE)
    region = Region.objects.get(code=REGION_CODE)
    # One theme or region page per locale: make room for ours.
    for page in [*ThemePage.objects.filter(theme=theme), *RegionPage.objects.filter(region=region)]:
        page.delete()
    image = make_image()
    document = make_document()

    home = add(Page.get_first_root_node(), HomePage(title="Contract", slug="contract", intro="Start."))
    Site.objects.create(hostname=HOSTNAME, port=80, root_page=home, site_name="Contract")
    events = add(home, EventIndexPage(title="Agenda", slug="agenda", intro="Bijeenkomsten."))
    home.body = body(image, document, events)
    home.save_revision().publish()
    event = EventPage(
        title="Stuurgroep Rijnmond",
        slug="stuurgroep",
        kind="stuurgroep",
        intro="Kwartaaloverleg.",
        start=datetime(2027, 3, 4, 14, 0, tzinfo=AMSTERDAM),
        end=datetime(2027, 3, 4, 16, 0, tzinfo=AMSTERDAM),
        location="Rotterdam",
        region=region,
        body=body(image, document, events),
    )
    event.themes = [theme]
    news = NewsPage(
        title="Nieuwe werktafel",
        slug="werktafel",
        date=date(2027, 1, 15),
        intro="Er is een werktafel.",
        body=body(image, document, events),
        region=region,
        author=Author.objects.create(name="Mohamed El Amrani", role="coordinator", region=region),
    )
    news.themes = [theme]
    article = ArticlePage(
        title="Stage met begeleiding",
        slug="stage",
        kind="goed-voorbeeld",
        date=date(2026, 11, 2),
        intro="Zo begeleiden we stages.",
        body=body(image, document, events),
        for_vso=False,
    )
    article.themes = [theme]
    article.regions = [region]
    article.attachments = [ArticleAttachment(document=document, title="Checklist")]

    news_index = add(home, NewsIndexPage(title="Nieuws", slug="nieuws", intro="Het laatste nieuws."))
    knowledge = add(home, KnowledgeIndexPage(title="Kennisbank", slug="kennisbank", intro="Kennis."))
    themes = add(home, ThemeIndexPage(title="Thema's", slug="themas", intro="Zeven thema's."))
    regions = add(home, RegionIndexPage(title="Regio's", slug="regios", intro="35 regio's."))
    theme_page = ThemePage(
        title=theme.title,
        slug=theme.code,
        theme=theme,
        intro="Over nazorg.",
        body=body(image, document, events),
    )
    region_page = RegionPage(
        title=region.name,
        slug="rijnmond",
        region=region,
        intro="Over Rijnmond.",
        body=body(image, document, events),
        centre_municipality=Municipality.objects.get(code="GM0599"),
    )
    region_page.coordinators = [
        RegionCoordinator(
            name="Carla Jansen",
            role="Netwerkcoördinator",
            email="c.jansen@example.nl",
            phone="010 123 45 67",
            photo=image,
        )
    ]
    region_page.steering_group_members = [
        SteeringGroupMember(name="Ahmed Bakker", role="voorzitter", organisation="Pro Rotterdam"),
    ]
    photo = RegionalPhotoPage(
        title="Arbeidsmarktregio-foto",
        slug="foto",
        intro="Zo ziet het eruit.",
        last_reviewed=date(2026, 10, 1),
    )
    photo.consultation_tables = [
        ConsultationTable(
            name="Werkgeverstafel",
            convenor="WSP Rijnmond",
            frequency="maandelijks",
            representative="Carla Jansen",
            relevant=True,
            relevance_reason="Stageplaatsen.",
        )
    ]
    plan = AnnualPlanPage(title="Jaarplan 2027", slug="jaarplan-2027", year=2027, intro="Wat we doen.")
    pages = [
        home,
        events,
        add(events, event),
        news_index,
        add(news_index, news),
        knowledge,
        add(knowledge, article),
        themes,
        add(themes, theme_page),
        regions,
        add(regions, region_page),
        add(region_page, photo),
        add(region_page, plan),
    ]
    return {page._meta.label: page for page in pages}
