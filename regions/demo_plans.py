"""Demo regional photos and annual plans for two regions, and demo accounts for the roles.
Existing pages and accounts are left alone, so a second run changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from themes.models import Theme

from .models import (
    AnnualPlanAction,
    AnnualPlanGoal,
    AnnualPlanPage,
    Bottleneck,
    ConsultationTable,
    Development,
    Partner,
    ProgressReportPage,
    Project,
    RegionalPhotoPage,
    RegionalPlan,
    RegionPage,
    School,
    SchoolContact,
)
from .models.progress import previous_quarter
from .roles import SCHOOL_CONTACTS

DEMO_REGIONS = {
    "AM22": {
        "port": "de Rotterdamse haven en de zorg",
        "table": "Regionale Werkkamer Rijnmond",
        "centre": "Gemeente Rotterdam",
        "mbo": "Albeda en Zadkine",
    },
    "AM01": {
        "port": "de Eemshaven en de techniek",
        "table": "Werkkamer Groningen",
        "centre": "Gemeente Groningen",
        "mbo": "Noorderpoort",
    },
}

# (username, password, groups): the coordinator of Rijnmond, a member of its steering group, a
# manager of the network's accounts and the contact of a school in Rijnmond.
DEMO_ACCOUNTS = [
    ("coordinator", "coordinator", ["Coördinator Rijnmond", "Netwerk coördinatoren"]),
    ("stuurgroep", "stuurgroep", ["Stuurgroep Rijnmond"]),
    ("beheer", "beheer", ["Beheer netwerk"]),
    ("school", "school", [SCHOOL_CONTACTS]),
]
DEMO_SCHOOL_REGION = "AM22"  # Rijnmond


def build_regional_demo():
    """Returns the pages it created."""
    created = []
    themes = {theme.code: theme for theme in Theme.objects.all()}
    for code, facts in DEMO_REGIONS.items():
        region_page = RegionPage.objects.filter(region__code=code, locale__language_code="nl").first()
        if region_page is None:
            continue
        photo = RegionalPhotoPage.objects.child_of(region_page).first()
        if photo is None:
            photo = _publish(region_page, _photo(region_page, facts, themes))
            created.append(photo)
        year = timezone.localdate().year
        if not AnnualPlanPage.objects.child_of(region_page).filter(year=year).exists():
            plan = _publish(region_page, _plan(region_page, photo, year, themes))
            created += [plan, _publish(plan, _progress_report(plan))]
    return created


def create_demo_accounts():
    """Demo users for the roles that setup_roles made; returns the usernames it created."""
    users = get_user_model().objects
    created = []
    for username, password, group_names in DEMO_ACCOUNTS:
        if users.filter(username=username).exists():
            continue
        user = users.create_user(username, f"{username}@example.org", password)
        user.groups.set(Group.objects.filter(name__in=group_names))
        if SCHOOL_CONTACTS in group_names:
            schools = School.objects.filter(municipality__region__code=DEMO_SCHOOL_REGION, active=True)
            SchoolContact.objects.create(account=user).schools.set(schools.order_by("name")[:1])
        created.append(username)
    return created


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _photo(region_page, facts, themes):
    name = region_page.title
    return RegionalPhotoPage(
        title=f"Arbeidsmarktregio-foto {name}",
        slug="arbeidsmarktregio-foto",
        intro=f"Wie werkt in {name} aan werk voor jongeren uit pro en vso, en waar lopen scholen tegenaan.",
        last_reviewed=timezone.localdate() - datetime.timedelta(days=40),
        consultation_tables=[
            ConsultationTable(
                name=facts["table"],
                convenor=facts["centre"],
                frequency="Maandelijks",
                representative="Netwerkcoördinator pro/vso",
                relevant=True,
                relevance_reason="Hier worden de afspraken over het regionaal werkbedrijf gemaakt.",
            ),
            ConsultationTable(
                name="Bestuurlijk overleg arbeidsmarkt",
                convenor="Wethouders van de regio",
                frequency="Per kwartaal",
                representative="",
                relevant=False,
                relevance_reason="Gaat over volwassenen in de bijstand; pro/vso schuift aan "
                "als het nodig is.",
            ),
        ],
        plans=[
            RegionalPlan(
                title=f"Regionaal plan Van school naar duurzaam werk {name}",
                kind="school-naar-werk",
                period="2025–2028",
                relevant=True,
                summary="Afspraken tussen scholen, gemeenten en UWV over begeleiding na de school.",
            ),
            RegionalPlan(
                title=f"Arbeidsmarktagenda {name}",
                kind="arbeidsmarkt",
                period="2024–2027",
                summary=f"Tekorten in {facts['port']}.",
                relevant=True,
                relevance_reason="Biedt kansen voor praktijkgerichte leerwerkplekken.",
            ),
        ],
        projects=[
            Project(
                title="Leerwerkloket jongeren",
                lead=facts["centre"],
                period="2026",
                description="Eén loket voor werkgevers die een schoolverlater willen plaatsen.",
            ),
        ],
        partners=[
            Partner(kind=kind, name=partner_name, role=role)
            for kind, partner_name, role in [
                ("centrumgemeente", facts["centre"], "Trekker van het regionaal werkbedrijf."),
                ("doorstroompunt", f"Doorstroompunt {name}", "Volgt jongeren tot 27 jaar."),
                ("wsp", f"Werkgeversservicepunt {name}", "Zoekt werkgevers en plaatsen."),
                ("uwv", "UWV", "Indicaties banenafspraak en beschut werk."),
                ("mbo", facts["mbo"], "Entree-opleidingen en doorstroom."),
                ("sbb", "SBB", "Erkende leerbedrijven."),
            ]
        ],
        developments=[
            Development(
                title="Wet Van school naar duurzaam werk",
                description="Scholen dragen oud-leerlingen warm over aan gemeente en Doorstroompunt.",
                relevant=True,
                relevance_reason="Verplicht voor alle pro- en vso-scholen.",
            ),
        ],
        bottlenecks=[
            Bottleneck(
                title="Te weinig stageplekken met begeleiding op de werkvloer",
                description="Werkgevers haken af als de begeleiding zwaarder is dan verwacht.",
                themes=[themes["stage-en-uitstroomplaatsen"]],
            ),
            Bottleneck(
                kind="ontwikkelpunt",
                title="Nazorg na het eerste jaar loopt uiteen per gemeente",
                themes=[themes["nazorg"], themes["gemeentelijke-inzet"]],
            ),
        ],
    )


def _plan(region_page, photo, year, themes):
    name = region_page.title
    plan_item = photo.plans.filter(kind="school-naar-werk").first()
    bottlenecks = list(photo.bottlenecks.all())
    return AnnualPlanPage(
        title=f"Jaarplan {year} {name}",
        slug=f"jaarplan-{year}",
        year=year,
        intro=f"Wat het netwerk in {name} dit jaar doet, gebouwd op de knelpunten van de scholen.",
        goals=[
            AnnualPlanGoal(
                title="Elke schoolverlater heeft een passende plek en een vast aanspreekpunt",
                regional_plan=plan_item,
            ),
        ],
        actions=[
            AnnualPlanAction(
                title="Werkgeversontbijt met het Werkgeversservicepunt",
                owner="Netwerkcoördinator",
                due_date=datetime.date(year, 6, 30),
                status="bezig",
                progress_note="Twee ontbijten gehouden, twaalf nieuwe stageplekken.",
                themes=[themes["stage-en-uitstroomplaatsen"]],
                bottlenecks=bottlenecks[:1],
            ),
            AnnualPlanAction(
                title="Eén nazorgprotocol voor alle gemeenten",
                owner="Werkgroep nazorg",
                due_date=datetime.date(year, 12, 1),
                status="gepland",
                themes=[themes["nazorg"], themes["gemeentelijke-inzet"]],
                bottlenecks=bottlenecks[1:],
            ),
        ],
    )


def _progress_report(plan):
    """The report on the last quarter that ended (the first quarter early in the year)."""
    year, quarter = previous_quarter(timezone.localdate())
    report = ProgressReportPage.prefilled_for(plan)
    if year == plan.year:
        report.quarter = quarter
        report.title = f"Voortgang Q{quarter} {year}"
    report.slug = f"voortgang-q{report.quarter}"
    report.meeting_date = timezone.localdate() - datetime.timedelta(days=14)
    report.note = "Besproken in de stuurgroep; de ontbijten werken, het nazorgprotocol start na de zomer."
    return report
