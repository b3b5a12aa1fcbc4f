from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.hooks import PURGE_PATHS
from regions.hooks import SETUP_ROLES

from .feeds import feed_paths_for
from .roles import setup_knowledge_roles
from .translators import setup_translator_roles
from .viewsets import AuthorViewSet

register_snippet(AuthorViewSet)
hooks.register(PURGE_PATHS, feed_paths_for)
hooks.register(SETUP_ROLES, setup_knowledge_roles)
hooks.register(SETUP_ROLES, setup_translator_roles)
