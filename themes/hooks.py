"""The hooks of the themes app (see `core.hooks`).

- `THEME_PAGE_PANELS`: fn(theme_page) → [core.hooks.Panel] shown on a theme's page below its body
  (the regions app shows where the theme lives in the country).
"""

THEME_PAGE_PANELS = "theme_page_panels"
