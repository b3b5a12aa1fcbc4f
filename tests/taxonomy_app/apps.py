from django.apps import AppConfig


class TaxonomyAppConfig(AppConfig):
    name = "tests.taxonomy_app"
    label = "taxonomy_app"
