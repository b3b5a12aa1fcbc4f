"""Import of Kennisbank articles from JSON Lines (one article per line, keyed by slug).

Every line is checked before anything is written; one bad line rejects the whole file. Valid
files go through Wagtail's own publishing path: a page, a revision, and a publish for live
articles. An article with exactly one region sits under that region's page, any other under
the Kennisbank. A re-run saves a new revision only for articles whose content changed.

`live: false` keeps an article as an unpublished draft; an article that is live on the site and
arrives with `live: false` is unpublished (its content stays, as a draft).
"""

import datetime
import json
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from core import bulk
from core.blocks import BodyBlock
from knowledge.models import ArticleKind, ArticlePage, KnowledgeIndexPage
from regions.models import Region, RegionPage, SchoolType
from themes.models import Theme

FIELD_TYPES = {
    "slug": str,
    "title": str,
    "intro": str,
    "body_html": str,
    "kind": str,
    "themes": list,
    "regions": list,
    "school_types": list,
    "published": str,
    "live": bool,
}
TYPE_NAMES = {str: gettext_lazy("tekst"), list: gettext_lazy("een lijst"), bool: "true/false"}
TITLE_MAX_LENGTH = ArticlePage._meta.get_field("title").max_length
SLUG_MAX_LENGTH = ArticlePage._meta.get_field("slug").max_length


class ImportRejected(Exception):
    """The file has bad lines; `errors` lists (line number, message) and nothing was imported.

    A line number of None marks a problem with the whole import rather than one line.
    """

    def __init__(self, errors):
        super().__init__(f"{len(errors)} bad line(s)")
        self.errors = errors


@dataclass(frozen=True)
class ArticleRecord:
    line_number: int
    slug: str
    title: str
    intro: str
    body_html: str
    kind: str
    themes: tuple
    regions: tuple
    for_pro: bool
    for_vso: bool
    date: datetime.date
    live: bool
    html_cleaned: bool = False

    def content(self):
        """The fields an ArticlePage carries, in the form `page_content` reads them back."""
        return {
            "title": self.title,
            "intro": self.intro,
            "body": body_sources(self.body_html),
            "kind": self.kind,
            "date": self.date,
            "themes": sorted(self.themes),
            "regions": sorted(self.regions),
            "for_pro": self.for_pro,
            "for_vso": self.for_vso,
        }


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    drafts: int = 0
    unpublished: int = 0
    cleaned: list = field(default_factory=list)


def is_iso_date(text):
    try:
        return len(text) == 10 and bool(datetime.date.fromisoformat(text))
    except ValueError:
        return False


def body_sources(html):
    return [("paragraph", html)] if html.strip() else []


def page_content(page):
    return {
        "title": page.title,
        "intro": page.intro,
        "body": [(block.block_type, getattr(block.value, "source", None)) for block in page.body],
        "kind": page.kind,
        "date": page.date,
        "themes": sorted(theme.code for theme in page.themes.all()),
        "regions": sorted(region.code for region in page.regions.all()),
        "for_pro": page.for_pro,
        "for_vso": page.for_vso,
    }


class RichTextCleaner:
    """Reduces imported HTML to what the body's text block allows, using Wagtail's whitelister.

    Scripts and styles go with their content (the whitelister would keep it as text), and
    h1/h2 become h3, the one heading level the text block offers, so headings stay apart.
    """

    DROPPED_WITH_CONTENT = ["script", "style", "template", "iframe", "object", "noscript"]
    TO_H3 = ["h1", "h2"]

    def __init__(self):
        features = BodyBlock().child_blocks["paragraph"].features
        self.converter = DbHTMLConverter(features=features)

    def clean(self, html):
        """The cleaned HTML and whether anything had to be removed."""
        doc = BeautifulSoup(html, "html.parser")
        dropped = doc.find_all(self.DROPPED_WITH_CONTENT)
        for tag in dropped:
            tag.decompose()
        for tag in doc.find_all(self.TO_H3):
            tag.name = "h3"
        cleaned, removals = self.converter.clean(str(doc))
        return cleaned, bool(dropped or removals)


class ArticleImporter:
    def __init__(self):
        self.locale = Locale.get_default()
        self.kennisbank = KnowledgeIndexPage.objects.filter(locale=self.locale).first()
        self.region_pages = {
            page.region.code: page
            for page in RegionPage.objects.filter(locale=self.locale).select_related("region")
        }
        self.themes = {theme.code: theme for theme in Theme.objects.all()}
        self.regions = {region.code: region for region in Region.objects.all()}
        self.cleaner = RichTextCleaner()

    # Checking

    def read(self, lines):
        """Parse and check every line; raise ImportRejected listing all bad lines."""
        if self.kennisbank is None:
            message = _("Er is geen Kennisbank; maak eerst de paginastructuur.")
            raise ImportRejected([(None, message)])
        records, errors, first_line_of_slug = [], [], {}
        for line_number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            problems, record, slug = self.check_line(line_number, line)
            if slug in first_line_of_slug:
                problems.append(
                    _("slug '%(slug)s' staat ook op regel %(line)d")
                    % {"slug": slug, "line": first_line_of_slug[slug]}
                )
            elif slug is not None:
                first_line_of_slug[slug] = line_number
            if problems:
                errors.extend((line_number, problem) for problem in problems)
            else:
                records.append(record)
        if not errors:
            errors = self.check_placement(records)
        if errors:
            raise ImportRejected(errors)
        return records

    def check_line(self, line_number, line):
        """The line's problems, its record when it has none, and its slug when it has one."""
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            return [_("geen geldige JSON (%(error)s)") % {"error": error.msg}], None, None
        if not isinstance(data, dict):
            return [_("een regel moet één JSON-object zijn")], None, None
        problems, typed = self.check_types(data)
        problems += self.check_values(typed)
        if problems:
            return problems, None, typed.get("slug")
        body_html, cleaned = self.cleaner.clean(data["body_html"])
        record = ArticleRecord(
            line_number=line_number,
            slug=data["slug"],
            title=data["title"].strip(),
            intro=data["intro"].strip(),
            body_html=body_html,
            kind=data["kind"],
            themes=tuple(dict.fromkeys(data["themes"])),
            regions=tuple(dict.fromkeys(data["regions"])),
            for_pro=SchoolType.PRO in data["school_types"],
            for_vso=SchoolType.VSO in data["school_types"],
            date=datetime.date.fromisoformat(data["published"]),
            live=data["live"],
            html_cleaned=cleaned,
        )
        return [], record, record.slug

    @staticmethod
    def check_types(data):
        """Problems with the fields' presence and types, and the fields that are well typed."""
        problems = [
            _("onbekend veld '%(field)s'") % {"field": name} for name in data if name not in FIELD_TYPES
        ]
        typed = {}
        for name, expected in FIELD_TYPES.items():
            if name not in data:
                problems.append(_("veld '%(field)s' ontbreekt") % {"field": name})
            elif type(data[name]) is not expected:
                problems.append(
                    _("veld '%(field)s' moet %(type)s zijn") % {"field": name, "type": TYPE_NAMES[expected]}
                )
            elif expected is list and not all(isinstance(item, str) for item in data[name]):
                problems.append(_("veld '%(field)s' moet een lijst met tekst zijn") % {"field": name})
            else:
                typed[name] = data[name]
        return problems, typed

    def check_values(self, typed):
        problems = []
        slug = typed.get("slug")
        if slug is not None:
            try:
                validate_slug(slug)
            except ValidationError:
                problems.append(
                    _("slug '%(slug)s' mag alleen letters, cijfers, - en _ bevatten") % {"slug": slug}
                )
            if len(slug) > SLUG_MAX_LENGTH:
                problems.append(_("slug is langer dan %(max)d tekens") % {"max": SLUG_MAX_LENGTH})
        title = typed.get("title", "-").strip()
        if not title:
            problems.append(_("titel is leeg"))
        elif len(title) > TITLE_MAX_LENGTH:
            problems.append(_("titel is langer dan %(max)d tekens") % {"max": TITLE_MAX_LENGTH})
        if not typed.get("intro", "-").strip():
            problems.append(_("inleiding is leeg"))
        kind = typed.get("kind")
        if kind is not None and kind not in ArticleKind.values:
            problems.append(
                _("onbekende soort '%(kind)s' (kies uit %(choices)s)")
                % {"kind": kind, "choices": ", ".join(ArticleKind.values)}
            )
        problems += self.unknown_codes(typed.get("themes", []), self.themes, _("thema"))
        problems += self.unknown_codes(typed.get("regions", []), self.regions, _("regio"))
        school_types = typed.get("school_types")
        if school_types is not None and not school_types:
            problems.append(_("school_types is leeg (kies pro, vso of beide)"))
        problems += self.unknown_codes(school_types or [], SchoolType.values, _("schooltype"))
        published = typed.get("published")
        if published is not None and not is_iso_date(published):
            problems.append(_("datum '%(date)s' is geen geldige datum JJJJ-MM-DD") % {"date": published})
        return problems

    @staticmethod
    def unknown_codes(codes, known, label):
        return [
            _("%(label)s '%(code)s' bestaat niet") % {"label": label, "code": code}
            for code in codes
            if code not in known
        ]

    def check_placement(self, records):
        """A new place must not hold another page with the same slug."""
        errors = []
        existing = self.existing_articles([record.slug for record in records])
        taken = self.slugs_of_other_pages()
        for record in records:
            parent = self.parent_for(record)
            page = existing.get(record.slug)
            if page is None or not page.path.startswith(parent.path):
                if (parent.pk, record.slug) in taken:
                    errors.append(
                        (
                            record.line_number,
                            _("onder '%(parent)s' staat al een andere pagina met slug '%(slug)s'")
                            % {"parent": parent.title, "slug": record.slug},
                        )
                    )
        return errors

    def slugs_of_other_pages(self):
        """(parent id, slug) of the region pages' children that are not articles."""
        parents = {page.path: page.pk for page in self.region_pages.values()}
        if not parents:
            return set()
        depth = next(iter(self.region_pages.values())).depth + 1
        children = (
            Page.objects.filter(depth=depth, path__startswith=self.region_index_path())
            .not_type(ArticlePage)
            .values_list("path", "slug")
        )
        return {
            (parents[path[: -Page.steplen]], slug)
            for path, slug in children
            if path[: -Page.steplen] in parents
        }

    def region_index_path(self):
        any_region_page = next(iter(self.region_pages.values()))
        return any_region_page.path[: -Page.steplen]

    def existing_articles(self, slugs):
        pages = ArticlePage.objects.filter(locale=self.locale, slug__in=slugs)
        return {page.slug: page for page in pages.prefetch_related("themes", "regions")}

    def parent_for(self, record):
        if len(record.regions) == 1:
            return self.region_pages.get(record.regions[0], self.kennisbank)
        return self.kennisbank

    # Writing

    def run(self, lines, dry_run=False):
        """Check all lines, then create or update the articles in one transaction."""
        records = self.read(lines)
        report = ImportReport()
        report.cleaned = [record.line_number for record in records if record.html_cleaned]
        existing = self.existing_articles([record.slug for record in records])
        # Publishing's side effects (cache purges, the search vocabulary) once, at the end.
        with transaction.atomic(), bulk.batch():
            for record in records:
                page = existing.get(record.slug)
                was_live = page is not None and page.live
                outcome = self.apply(record, page, dry_run)
                setattr(report, outcome, getattr(report, outcome) + 1)
                if not record.live:
                    report.drafts += 1
                    report.unpublished += was_live
        return report

    def apply(self, record, page, dry_run):
        parent = self.parent_for(record)
        if page is None:
            if not dry_run:
                self.create(record, parent)
            return "created"
        moved = not page.path.startswith(parent.path) or page.depth != parent.depth + 1
        changed = page_content(page.get_latest_revision_as_object()) != record.content()
        publish = record.live and (not page.live or page.has_unpublished_changes or changed)
        unpublish = not record.live and page.live
        if not (moved or changed or publish or unpublish):
            return "unchanged"
        if not dry_run:
            self.update(record, page, parent, moved, changed, publish, unpublish)
        return "updated"

    def create(self, record, parent):
        page = ArticlePage(slug=record.slug, locale=self.locale, live=record.live)
        self.fill(page, record)
        parent.add_child(instance=page)
        revision = page.save_revision(log_action="wagtail.create")
        if record.live:
            revision.publish()

    def update(self, record, page, parent, moved, changed, publish, unpublish):
        if moved:
            page.move(parent, pos="last-child")
            page.refresh_from_db()
        if unpublish:
            page.unpublish()
        revision = page.get_latest_revision()
        if changed:
            draft = page.get_latest_revision_as_object()
            self.fill(draft, record)
            revision = draft.save_revision(log_action=True)
        if publish:
            revision.publish()

    def fill(self, page, record):
        page.title = record.title
        page.intro = record.intro
        page.body = [(kind, RichText(html)) for kind, html in body_sources(record.body_html)]
        page.kind = record.kind
        page.date = record.date
        page.themes = [self.themes[code] for code in record.themes]
        page.regions = [self.regions[code] for code in record.regions]
        page.for_pro = record.for_pro
        page.for_vso = record.for_vso
