"""Logging into the admin in the browser, as the demo admin unless told otherwise: password, then
the code of an authenticator app (tests/accounts/two_factor.py), as every admin account does."""

from django.contrib.auth import get_user_model

from knowledge.demo import ADMIN_PASSWORD, ADMIN_USERNAME
from tests.accounts.two_factor import authenticator_app, current_code


def sign_in_to_admin(page, base_url, username=ADMIN_USERNAME, password=ADMIN_PASSWORD):
    page.goto(base_url + "/admin/login/")
    sign_in(page, username, password)
    page.wait_for_url("**/admin/")


def sign_in(page, username, password):
    """Fill in the admin's login form that `page` shows (after a link into the admin, say), then
    the code of the account's new authenticator app; the admin then shows where the link led."""
    device = authenticator_app(get_user_model().objects.get(username=username))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/2fa/auth?next=**")
    page.fill("#id_otp_token", current_code(device))
    page.locator("form button[type=submit]").first.click()
