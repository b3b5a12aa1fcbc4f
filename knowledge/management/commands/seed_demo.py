import io

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from knowledge.demo import ADMIN_PASSWORD, ADMIN_USERNAME, DemoBuilder


class Command(BaseCommand):
    help = "Build the demo site: page tree, 35 region pages, 7 theme pages and Dutch sample content."

    def handle(self, *args, **options):
        with transaction.atomic():
            call_command("load_reference_data", stdout=io.StringIO())
            created = DemoBuilder().build()
        self.stdout.write(f"Demo: {len(created)} pagina's aangemaakt.")
        self.stdout.write(f"Beheer: /admin/ met gebruiker {ADMIN_USERNAME!r}, wachtwoord {ADMIN_PASSWORD!r}.")
