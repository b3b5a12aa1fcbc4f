from wagtail import hooks

from core.hooks import PURGE_PATHS

from .feeds import feed_paths_for

hooks.register(PURGE_PATHS, feed_paths_for)
