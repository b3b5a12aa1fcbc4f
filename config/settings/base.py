"""Settings shared by every environment. Everything that differs comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
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
    "wagtail.contrib.typed_table_block",
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
    "ninja",  # serves Swagger UI for /api/docs from this server's static files, not a CDN
    "corsheaders",
    "dbbackup",
    "csp",
    "axes",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.RejectNulCharactersMiddleware",
    "core.errors.DatabaseUnavailableMiddleware",
    # The page cache keys on the language LocaleMiddleware picks (which reads no session), and
    # must see what the middleware below it adds to a response: cookies, Vary: Cookie.
    "django.middleware.locale.LocaleMiddleware",
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Sends an admin account that has not entered its second factor to do so (or to set it up).
    "wagtail_2fa.middleware.VerifyUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.caching.ContentCacheMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
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
        # A kept connection is tested before a request uses it: after the database restarted or
        # failed over, the first request of every worker would otherwise meet the dead one (503).
        conn_health_checks=True,
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
            # While Redis is down the site serves uncached (every read a miss, writes dropped) and
            # logs each failed call; waits for an unreachable host end after a second.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# What anonymous visitors are shown, for at most PAGE_CACHE_SECONDS (0: off), purged on every
# change (core/page_cache.py). Every worker process must see the same entries, or a purge in one
# would leave the others serving the old page: in Redis, else in files under PAGE_CACHE_DIR.
PAGE_CACHE_SECONDS = int(env_str("PAGE_CACHE_SECONDS", "300"))
if REDIS_URL:
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "vsopro-pages"}
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": BASE_DIR / env_str("PAGE_CACHE_DIR", "var/cache/pages"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Logging in (README, "Inloggen en accounts"). django-axes locks a username out from one client
# address after LOGIN_FAILURE_LIMIT wrong passwords, for LOGIN_LOCKOUT_MINUTES after the last of
# them, right password or not; attempts during the lockout do not extend it. Editors lift lockouts
# in the admin (core.viewsets). Successful logins are not logged: nothing reads them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env_str("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.accounts.lockout_response"
AXES_DISABLE_ACCESS_LOG = True
# A reverse proxy in front (nginx, deploy/nginx.conf) sets X-Forwarded-For and X-Forwarded-Proto;
# only then may they be believed (production.py: HTTPS).
TRUSTED_PROXY = env_bool("TRUSTED_PROXY", default=False)
if TRUSTED_PROXY:
    # The client's address is the last one in X-Forwarded-For, the one the proxy appended (nginx's
    # $proxy_add_x_forwarded_for); addresses a client wrote before it are ignored. Without a
    # trusted proxy the header is anyone's to forge, so only REMOTE_ADDR counts.
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    AXES_IPWARE_PROXY_COUNT = 0  # addresses listed after the client's
    IPWARE_STRICT = False  # a longer chain is expected (forged entries), not refused
# Every account with access to the admin enters a code from an authenticator app after its
# password (wagtail-2fa, TOTP devices of django-otp); REQUIRE_2FA=0 turns this off.
WAGTAIL_2FA_REQUIRED = env_bool("REQUIRE_2FA", default=True)

# Internationalisation: Dutch first, English second, for the interface and for content.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A translation starts as a draft and goes live when a translator publishes it; wagtail-localize's
# default would publish the untranslated copy of a live page at once.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Wagtail's login form, but with translated labels for username and password.
WAGTAILADMIN_USER_LOGIN_FORM = "core.accounts.AdminLoginForm"
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

# Backups (django-dbbackup; README, "Backups and restore"): `manage.py backup_site` writes the
# database (pg_dump's custom format, or a copy of the SQLite file) and a tar of the media to
# BACKUP_DIR, readable by the site's user only, and keeps the newest BACKUP_KEEP of each.
BACKUP_DIR = BASE_DIR / env_str("BACKUP_DIR", "var/backups")
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": BACKUP_DIR, "file_permissions_mode": 0o600, "directory_permissions_mode": 0o700},
}
DBBACKUP_CLEANUP_KEEP = int(env_str("BACKUP_KEEP", "7"))
# A restore makes DATABASE_URL's user the owner of what it creates, whoever owned it when it was backed up.
DBBACKUP_CONNECTORS = {"default": {"PG_OPTIONS": "--no-owner"}}

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
# Editors' avatars are the ones uploaded in the admin: no hash of their e-mail address goes to Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for news: upgrades go through requirements.lock.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# An approved workflow publishes without the approver needing publish rights (regions.workflows).
WAGTAIL_FINISH_WORKFLOW_ACTION = "regions.workflows.publish_approved_revision"
# Workflow mails go to the task's approvers (a region's steering group, the national editors) and
# to the person who submitted, not to every superuser as well.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# E-mail (password reset links, notifications): EMAIL_URL as dj-email-url reads it, e.g.
# smtp://user:password@smtp.example.nl:587/?tls=True; console: writes mails to the log.
# Production refuses to start without it (production.py). Lower-case names: not settings, so the
# password in the URL never shows among them.
email_url = env_str("EMAIL_URL") or "console:"
email_settings = dj_email_url.parse(email_url)
if "EMAIL_BACKEND" not in email_settings:
    raise ImproperlyConfigured(
        f"EMAIL_URL {email_url.split(':')[0]!r}: use smtp://, submission://, console:, file:// or memory:"
    )
globals().update(email_settings)
EMAIL_TIMEOUT = email_settings["EMAIL_TIMEOUT"] or 10  # seconds; a hanging server must not hang a request
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", f"{WAGTAIL_SITE_NAME} <noreply@{urlsplit(WAGTAILADMIN_BASE_URL).hostname}>"
)
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

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
# Caches purged on publish and unpublish: the site's own page cache, and front-end caches with
# HTTP PURGE (Varnish, nginx) and/or Cloudflare.
WAGTAILFRONTENDCACHE = {
    "pages": {"BACKEND": "core.page_cache.PageCacheBackend"},
    **{
        f"http{number}": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
        for number, location in enumerate(env_list("FRONTEND_CACHE_URLS"), start=1)
    },
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

# Content-Security-Policy (django-csp). The site runs only scripts from this server, without
# nonces (a nonce would be replayed from cached pages). Styles may be inline: responsive embeds
# size themselves with a style attribute and the error pages carry their own styles. Embeds are
# frames of the video and other sites Wagtail's oEmbed finders know.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],  # the admin's preview panel
    }
}
# Added for the Wagtail admin only (config/urls.py): its date pickers, inline panels and several
# contrib views still write inline scripts, image uploads are previewed from blob: URLs, and the
# menus of tag fields (jQuery UI) draw a data: image.
CONTENT_SECURITY_POLICY_ADMIN_UPDATE = {"script-src": [UNSAFE_INLINE], "img-src": ["blob:", "data:"]}

# Caseload of a network coordinator (DESIGN §6): minutes per active school per week, and the hours
# of a full-time week. The role description's "30 schools in 36 hours" does not add up with its own
# 80 minutes per school, so the time rule is what counts.
CASELOAD_MINUTES_PER_SCHOOL = int(env_str("CASELOAD_MINUTES_PER_SCHOOL", "80"))
CASELOAD_FULLTIME_HOURS = int(env_str("CASELOAD_FULLTIME_HOURS", "36"))
