"""Local development: an insecure fallback key, otherwise the same as production."""

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
