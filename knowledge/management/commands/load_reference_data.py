from django.core.management.base import BaseCommand
from django.db import transaction

from knowledge.sync import SyncTally
from regions.reference import load_municipalities, load_regions
from themes.reference import load_themes


class Command(BaseCommand):
    help = "Load the 35 regions, 342 municipalities and 7 themes from the app data files."

    def handle(self, *args, **options):
        tally = SyncTally()
        with transaction.atomic():
            load_regions(tally)
            load_municipalities(tally)
            load_themes(tally)
        for line in tally.lines():
            self.stdout.write(line)
