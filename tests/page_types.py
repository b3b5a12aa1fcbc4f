"""Every public page type of the site, as app_label.ModelName (the private NetworkPage aside)."""

PUBLIC_PAGE_TYPES = [
    "knowledge.HomePage",
    "knowledge.NewsIndexPage",
    "knowledge.NewsPage",
    "knowledge.KnowledgeIndexPage",
    "knowledge.ArticlePage",
    "knowledge.EventIndexPage",
    "knowledge.EventPage",
    "themes.ThemeIndexPage",
    "themes.ThemePage",
    "regions.RegionIndexPage",
    "regions.RegionPage",
    "regions.RegionalPhotoPage",
    "regions.AnnualPlanPage",
]
