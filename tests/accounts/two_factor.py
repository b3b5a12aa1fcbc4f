"""The second factor in tests: an editor's authenticator app, the code it shows now, and a test
client whose `force_login` gives the session that an editor has after entering that code."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def authenticator_app(user):
    """A TOTP device of `user`, set up and confirmed."""
    return TOTPDevice.objects.create(user=user, name="Telefoon", confirmed=True)


def current_code(device):
    """The code the app shows at this moment (RFC 6238, from the device's key)."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"


class VerifiedClient(Client):
    """Django's test client; a forced login has passed the second factor as well."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or authenticator_app(user)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
