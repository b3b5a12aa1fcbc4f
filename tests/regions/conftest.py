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


def theme(code):
    return Theme.objects.get(code=code)


def make_photo(region_page, bottlenecks=(), plans=(), live=True, **fields):
    """A regional photo with bottlenecks given as (title, [theme codes])."""
    photo = RegionalPhotoPage(
        title=f"Arbeidsmarktregio-foto {region_page.title}", live=False, **fields
    )
    photo.plans = [RegionalPlan(title=title, kind="school-naar-werk") for title in plans]
    photo.bottlenecks = [
        Bottleneck(title=title, themes=[theme(code) for code in codes]) for title, codes in bottlenecks
    ]
    region_page.add_child(instance=photo)
    revision = photo.save_revision()
    if live:
        revision.publish()
    return photo


def make_plan(region_page, year=2026, actions=(), live=True, **fields):
    """An annual plan with actions given as (title, [theme codes], status)."""
    plan = AnnualPlanPage(
        title=f"Jaarplan {year} {region_page.title}", year=year, live=False, **fields
    )
    plan.actions = [
        AnnualPlanAction(title=title, status=status, themes=[theme(code) for code in codes])
        for title, codes, status in actions
    ]
    region_page.add_child(instance=plan)
    revision = plan.save_revision()
    if live:
        revision.publish()
    return plan


def days_ago(days):
    return datetime.date.today() - datetime.timedelta(days=days)
