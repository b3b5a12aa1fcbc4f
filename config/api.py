"""The project's APIs in one place: Wagtail's content API (v2) and the project's own endpoints
(Django Ninja), which carry an OpenAPI 3 schema at /api/openapi.json and docs at /api/docs."""

from ninja import NinjaAPI
from ninja.errors import ValidationError

from core.content_api import content_api_router

content_api = content_api_router()

project_api = NinjaAPI(
    title="VSO-PRO kennisplatform API",
    version="1",
    description="Regio's, thema's, scholen en zoeken van het VSO-PRO kennisplatform.",
    urls_namespace="project_api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
project_api.add_router("/search/", "search.api.router")
project_api.add_router("/regions/", "regions.api.regions_router")
project_api.add_router("/schools/", "regions.api.schools_router")
project_api.add_router("/themes/", "themes.api.router")


@project_api.exception_handler(ValidationError)
def invalid_parameters(request, error):
    """Invalid parameters are the client's mistake: 400 with the reason (Ninja's default is 422)."""
    reasons = "; ".join(
        f"{'.'.join(str(part) for part in item['loc'][1:])}: {item['msg']}" for item in error.errors
    )
    return project_api.create_response(request, {"detail": reasons}, status=400)
