"""Production: a secret key is required and HTTPS is assumed behind the proxy."""

from .base import *  # noqa: F403
from .env import env_bool, env_required

SECRET_KEY = env_required("SECRET_KEY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
