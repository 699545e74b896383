"""A podcast feed as RSS 2.0 with the itunes: and podcast: namespaces that podcast apps read."""

from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.etree import ElementTree

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
for _prefix, _uri in (("itunes", ITUNES), ("podcast", PODCAST), ("atom", ATOM)):
    ElementTree.register_namespace(_prefix, _uri)


@dataclass(frozen=True)
class Channel:
    """The podcast itself."""

    title: str
    link: str
    self_url: str
    description: str
    language: str
    image_url: str
    author: str
    category: str = "News"


@dataclass(frozen=True)
class Episode:
    """One article whose whole audio is rendered."""

    guid: str
    title: str
    link: str
    description: str
    published: datetime
    """Aware: written as RFC 2822 with its offset."""
    audio_url: str
    audio_length: int
    """Bytes of the file the audio URL serves."""
    mimetype: str
    duration: float
    transcript_url: str
    language: str
    rendered_at: datetime
    """When its audio file was made: the feed's Last-Modified."""


def _add(parent, tag: str, text: str | None = None, **attributes) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, {k: v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def podcast_rss(channel: Channel, episodes: list[Episode]) -> bytes:
    """The feed document, UTF-8, newest episode first as given."""
    rss = ElementTree.Element("rss", {"version": "2.0"})
    head = _add(rss, "channel")
    _add(head, "title", channel.title)
    _add(head, "link", channel.link)
    _add(head, f"{{{ATOM}}}link", href=channel.self_url, rel="self", type="application/rss+xml")
    _add(head, "description", channel.description)
    _add(head, "language", channel.language)
    _add(head, "generator", "reader")
    if episodes:
        _add(head, "lastBuildDate", format_datetime(max(e.published for e in episodes)))
    image = _add(head, "image")
    _add(image, "url", channel.image_url)
    _add(image, "title", channel.title)
    _add(image, "link", channel.link)
    _add(head, f"{{{ITUNES}}}author", channel.author)
    _add(head, f"{{{ITUNES}}}summary", channel.description)
    _add(head, f"{{{ITUNES}}}image", href=channel.image_url)
    _add(head, f"{{{ITUNES}}}category", text=channel.category)
    _add(head, f"{{{ITUNES}}}explicit", "false")
    _add(head, f"{{{ITUNES}}}type", "episodic")
    # "yes": the feed may not be imported into another hosting platform; it is this server's.
    _add(head, f"{{{PODCAST}}}locked", "yes")
    for episode in episodes:
        item = _add(head, "item")
        _add(item, "title", episode.title)
        _add(item, "link", episode.link)
        _add(item, "guid", episode.guid, isPermaLink="false")
        _add(item, "pubDate", format_datetime(episode.published))
        _add(item, "description", episode.description)
        _add(
            item,
            "enclosure",
            url=episode.audio_url,
            length=str(episode.audio_length),
            type=episode.mimetype,
        )
        _add(item, f"{{{ITUNES}}}title", episode.title)
        _add(item, f"{{{ITUNES}}}duration", str(round(episode.duration)))
        _add(item, f"{{{ITUNES}}}explicit", "false")
        _add(item, f"{{{ITUNES}}}episodeType", "full")
        _add(
            item,
            f"{{{PODCAST}}}transcript",
            url=episode.transcript_url,
            type="text/vtt",
            language=episode.language,
        )
    return ElementTree.tostring(rss, encoding="utf-8", xml_declaration=True)
