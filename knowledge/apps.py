from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Kennis en nieuws")

    def ready(self):
        from django.db.models.signals import post_save

        from .translators import draft_instead_of_alias

        post_save.connect(draft_instead_of_alias, dispatch_uid="knowledge-draft-instead-of-alias")
