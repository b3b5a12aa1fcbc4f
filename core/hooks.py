"""The Wagtail hooks through which the apps above `core` plug into it (registered in their
`wagtail_hooks.py` with `wagtail.hooks.register(name)`).

- `LOAD_REFERENCE_DATA`: fn(tally) loads an app's reference data (`core.sync.SyncTally`);
  `manage.py load_reference_data` runs them in the order of INSTALLED_APPS.
- `PURGE_PATHS`: fn(page) → paths besides the page's own that show it (feeds, calendars), purged
  from front-end caches on publish and unpublish.
- `PAGES_SHOWING`: fn(page) → pages that list it (a theme's page lists its articles), purged too.
- `AFTER_RESTORE`: fn(stdout) rebuilds what an app keeps outside the database and the media (a
  search cluster's index); `manage.py restore_site` runs them after putting a backup back.

Apps define hooks of their own the same way (`themes.hooks`).
"""

from dataclasses import dataclass, field

from wagtail import hooks

LOAD_REFERENCE_DATA = "load_reference_data"
PURGE_PATHS = "purge_paths"
PAGES_SHOWING = "pages_showing"
AFTER_RESTORE = "after_restore"


def gathered(name, *args):
    """The results of every function registered for hook `name`, called with `args`, in one list."""
    return [item for function in hooks.get_hooks(name) for item in function(*args)]


@dataclass(frozen=True)
class Panel:
    """A part of a page that another app renders: its template, given `panel` (this context)."""

    template: str
    context: dict = field(default_factory=dict)
