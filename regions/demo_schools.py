"""Demo schools, coordinators, steering groups and centrumgemeenten for a handful of regions.

The schools come from two small fictional files in DUO's layout (regions/data/demo_schools_*.csv)
through the same importer as real DUO files. Region pages that already name a coordinator are left
alone, so a second run changes nothing."""

from pathlib import Path

from .importers.schools import SchoolImporter
from .models import Municipality, RegionCoordinator, RegionPage, SteeringGroupMember

DATA_DIR = Path(__file__).parent / "data"
DEMO_SCHOOL_FILES = [DATA_DIR / "demo_schools_pro.csv", DATA_DIR / "demo_schools_vso.csv"]

# region code: (centrumgemeente number, (coordinator, mailbox), steering group members)
DEMO_PEOPLE = {
    "AM01": (
        "0014",
        ("Anouk de Vries", "anouk.devries"),
        [
            ("Jan Bakker", "voorzitter", "Praktijkschool Stad en Ommeland"),
            ("Marieke Smit", "directeur", "Vso De Dijk"),
        ],
    ),
    "AM22": (
        "0599",
        ("Mohamed El Amrani", "m.elamrani"),
        [
            ("Ingrid Visser", "voorzitter", "Praktijkcollege Maasstad"),
            ("Peter de Graaf", "directeur", "Vso-school Het Baken"),
            ("Fatima Yilmaz", "beleidsadviseur", "gemeente Rotterdam"),
        ],
    ),
    "AM18": (
        "0363",
        ("Sanne Jansen", "s.jansen"),
        [
            ("Ruud Hendriks", "voorzitter", "Praktijkschool Amstel"),
            ("Esther Mulder", "directeur", "Vso Amstelland"),
        ],
    ),
    "AM13": (
        "0344",
        ("Thomas van Dijk", "t.vandijk"),
        [
            ("Linda de Boer", "voorzitter", "Praktijkschool Domstad"),
        ],
    ),
    "AM28": (
        "0772",
        ("Eline Peeters", "e.peeters"),
        [
            ("Bas Willems", "voorzitter", "Praktijkonderwijs Kempenland"),
            ("Noor van den Berg", "directeur", "Vso De Dommel"),
        ],
    ),
}


def build_demo_schools_and_people():
    importer = SchoolImporter()
    for path in DEMO_SCHOOL_FILES:
        importer.run(path.read_bytes())
    for page in RegionPage.objects.filter(region__code__in=DEMO_PEOPLE).select_related("region"):
        if page.coordinators.exists():
            continue
        centre_number, (name, mailbox), members = DEMO_PEOPLE[page.region.code]
        page.centre_municipality = Municipality.objects.get(number=centre_number)
        page.coordinators = [RegionCoordinator(name=name, email=f"{mailbox}@example.org", phone="0612345678")]
        page.steering_group_members = [
            SteeringGroupMember(name=member, role=role, organisation=organisation)
            for member, role, organisation in members
        ]
        page.save_revision().publish()
