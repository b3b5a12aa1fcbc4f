"""The StreamField blocks every body field shares: small on purpose, so that front ends can
render all of them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .representations import document_representation, image_representation, page_link


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Afbeelding"))
    alt_text = blocks.CharBlock(
        label=_("Alternatieve tekst"),
        required=False,
        help_text=_("Beschrijf wat de afbeelding toont; leeg laten voor een decoratieve afbeelding."),
    )
    caption = blocks.CharBlock(label=_("Onderschrift"), required=False)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "blocks/image_block.html"

    def get_api_representation(self, value, context=None):
        return {
            "image": image_representation(value["image"], context, alt=value["alt_text"]),
            "caption": value["caption"],
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(label=_("Naam en rol"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Titel"), required=False, help_text=_("Leeg laten om de documenttitel te gebruiken.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document downloaden")
        template = "blocks/document_block.html"

    def get_api_representation(self, value, context=None):
        document = document_representation(value["document"], context)
        return {"title": value["title"] or (document and document["title"]), "document": document}


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Linktekst"))
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.URLBlock(label=_("Externe URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        cleaned = super().clean(value)
        if bool(cleaned.get("page")) == bool(cleaned.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": blocks.BlockValidationError(_("Kies een pagina óf vul een URL in."))}
            )
        return cleaned

    def get_api_representation(self, value, context=None):
        page = page_link(value["page"], context)
        return {"label": value["label"], "url": page["url"] if page else value["url"] or None, "page": page}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"))
    text = blocks.TextBlock(label=_("Tekst"), required=False)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "pick"
        label = _("Oproep of lijst met links")
        template = "blocks/call_to_action_block.html"


class TableBlock(TypedTableBlock):
    """A table whose cells are short rich text (bold, italic, links), under column headings."""

    text = blocks.RichTextBlock(label=_("Tekst"), features=["bold", "italic", "link", "document-link"])

    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "blocks/table_block.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Tekst"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        template="blocks/paragraph_block.html",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
    table = TableBlock()
    embed = EmbedBlock(label=_("Video of embed"), template="blocks/embed_block.html")
