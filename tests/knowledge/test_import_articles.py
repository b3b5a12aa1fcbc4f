import io
import json

import pytest
from django.core.management import CommandError, call_command

from knowledge.models import ArticlePage, KnowledgeIndexPage, NewsPage
from regions.models import RegionPage

pytestmark = pytest.mark.django_db


def article(slug, **fields):
    return {
        "slug": slug,
        "title": f"Artikel {slug}",
        "intro": "Hoe scholen en werkgevers samen stageplekken vinden.",
        "body_html": '<p>Een <b>goed</b> voorbeeld met <a href="https://example.org/">link</a>.</p>',
        "kind": "goed-voorbeeld",
        "themes": ["nazorg"],
        "regions": [],
        "school_types": ["pro", "vso"],
        "published": "2026-03-01",
        "live": True,
        **fields,
    }


def run_import(tmp_path, articles, *options):
    path = tmp_path / "articles.jsonl"
    lines = [item if isinstance(item, str) else json.dumps(item) for item in articles]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import_articles", str(path), *options, stdout=out, stderr=out)
    return out.getvalue()


def imported(slug):
    return ArticlePage.objects.get(slug=slug)


def test_articles_are_placed_by_region_and_published(client, tmp_path):
    output = run_import(
        tmp_path,
        [
            article("import-rijnmond", regions=["AM22"]),
            article("import-twee-regios", regions=["AM22", "AM01"]),
            article("import-landelijk", regions=[], kind="regelgeving", school_types=["vso"]),
        ],
    )

    assert "3 nieuw, 0 bijgewerkt, 0 ongewijzigd" in output
    regional = imported("import-rijnmond")
    assert regional.get_parent().specific == RegionPage.objects.get(region__code="AM22")
    assert [region.code for region in regional.regions.all()] == ["AM22"]
    kennisbank = KnowledgeIndexPage.objects.get()
    assert imported("import-twee-regios").get_parent().specific == kennisbank
    assert {r.code for r in imported("import-twee-regios").regions.all()} == {"AM01", "AM22"}
    national = imported("import-landelijk")
    assert national.get_parent().specific == kennisbank
    assert (national.kind, national.for_pro, national.for_vso) == ("regelgeving", False, True)
    assert str(national.date) == "2026-03-01"
    assert [theme.code for theme in national.themes.all()] == ["nazorg"]

    assert regional.live and regional.live_revision is not None
    html = client.get(regional.url).content.decode()
    assert "Artikel import-rijnmond" in html
    assert '<a href="https://example.org/">link</a>' in html


def test_body_html_is_cleaned_to_what_the_editor_allows(client, tmp_path):
    body = (
        "<h2>Aanpak</h2><p onclick=\"steal()\">Tekst<script>alert('x')</script></p>"
        '<div>blok</div><img src="x.png"><iframe src="https://evil.example"></iframe>'
    )
    output = run_import(tmp_path, [article("import-opgeschoond", body_html=body)])

    assert "HTML opgeschoond" in output and "regel(s): 1" in output
    stored = imported("import-opgeschoond").body.raw_data[0]
    assert stored["type"] == "paragraph"
    assert stored["value"] == "<h3>Aanpak</h3><p>Tekst</p><p>blok</p>"


def test_draft_is_saved_but_never_shown(client, tmp_path):
    output = run_import(
        tmp_path,
        [
            article("import-concept", title="Geheim concept", live=False),
            article("import-openbaar", title="Openbaar stagebericht"),
        ],
    )

    assert "1 als concept" in output
    assert [page.slug for page in ArticlePage.objects.live().search("stagebericht")] == ["import-openbaar"]
    draft = imported("import-concept")
    assert not draft.live
    assert draft.revisions.count() == 1
    assert draft.get_latest_revision_as_object().title == "Geheim concept"
    assert client.get(draft.url).status_code == 404
    assert not list(ArticlePage.objects.live().search("Geheim"))


def test_rerun_changes_nothing_when_the_file_is_the_same(tmp_path):
    articles = [article("import-a", regions=["AM22"]), article("import-b", live=False)]
    run_import(tmp_path, articles)
    revisions = {slug: imported(slug).revisions.count() for slug in ("import-a", "import-b")}

    output = run_import(tmp_path, articles)

    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd" in output
    assert {slug: imported(slug).revisions.count() for slug in revisions} == revisions


def test_rerun_updates_content_and_moves_to_the_new_region(client, tmp_path):
    run_import(tmp_path, [article("import-wijzigt", regions=["AM22"]), article("import-blijft")])

    output = run_import(
        tmp_path,
        [
            article("import-wijzigt", regions=["AM01"], title="Nieuwe titel"),
            article("import-blijft"),
        ],
    )

    assert "0 nieuw, 1 bijgewerkt, 1 ongewijzigd" in output
    page = imported("import-wijzigt")
    assert page.title == "Nieuwe titel"
    assert page.revisions.count() == 2
    assert page.get_parent().specific == RegionPage.objects.get(region__code="AM01")
    assert [region.code for region in page.regions.all()] == ["AM01"]
    assert "Nieuwe titel" in client.get(page.url).content.decode()


def test_live_article_imported_as_draft_is_unpublished(client, tmp_path):
    run_import(tmp_path, [article("import-terug")])
    url = imported("import-terug").url

    output = run_import(tmp_path, [article("import-terug", live=False)])

    assert "1 bijgewerkt" in output and "1 gedepubliceerd" in output
    page = imported("import-terug")
    assert not page.live
    assert client.get(url).status_code == 404


def test_draft_imported_as_live_is_published_without_a_new_revision(client, tmp_path):
    run_import(tmp_path, [article("import-later", live=False)])

    output = run_import(tmp_path, [article("import-later", live=True)])

    assert "1 bijgewerkt" in output
    page = imported("import-later")
    assert page.live and page.revisions.count() == 1
    assert client.get(page.url).status_code == 200


def test_bad_lines_are_all_reported_and_nothing_is_imported(tmp_path):
    before = ArticlePage.objects.count()
    lines = [
        article("import-goed"),
        "{niet: json}",
        article("import fout", kind="blog", themes=["onbekend"], regions=["AM99"]),
        article("import-datum", published="2026-02-30", school_types=[]),
        {key: value for key, value in article("import-mist").items() if key != "intro"},
        article("import-goed", live="ja"),
    ]

    with pytest.raises(CommandError, match="5 regel"):
        run_import(tmp_path, lines)

    assert ArticlePage.objects.count() == before
    assert not ArticlePage.objects.filter(slug__startswith="import-").exists()


def test_bad_lines_are_named_with_their_reason(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps(article("import-goed"))
        + "\n"
        + json.dumps(article("import-fout", kind="blog", regions=["AM99"]))
        + "\n"
        + json.dumps(article("import-goed"))
        + "\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)

    messages = err.getvalue().splitlines()
    assert any(m.startswith("Regel 2:") and "'blog'" in m for m in messages)
    assert any(m.startswith("Regel 2:") and "'AM99'" in m for m in messages)
    assert any(m.startswith("Regel 3:") and "regel 1" in m for m in messages)
    assert not any(m.startswith("Regel 1:") for m in messages)


def test_slug_taken_by_another_page_under_the_region_is_refused(tmp_path):
    news = NewsPage.objects.live().filter(region__code__isnull=False).first()
    region_code = news.get_parent().specific.region.code

    with pytest.raises(CommandError):
        run_import(tmp_path, [article(news.slug, regions=[region_code])])

    assert not ArticlePage.objects.filter(slug=news.slug).exists()


def test_dry_run_reports_but_saves_nothing(tmp_path):
    output = run_import(tmp_path, [article("import-proef")], "--dry-run")

    assert "1 nieuw" in output and "Proefdraai" in output
    assert not ArticlePage.objects.filter(slug="import-proef").exists()


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Kan .* niet lezen"):
        call_command("import_articles", str(tmp_path / "bestaat-niet.jsonl"))
