"""Regional photos, annual plans and the people who keep them, built through the page tree."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from regions.models import (
    AnnualPlanAction,
    AnnualPlanPage,
    Bottleneck,
    RegionalPhotoPage,
    RegionalPlan,
    RegionPage,
)
from themes.models import Theme

from .factories import AnnualPlanPageFactory, ProgressReportPageFactory, RegionalPhotoPageFactory


def bare_region_page(code):
    """The region page without the demo's photo and annual plans, so a test builds its own."""
    region_page = RegionPage.objects.get(region__code=code, locale__language_code="nl")
    for page in region_page.get_children().type(RegionalPhotoPage, AnnualPlanPage):
        page.delete()
    return RegionPage.objects.get(pk=region_page.pk)


@pytest.fixture
def rijnmond(db):
    return bare_region_page("AM22")


@pytest.fixture
def groningen(db):
    return bare_region_page("AM01")


def make_user(username, *group_names):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def coordinator(db):
    """The coordinator of Rijnmond, as an admin would assign one."""
    return make_user("coordinator-rijnmond", "Coördinator Rijnmond", "Netwerk coördinatoren")


@pytest.fixture
def steering_member(db):
    return make_user("stuurgroep-rijnmond", "Stuurgroep Rijnmond")


@pytest.fixture
def national_editor(db):
    return make_user("redacteur", "Landelijke redactie")


@pytest.fixture
def network_manager(db):
    """A member of Beheer netwerk, who manages the regions' accounts and nothing else."""
    return make_user("beheer-netwerk", "Beheer netwerk")


def theme(code):
    return Theme.objects.get(code=code)


def make_photo(region_page, bottlenecks=(), plans=(), live=True, **fields):
    """A regional photo with bottlenecks given as (title, [theme codes])."""
    return RegionalPhotoPageFactory(
        parent=region_page,
        publish=live,
        plans=[RegionalPlan(title=title, kind="school-naar-werk") for title in plans],
        bottlenecks=[
            Bottleneck(title=title, themes=[theme(code) for code in codes]) for title, codes in bottlenecks
        ],
        **fields,
    )


def make_plan(region_page, year=2026, actions=(), live=True, **fields):
    """An annual plan with actions given as (title, [theme codes], status)."""
    return AnnualPlanPageFactory(
        parent=region_page,
        publish=live,
        year=year,
        actions=[
            AnnualPlanAction(title=title, status=status, themes=[theme(code) for code in codes])
            for title, codes, status in actions
        ],
        **fields,
    )


def make_report(plan, discussed_days_ago=0, quarter=1, live=True, **fields):
    """A progress report on `plan`, discussed in the steering group `discussed_days_ago`."""
    return ProgressReportPageFactory(
        parent=plan, publish=live, quarter=quarter, meeting_date=days_ago(discussed_days_ago), **fields
    )


def days_ago(days):
    return datetime.date.today() - datetime.timedelta(days=days)
