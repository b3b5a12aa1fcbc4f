from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import devices_for_user


class Command(BaseCommand):
    help = (
        "Remove a user's two-factor devices (a lost or replaced phone): at the next login they set up "
        "an authenticator app again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(_("Er is geen gebruiker %(username)s.") % {"username": username}) from None
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        message = ngettext(
            "%(username)s: %(count)s apparaat verwijderd; bij de volgende keer inloggen stelt "
            "%(username)s een nieuwe authenticator-app in.",
            "%(username)s: %(count)s apparaten verwijderd; bij de volgende keer inloggen stelt "
            "%(username)s een nieuwe authenticator-app in.",
            len(devices),
        )
        self.stdout.write(message % {"username": username, "count": len(devices)})
