"""Settings shared by every environment. Everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from search.backends import search_backends

from .env import env_bool, env_list, env_required, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The plugins, highest layer first (search ← knowledge ← regions ← themes ← core; README, "The
# apps in your own Wagtail site"): a higher app's templates override a lower one's.
INSTALLED_APPS = [
    "search",
    "knowledge",
    "regions",
    "themes",
    "core",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.api.v2",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.RejectNulCharactersMiddleware",
    "core.errors.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.caching.ContentCacheMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DEFAULT_SQLITE_PATH = VAR_DIR / "db.sqlite3"
if not env_str("DATABASE_URL"):
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}",
        conn_max_age=60,
    )
}
USES_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USES_POSTGRESQL:
    # PostgreSQL's JIT compiler pays off for long analytical queries, not for a web request: on
    # tables not yet analysed it compiled the search's facet statement for 1.5 s to run it in 3 ms.
    # A random page read costs about as much as a sequential one when the data is in memory or
    # on SSD (PostgreSQL's default of 4 dates from spinning disks); at 4 the planner scanned
    # every page to join a search's few hundred matches instead of using an index.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off -c random_page_cost=1.1"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory, or Redis when REDIS_URL is set.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "vsopro",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Dutch first, English second, for the interface and for content.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / env_str("STATIC_ROOT", "var/static")
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / env_str("MEDIA_ROOT", "var/media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Serve uploaded images from Django itself (core.views.media; documents only through Wagtail's
# document view); switch off when a web server or object store does it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=True)

# Wagtail
WAGTAIL_SITE_NAME = "VSO-PRO kennisplatform"  # the admin's; the site's own is in SiteSettings
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Documents always stream through Wagtail's serve view (/documents/<id>/<name>), which checks the
# view restrictions of their collection. "redirect" would send the browser to the file's storage
# URL (/media/documents/…, which core.views.media refuses; or a public object-store URL), and
# "direct" would link that URL itself: both past the check. Wagtail's default picks "redirect" as
# soon as the storage has URLs but no local paths, so it is set here rather than left to it.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILAPI_BASE_URL = env_str("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
# Rich text in the content API as HTML ready to render (links expanded); ?rich_text_format= overrides.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# An approved workflow publishes without the approver needing publish rights (regions.workflows).
WAGTAIL_FINISH_WORKFLOW_ACTION = "regions.workflows.publish_approved_revision"

# Search: the database backend, or Elasticsearch / OpenSearch when ELASTICSEARCH_URL /
# OPENSEARCH_URL is set (search/backends.py).
WAGTAILSEARCH_BACKENDS = search_backends(os.environ, USES_POSTGRESQL)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Headless delivery: preview in the front end, HTTP caching, purging front-end caches, CORS.
# The preview opens HEADLESS_PREVIEW_URL with ?content_type=…&token=…; by default the project's own
# server-rendered site answers it at /preview/. Tokens are valid for HEADLESS_PREVIEW_MAX_AGE seconds.
HEADLESS_PREVIEW_URL = env_str("HEADLESS_PREVIEW_URL", "/preview/")
HEADLESS_PREVIEW_MAX_AGE = int(env_str("HEADLESS_PREVIEW_MAX_AGE", "600"))
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL},
    "REDIRECT_ON_PREVIEW": True,
}
# Anonymous GETs of the content API and the feeds may be cached this many seconds.
HTTP_CACHE_MAX_AGE = int(env_str("HTTP_CACHE_MAX_AGE", "60"))
# Front-end caches purged on publish and unpublish: HTTP PURGE (Varnish, nginx) and/or Cloudflare.
WAGTAILFRONTENDCACHE = {
    f"http{number}": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
    for number, location in enumerate(env_list("FRONTEND_CACHE_URLS"), start=1)
}
if env_str("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_required("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
# Queries without results (the editors' report): kept this many days after they were last searched
# for, and at most this many, the least searched dropped first.
SEARCH_UNANSWERED_RETENTION_DAYS = int(env_str("SEARCH_UNANSWERED_RETENTION_DAYS", "90"))
SEARCH_UNANSWERED_MAX_QUERIES = int(env_str("SEARCH_UNANSWERED_MAX_QUERIES", "5000"))
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"

# Caseload of a network coordinator (DESIGN §6): minutes per active school per week, and the hours
# of a full-time week. The role description's "30 schools in 36 hours" does not add up with its own
# 80 minutes per school, so the time rule is what counts.
CASELOAD_MINUTES_PER_SCHOOL = int(env_str("CASELOAD_MINUTES_PER_SCHOOL", "80"))
CASELOAD_FULLTIME_HOURS = int(env_str("CASELOAD_FULLTIME_HOURS", "36"))
