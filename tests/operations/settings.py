"""Settings of the site that the operations tests start in processes of their own (manage.py,
gunicorn): production's, except that static files are served from the apps' folders as in the test
settings, so that no collectstatic is needed."""

from config.settings.production import *  # noqa: F403
from config.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
