from django.core.management.base import BaseCommand
from django.db import transaction

from regions.demo_plans import DEMO_ACCOUNTS, create_demo_accounts
from regions.roles import RoleSetup


class Command(BaseCommand):
    help = (
        "Groups, page and collection permissions and workflows: national editors, a coordinator "
        "group and a steering group per region, the coordinators' network. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help=(
                "Also create the demo coordinator and steering-group member of Rijnmond and a "
                "network manager."
            ),
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = {label: count for label, count in RoleSetup().run().items() if count}
            accounts = create_demo_accounts() if options["demo_accounts"] else []
        if options["verbosity"] == 0:
            return
        if not counts:
            self.stdout.write("Rollen: alles was al ingericht, niets gewijzigd.")
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count} nieuw")
        for username, password, groups in DEMO_ACCOUNTS:
            if username in accounts:
                self.stdout.write(
                    f"Demo-account {username!r} (wachtwoord {password!r}): {', '.join(groups)}."
                )
