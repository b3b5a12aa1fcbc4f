"""Content API endpoints of the knowledge app."""

from django.utils.cache import patch_cache_control
from rest_framework.response import Response

from .content_api import ContentPagesAPIViewSet
from .preview import PreviewUnavailable, preview_page


class PagePreviewAPIViewSet(ContentPagesAPIViewSet):
    """/api/v2/page_preview/?content_type=…&token=…: the draft behind a preview token, in the same
    representation as /api/v2/pages/<id>/. Without a valid, unexpired token there is no draft."""

    known_query_parameters = ContentPagesAPIViewSet.known_query_parameters.union(
        ["content_type", "token"]
    )

    def listing_view(self, request):
        self.action = "detail_view"
        return self.detail_view(request, 0)

    def detail_view(self, request, pk):
        serializer = self.get_serializer(self.get_object())
        return self.private(Response(serializer.data))

    def get_object(self):
        if not hasattr(self, "_preview_page"):
            page = preview_page(self.request.GET.get("content_type"), self.request.GET.get("token"))
            if page.pk is None:
                page.pk = 0  # a page that was never saved: the API's URL routing needs a number
            self._preview_page = page
        return self._preview_page

    def handle_exception(self, exc):
        if isinstance(exc, PreviewUnavailable):
            return self.private(Response({"message": str(exc.reason)}, status=exc.status))
        return super().handle_exception(exc)

    @staticmethod
    def private(response):
        patch_cache_control(response, private=True, no_store=True)
        return response
