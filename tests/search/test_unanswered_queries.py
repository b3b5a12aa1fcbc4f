"""Queries without results, for editors: counted per normalised query, kept for a limited time
and in a limited number, and exported without formulas."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from search.models import UnansweredQuery

pytestmark = pytest.mark.django_db


def test_a_query_is_counted_once_whatever_its_case_and_spaces(client):
    UnansweredQuery.record("Blokfluit  Qqxzv")
    UnansweredQuery.record(" blokfluit\tqqxzv ")
    client.get("/api/search/", {"q": "BLOKFLUIT qqxzv"})

    assert list(UnansweredQuery.objects.values_list("query_string", "hits")) == [("blokfluit qqxzv", 3)]


def test_queries_not_searched_for_within_the_retention_period_go(settings):
    settings.SEARCH_UNANSWERED_RETENTION_DAYS = 90
    UnansweredQuery.record("oud")
    UnansweredQuery.record("recent")
    now = timezone.now()
    UnansweredQuery.objects.filter(query_string="oud").update(
        last_searched_at=now - datetime.timedelta(days=91)
    )
    UnansweredQuery.objects.filter(query_string="recent").update(
        last_searched_at=now - datetime.timedelta(days=89)
    )

    UnansweredQuery.record("nieuw")

    assert set(UnansweredQuery.objects.values_list("query_string", flat=True)) == {"recent", "nieuw"}


def test_the_table_keeps_the_most_searched_queries_up_to_its_cap(settings):
    settings.SEARCH_UNANSWERED_MAX_QUERIES = 3
    for query, times in (("vaak", 5), ("soms", 2), ("eenmaal-oud", 1), ("eenmaal", 1)):
        for _time in range(times):
            UnansweredQuery.record(query)
    assert set(UnansweredQuery.objects.values_list("query_string", flat=True)) == {"vaak", "soms", "eenmaal"}

    UnansweredQuery.record("nieuwste")  # the latest query stays, the least searched goes

    assert UnansweredQuery.objects.count() == 3
    assert set(UnansweredQuery.objects.values_list("query_string", flat=True)) == {
        "vaak",
        "soms",
        "nieuwste",
    }


def exported(client, url):
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


@pytest.mark.parametrize(
    "url", ["/admin/reports/unanswered-queries/", "/admin/searchpicks/reports/search-terms/"]
)
def test_the_reports_export_queries_without_formulas(client, django_user_model, url):
    for query in ("=qqxzv()+qqxzv", "@qqxzv(qqxzv)", "-qqxzv", "+qqxzv"):
        assert client.get("/api/search/", {"q": query}).json()["total"] == 0
    client.force_login(django_user_model.objects.get(username="admin"))

    cells = {row[0] for row in exported(client, url)[1:]}

    assert {"'=qqxzv()+qqxzv", "'@qqxzv(qqxzv)", "'-qqxzv", "'+qqxzv"} <= cells
