"""The shared StreamField vocabulary of every content page.

Embeds are click-to-load: the page shows a link and a button; nothing is
requested from the third party until the visitor asks for it.
"""

from urllib.parse import parse_qs, urlparse

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Worum es geht", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "Eine Mitmach-Partei lebt davon, dass alle mitreden können.",
            "attribution": "Landesparteitag",
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Internal page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        preview_value = {"text": "Jetzt mitmachen", "url": "https://example.org"}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Choose a page or enter an address.")}
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, help_text=_("Defaults to the document title.")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"


class ExternalMediaBlock(blocks.StructBlock):
    """A video or post on another platform, loaded only after a click."""

    url = blocks.URLBlock(label=_("Address of the video or post"))
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    caption = blocks.TextBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/external_media_block.html"
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Rede auf dem Landesparteitag",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["provider"] = urlparse(value["url"]).hostname or ""
        context["embed_url"] = embed_url_for(value["url"])
        return context


def embed_url_for(url):
    """Return an iframe address for the few providers we know, else ''."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").removeprefix("www.")
    if host in {"youtube.com", "m.youtube.com"}:
        video = parse_qs(parsed.query).get("v", [""])[0]
        return f"https://www.youtube-nocookie.com/embed/{video}" if video else ""
    if host == "youtu.be":
        return f"https://www.youtube-nocookie.com/embed/{parsed.path.strip('/')}"
    if host == "vimeo.com" and parsed.path.strip("/").isdigit():
        return f"https://player.vimeo.com/video/{parsed.path.strip('/')}?dnt=1"
    return ""


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>Die Mieten in Berlin steigen weiter.</p>",
    )
    image = ImageBlock(label=_("Image"), template="blocks/image_block.html")
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    external_media = ExternalMediaBlock()

    class Meta:
        template = "blocks/stream_block.html"


class TalkingPointBlock(blocks.StructBlock):
    """One argument for a conversation with friends, family or neighbours."""

    point = blocks.CharBlock(
        label=_("Talking point"),
        max_length=200,
        help_text=_("One sentence people can repeat at the kitchen table."),
    )
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        required=False,
        help_text=_("Facts and figures that back the point up."),
    )

    class Meta:
        icon = "comment"
        template = "blocks/talking_point_block.html"
        preview_value = {
            "point": "Mietendeckel heißt: Wohnen bleibt bezahlbar.",
            "explanation": "Ein Drittel des Einkommens geht für die Miete drauf.",
        }


class TalkingPointsBlock(blocks.StreamBlock):
    talking_point = TalkingPointBlock()


class DocumentsBlock(blocks.StreamBlock):
    document = DocumentBlock()
