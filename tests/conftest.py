import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site with its roles; each test's changes are rolled back."""
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)
        call_command("setup_roles", verbosity=0)


@pytest.fixture
def home_page(db):
    from knowledge.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code="nl")


@pytest.fixture(autouse=True)
def _repeatable_fake_data():
    """Faker values in the factories are the same on every run of a test."""
    import factory.random

    factory.random.reseed_random("vsopro-kennisplatform")
