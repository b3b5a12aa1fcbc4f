"""The national editors keep the site's settings (Instellingen), a model permission of `core`."""

import pytest

from .conftest import make_user

pytestmark = pytest.mark.django_db


def test_national_editors_edit_the_site_settings(client, national_editor):
    assert national_editor.has_perm("core.change_sitesettings")
    client.force_login(national_editor)
    response = client.get("/admin/settings/core/sitesettings/", follow=True)
    assert response.status_code == 200
    assert response.request["PATH_INFO"].startswith("/admin/settings/core/sitesettings/")
    assert not make_user("buitenstaander").has_perm("core.change_sitesettings")
