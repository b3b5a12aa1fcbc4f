"""Production: a secret key is required, and the site is served over HTTPS only."""

from .base import *  # noqa: F403
from .base import TRUSTED_PROXY
from .env import env_bool, env_required, env_str

SECRET_KEY = env_required("SECRET_KEY")
# Mails (password reset links) must go somewhere on purpose: EMAIL_URL=smtp://… to send them, or
# EMAIL_URL=console: to have them in the log only (base.py reads it).
env_required("EMAIL_URL")
# Only a trusted proxy may say that the request came over HTTPS: without one, any client could.
if TRUSTED_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
# Monitoring may ask the application server itself over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# The preload directive alone changes nothing: a domain joins browsers' preload lists only when
# its owner submits it at hstspreload.org.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
