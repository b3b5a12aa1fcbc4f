"""Headless preview. Wagtail's Preview button sends the editor to the configured front end
(HEADLESS_PREVIEW_URL) with ?content_type=…&token=…; the front end fetches the draft from
/api/v2/page_preview/ with that token. Built on wagtail-headless-preview, with a token lifetime."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.utils.translation import gettext_lazy as _
from wagtail_headless_preview.models import HeadlessPreviewMixin


class FrontEndPreviewMixin(HeadlessPreviewMixin):
    """Previews the page in the configured front end instead of inside the admin."""

    @classmethod
    def get_page_from_preview_token(cls, token):
        # The package checks the signature but not its age: a preview link must not outlive the
        # editing session it was made for.
        cls.get_preview_signer().unsign(token, max_age=getattr(settings, "HEADLESS_PREVIEW_MAX_AGE", 600))
        return super().get_page_from_preview_token(token)

    def serve_draft(self, request, mode_name):
        """Render the draft as the site renders the page: Wagtail's own preview, which this mixin
        otherwise replaces with the redirect to the front end."""
        request.is_preview = True
        request.preview_mode = mode_name
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)


class PreviewUnavailable(Exception):
    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def preview_page(content_type, token):
    """The draft that a preview token stands for, or PreviewUnavailable with the reason."""
    if not content_type or not token:
        raise PreviewUnavailable(400, _("De parameters content_type en token zijn verplicht."))
    model = _previewable_model(content_type)
    try:
        page = model.get_page_from_preview_token(token)
    except SignatureExpired as error:
        raise PreviewUnavailable(
            403, _("Deze voorbeeldlink is verlopen; klik in de beheeromgeving opnieuw op Voorbeeld.")
        ) from error
    except BadSignature as error:
        raise PreviewUnavailable(403, _("Deze voorbeeldlink is ongeldig.")) from error
    if page is None:
        raise PreviewUnavailable(404, _("Er is geen voorbeeld bij deze link."))
    return page


def _previewable_model(content_type):
    try:
        app_label, model_name = content_type.split(".")
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except (ValueError, ContentType.DoesNotExist):
        model = None
    if model is None or not issubclass(model, FrontEndPreviewMixin):
        raise PreviewUnavailable(400, _("Onbekend paginatype: %(type)s") % {"type": content_type})
    return model
