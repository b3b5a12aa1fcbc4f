from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks

from core.hooks import LOAD_REFERENCE_DATA
from core.sync import SyncTally


class Command(BaseCommand):
    help = "Load the installed apps' reference data (regions, municipalities, themes) from their data files."

    def handle(self, *args, **options):
        tally = SyncTally()
        with transaction.atomic():
            for load in hooks.get_hooks(LOAD_REFERENCE_DATA):
                load(tally)
        for line in tally.lines():
            self.stdout.write(line)
