"""Factories for the regions app: schools, and the photo and annual plan a region page holds.

The pages follow tests/knowledge/factories.py: made under ``parent=`` (a region page) and
published through a revision, or left a draft with ``publish=False``.
"""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from regions.models import (
    AnnualPlanPage,
    Municipality,
    ProgressReportPage,
    RegionalPhotoPage,
    School,
    SchoolType,
)
from tests.knowledge.factories import PublishedPageFactory


class SchoolFactory(DjangoModelFactory):
    """A school location in a municipality of the region ``region_code`` (Rijnmond unless told),
    with a fresh BRIN and vestigingsnummer."""

    class Meta:
        model = School

    class Params:
        serial = factory.Sequence(lambda n: n)
        region_code = "AM22"

    brin = factory.LazyAttribute(lambda school: f"{school.serial % 100:02d}ZZ")
    location_number = factory.LazyAttribute(lambda school: f"{school.brin}{school.serial // 100 % 100:02d}")
    name = factory.LazyAttribute(lambda school: f"Testschool {school.serial}")
    school_type = SchoolType.PRO
    municipality = factory.LazyAttribute(
        lambda school: Municipality.objects.filter(region__code=school.region_code).first()
    )
    address = factory.Faker("street_address", locale="nl_NL")
    postcode = factory.Faker("postcode", locale="nl_NL")
    place = factory.LazyAttribute(lambda school: school.municipality.name)


class RegionalPhotoPageFactory(PublishedPageFactory):
    class Meta:
        model = RegionalPhotoPage

    title = factory.LazyAttribute(lambda page: f"Arbeidsmarktregio-foto {page.parent.title}")


class AnnualPlanPageFactory(PublishedPageFactory):
    class Meta:
        model = AnnualPlanPage

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    title = factory.LazyAttribute(lambda page: f"Jaarplan {page.year} {page.parent.title}")


class ProgressReportPageFactory(PublishedPageFactory):
    """A progress report under ``parent=`` (an annual plan)."""

    class Meta:
        model = ProgressReportPage

    quarter = 1
    title = factory.LazyAttribute(lambda page: f"Voortgang Q{page.quarter} {page.parent.specific.year}")
