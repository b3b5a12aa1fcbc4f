"""Logging into the admin in the browser, as the demo admin unless told otherwise: password, then
the code of an authenticator app (tests/accounts/two_factor.py), as every admin account does."""

from django.contrib.auth import get_user_model

from knowledge.demo import ADMIN_PASSWORD, ADMIN_USERNAME
from tests.accounts.two_factor import authenticator_app, current_code


def sign_in_to_admin(page, base_url, username=ADMIN_USERNAME, password=ADMIN_PASSWORD):
    device = authenticator_app(get_user_model().objects.get(username=username))
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/2fa/auth?next=/admin/")
    page.fill("#id_otp_token", current_code(device))
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
