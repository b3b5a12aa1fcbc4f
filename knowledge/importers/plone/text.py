"""Plone's text, as HTML (`text`) or Volto blocks (`blocks` in the order of `blocks_layout`), as the
raw stream of a body field (`core.blocks.BodyBlock`).

Slate text becomes HTML first, and all HTML goes the same way: h1 and h2 become headings, h3–h6
sub-headings, tables tables, images image blocks, quotes quotes, the rest text blocks reduced by
Wagtail's whitelister to what a text block allows. Links and images into the old site point to
the pages, documents and images they became. Volto blocks without an equivalent (a listing, a
table of contents, a form) are named in the report."""

import json
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString
from django.utils.html import escape
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

from core.blocks import BodyBlock

from .links import Unresolved

HEADING_MAX_LENGTH = 200
DROPPED_WITH_CONTENT = {
    "script", "style", "template", "noscript", "iframe", "object", "embed", "form", "input", "button",
    "select", "textarea", "svg", "video", "audio", "canvas", "map", "head", "title", "meta", "link",
}  # fmt: skip
CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "center",
    "body",
    "html",
}
TEXT_ELEMENTS = {"p", "ul", "ol", "pre", "dl", "address"}
# Volto blocks that are carried elsewhere (the title, the intro), so not part of the body.
CARRIED_ELSEWHERE = {"title", "description", "leadimage"}
SLATE_ELEMENTS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "strong", "b", "em", "i",
    "u", "s", "del", "sub", "sup", "code", "pre",
}  # fmt: skip
SLATE_MARKS = {"bold": "strong", "italic": "em", "underline": "u", "strikethrough": "s", "code": "code"}


@dataclass
class TextNotes:
    """What converting one item's text found, for the report."""

    rewritten: int = 0
    unresolved: list = field(default_factory=list)
    unknown_blocks: list = field(default_factory=list)
    cleaned: bool = False


def json_value(value):
    """Volto's blocks, which some exports store as a JSON string."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return None
    return value


class BodyBuilder:
    def __init__(self, resolver):
        self.resolver = resolver
        body = BodyBlock()
        self.text_cleaner = DbHTMLConverter(features=body.child_blocks["paragraph"].features)
        self.cell_cleaner = DbHTMLConverter(features=body.child_blocks["table"].child_blocks["text"].features)

    def body(self, item, notes):
        """The body of `item`: its Volto blocks when it has any, else its HTML text."""
        blocks = json_value(item.data.get("blocks"))
        layout = json_value(item.data.get("blocks_layout"))
        if isinstance(blocks, dict) and blocks:
            stream = joined_text(self.from_blocks(blocks, layout, item.parent_path, notes))
            if stream:
                return stream
        text = item.data.get("text")
        if isinstance(text, dict):
            content_type = text.get("content-type") or text.get("mime-type") or "text/html"
            text = text.get("data")
            if isinstance(text, str) and not content_type.endswith("html"):
                text = "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n") if part.strip())
        return joined_text(self.from_html(text, item.parent_path, notes)) if isinstance(text, str) else []

    # HTML

    def from_html(self, html, base_path, notes):
        soup = BeautifulSoup(html, "html.parser")
        for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
            comment.extract()
        self.rewrite_links(soup, base_path, notes)
        return HtmlWalk(self, base_path, notes).run(soup)

    def rewrite_links(self, soup, base_path, notes):
        for anchor in soup.find_all("a"):
            href = (anchor.get("href") or "").strip()
            if not href or href.lower().startswith(("javascript:", "vbscript:")):
                notes.cleaned = notes.cleaned or bool(href)
                anchor.unwrap()
                continue
            try:
                target = self.resolver.link(href, base_path)
            except Unresolved:
                notes.unresolved.append(href)
                anchor.unwrap()
                continue
            if target is None:
                anchor.attrs = {"href": href}
                continue
            notes.rewritten += 1
            if target.page_id:
                anchor.attrs = {"linktype": "page", "id": str(target.page_id)}
            elif target.document_id:
                anchor.attrs = {"linktype": "document", "id": str(target.document_id)}
            else:
                anchor.attrs = {"href": target.url}

    def clean_text(self, html, notes, cleaner=None):
        cleaned, removals = (cleaner or self.text_cleaner).clean(html)
        notes.cleaned = notes.cleaned or bool(removals)
        return cleaned

    def image_block(self, src, alt, caption, base_path, notes):
        image_id = self.resolver.image(src or "", base_path)
        if image_id is None:
            notes.unresolved.append(src or "<img>")
            return None
        notes.rewritten += 1
        return {
            "type": "image",
            "value": {"image": image_id, "alt_text": alt or "", "caption": caption or ""},
        }

    def table_block(self, header, rows, caption, notes):
        """A table of cell HTML; `header` holds the column headings (plain text) or None."""
        width = max([len(row) for row in rows] + [len(header or [])], default=0)
        if not width:
            return None
        headings = (header or []) + [""] * (width - len(header or []))
        return {
            "type": "table",
            "value": {
                "columns": [
                    {"type": "text", "heading": heading[:HEADING_MAX_LENGTH]} for heading in headings
                ],
                "rows": [
                    {
                        "values": [
                            self.clean_text(cell, notes, self.cell_cleaner)
                            for cell in row + [""] * (width - len(row))
                        ]
                    }
                    for row in rows
                ],
                "caption": caption,
            },
        }

    # Volto blocks

    def from_blocks(self, blocks, layout, base_path, notes):
        order = layout.get("items") if isinstance(layout, dict) else None
        if not isinstance(order, list):
            order = list(blocks)
        stream = []
        for block_id in order:
            block = blocks.get(block_id)
            if isinstance(block, dict):
                stream += self.from_block(block, base_path, notes)
        return stream

    def from_block(self, block, base_path, notes):
        block_type = block.get("@type")
        if block_type in CARRIED_ELSEWHERE:
            return []
        if block_type == "slate":
            return self.from_html(slate_html(block.get("value")), base_path, notes)
        if block_type == "html":
            return self.from_html(block.get("html") or "", base_path, notes)
        if block_type == "heading" and block.get("heading"):
            level = "h3" if block.get("tag") in ("h3", "h4", "h5", "h6") else "h2"
            return [
                {"type": "heading", "value": {"text": block["heading"][:HEADING_MAX_LENGTH], "level": level}}
            ]
        if block_type == "image":
            image = self.image_block(volto_url(block.get("url")), block.get("alt"), "", base_path, notes)
            return [image] if image else []
        if block_type == "slateTable":
            return self.from_slate_table(block.get("table") or {}, base_path, notes)
        if block_type == "teaser":
            return self.from_teaser(block, base_path, notes)
        if block_type == "video" and str(block.get("url") or "").startswith(("http://", "https://")):
            return [{"type": "embed", "value": block["url"]}]
        nested = block.get("data") if isinstance(block.get("data"), dict) else block
        if isinstance(nested.get("blocks"), dict):  # grids and columns hold blocks of their own
            return self.from_blocks(nested["blocks"], nested.get("blocks_layout"), base_path, notes)
        notes.unknown_blocks.append(str(block_type))
        return []

    def from_slate_table(self, table, base_path, notes):
        rows = [row.get("cells") or [] for row in table.get("rows") or [] if isinstance(row, dict)]
        header = None
        if rows and rows[0] and all(cell.get("type") == "header" for cell in rows[0]):
            header = [plain_text(slate_html(cell.get("value"))) for cell in rows.pop(0)]
        html_rows = []
        for row in rows:
            cells = []
            for cell in row:
                soup = BeautifulSoup(slate_html(cell.get("value")), "html.parser")
                self.rewrite_links(soup, base_path, notes)
                for paragraph in soup.find_all("p"):
                    paragraph.unwrap()
                cells.append(str(soup))
            html_rows.append(cells)
        block = self.table_block(header, html_rows, "", notes)
        return [block] if block else []

    def from_teaser(self, block, base_path, notes):
        href = block.get("href")
        target_info = href[0] if isinstance(href, list) and href and isinstance(href[0], dict) else {}
        url = target_info.get("@id") if target_info else href if isinstance(href, str) else None
        title = (block.get("title") or target_info.get("title") or "").strip()
        if not url:
            notes.unknown_blocks.append("teaser")
            return []
        try:
            target = self.resolver.link(url, base_path)
        except Unresolved:
            notes.unresolved.append(url)
            return []
        if target is not None:
            notes.rewritten += 1
        link = {"label": title or url, "page": None, "url": ""}
        if target is not None and target.page_id:
            link["page"] = target.page_id
        else:
            link["url"] = target.url if target is not None and target.url else url
        if target is not None and target.document_id:
            return [{"type": "document", "value": {"document": target.document_id, "title": title}}]
        return [
            {
                "type": "call_to_action",
                "value": {
                    "title": title or url,
                    "text": (block.get("description") or target_info.get("description") or "").strip(),
                    "links": [link],
                },
            }
        ]


class HtmlWalk:
    """One pass over parsed HTML, collecting text into text blocks between the other blocks."""

    def __init__(self, builder, base_path, notes):
        self.builder = builder
        self.base_path = base_path
        self.notes = notes
        self.stream = []
        self.parts = []  # HTML of the current text block
        self.loose = []  # inline content outside a paragraph

    def run(self, soup):
        self.walk(soup.children)
        self.flush()
        return self.stream

    def walk(self, nodes):
        for node in list(nodes):
            if isinstance(node, NavigableString):
                if str(node).strip():
                    self.loose.append(escape(str(node)))
                continue
            name = node.name
            if name in DROPPED_WITH_CONTENT:
                self.notes.cleaned = True
            elif name in CONTAINERS:
                self.flush_loose()
                self.walk(node.children)
            elif name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.heading(node)
            elif name == "table":
                self.table(node)
            elif name == "blockquote":
                self.quote(node)
            elif name == "img":
                self.image(node)
            elif name == "figure":
                self.figure(node)
            elif name == "hr":
                self.flush()
            elif name in TEXT_ELEMENTS:
                self.text_element(node)
            else:
                images = self.take_images(node)
                if node.get_text(strip=True):
                    self.loose.append(str(node))
                for image in images:
                    self.image(image)

    def add(self, block):
        if block:
            self.flush()
            self.stream.append(block)

    def flush_loose(self):
        if self.loose:
            self.parts.append(f"<p>{''.join(self.loose)}</p>")
            self.loose = []

    def flush(self):
        self.flush_loose()
        if self.parts:
            html = self.builder.clean_text("".join(self.parts), self.notes)
            self.parts = []
            if BeautifulSoup(html, "html.parser").get_text(strip=True):
                self.stream.append({"type": "paragraph", "value": html})

    def take_images(self, node):
        return [image.extract() for image in node.find_all("img")]

    def heading(self, node):
        text = node.get_text(" ", strip=True)
        if text:
            level = "h2" if node.name in ("h1", "h2") else "h3"
            self.add({"type": "heading", "value": {"text": text[:HEADING_MAX_LENGTH], "level": level}})

    def text_element(self, node):
        images = self.take_images(node)
        if node.name == "pre":
            for line_break in node.find_all(string=True):
                line_break.replace_with(
                    BeautifulSoup(escape(str(line_break)).replace("\n", "<br>"), "html.parser")
                )
            node.name = "p"
        self.flush_loose()
        if node.get_text(strip=True):
            self.parts.append(str(node))
        for image in images:
            self.image(image)

    def image(self, node, caption=""):
        self.add(
            self.builder.image_block(node.get("src"), node.get("alt"), caption, self.base_path, self.notes)
        )

    def figure(self, node):
        image = node.find("img")
        if image is None:
            self.walk(node.children)
            return
        caption = node.find("figcaption")
        self.image(image, caption.get_text(" ", strip=True) if caption else "")

    def quote(self, node):
        text = node.get_text("\n", strip=True)
        if text:
            self.add({"type": "quote", "value": {"text": text, "attribution": ""}})

    def table(self, node):
        rows = [row for row in node.find_all("tr") if row.find_parent("table") is node]
        cells = [row.find_all(["td", "th"], recursive=False) for row in rows]
        header = None
        if cells and cells[0] and all(cell.name == "th" for cell in cells[0]):
            header = [cell.get_text(" ", strip=True) for cell in cells.pop(0)]
        caption = node.find("caption")
        self.add(
            self.builder.table_block(
                header,
                [[cell.decode_contents() for cell in row] for row in cells],
                caption.get_text(" ", strip=True) if caption else "",
                self.notes,
            )
        )


def joined_text(stream):
    """The stream with each run of text blocks as one text block (Volto has a block per paragraph)."""
    joined = []
    for block in stream:
        if block["type"] == "paragraph" and joined and joined[-1]["type"] == "paragraph":
            joined[-1] = {"type": "paragraph", "value": joined[-1]["value"] + block["value"]}
        else:
            joined.append(block)
    return joined


def slate_html(nodes):
    """Volto's slate value (a list of element and text nodes) as HTML."""
    if not isinstance(nodes, list):
        return ""
    html = []
    for node in nodes:
        if not isinstance(node, dict):
            continue
        if "text" in node:
            text = escape(str(node["text"])).replace("\n", "<br>")
            for mark, tag in SLATE_MARKS.items():
                if node.get(mark):
                    text = f"<{tag}>{text}</{tag}>"
            html.append(text)
            continue
        inner = slate_html(node.get("children"))
        element = node.get("type")
        if element == "link":
            url = slate_link_url(node.get("data") or {})
            html.append(f'<a href="{escape(url)}">{inner}</a>' if url else inner)
        elif element in SLATE_ELEMENTS:
            html.append(f"<{element}>{inner}</{element}>")
        else:
            html.append(inner)
    return "".join(html)


def slate_link_url(data):
    if data.get("url"):
        return data["url"]
    link = data.get("link") or {}
    internal = (link.get("internal") or {}).get("internal_link") or []
    if internal and isinstance(internal[0], dict) and internal[0].get("@id"):
        return internal[0]["@id"]
    if (link.get("external") or {}).get("external_link"):
        return link["external"]["external_link"]
    if (link.get("email") or {}).get("email_address"):
        return "mailto:" + link["email"]["email_address"]
    return ""


def volto_url(value):
    """An image block's `url`: a path or URL, or a list of one object with an `@id`."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0].get("@id") or ""
    return value if isinstance(value, str) else ""


def plain_text(html):
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
