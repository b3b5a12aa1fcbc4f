"""Local development: an insecure fallback key, sign-in without a second factor, no page cache;
otherwise the same as production."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
# The demo account admin/admin signs in with its password alone unless REQUIRE_2FA=1.
WAGTAIL_2FA_REQUIRED = env_bool("REQUIRE_2FA", default=False)
# Templates and code change under a developer without any purge: pages are rendered every time
# unless PAGE_CACHE_SECONDS is set.
PAGE_CACHE_SECONDS = int(env_str("PAGE_CACHE_SECONDS", "0"))
