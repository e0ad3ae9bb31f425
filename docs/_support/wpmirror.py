"""
The docs' example site (:mod:`wpsite`) as a mirror on disk, with what a whole site holds.

:func:`write_mirror` writes what a static-site exporter saves of the site under
``wp-json/wp/v2/``: the posts of :func:`wpsite.make_posts`, each with a "read
next" paragraph linking other posts (in the spellings real content uses: ``www.``,
``http:``, no trailing slash, ``?p=`` ids, tracking parameters), a tree of
pages with ``parent`` and ``menu_order``, a media item whose sizes the posts
show, the users and the categories.  The site-as-a-graph recipe (docs/site.md)
reads it with :func:`wpparse.read_objects`; it is not part of wpparse.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import wpsite

SITE = wpsite.SITE
_UPLOADS = f"{SITE}/wp-content/uploads/2026/03"
PHOTO = 90

# The pages: id, slug, title, parent and menu order.
_PAGES = [
    (2, "about", "About the survey", 0, 0),
    (21, "contact", "Contact", 2, 1),
    (20, "team", "The team", 2, 2),
    (22, "kit", "The survey kit", 0, 1),
    (23, "faq", "Questions", 22, 0),
]


def _link_to(n: int, spelling: int) -> str:
    """Post *n*'s URL, written one of the ways authors write it."""
    post = wpsite.make_post(n)
    link = post["link"]
    if spelling == 0:
        return link.replace("https://", "http://www.").rstrip("/")
    if spelling == 1:
        return f"{SITE}/?p={post['id']}"
    return f"{link}?utm_source=related#comments"


def _read_next(n: int, count: int) -> str:
    parts = []
    if n > 1:
        parts.append(f'<a href="{_link_to(n - 1, n % 3)}">the previous note</a>')
    if n % 5 == 0 and n > 1:
        parts.append(f'<a href="{_link_to(1, 2)}">where the survey started</a>')
    if n % 7 == 0:
        parts.append(f'<a href="{SITE}/about/contact/">write to the team</a>')
    if n == count:
        parts.append(f'<a href="{SITE}/2026/02/old-survey/">last year\'s survey</a>')
    html = f"<p>Read next: {', '.join(parts)}.</p>" if parts else ""
    if n % 4 == 0:
        html += (
            f'<figure class="wp-block-image"><a href="{_UPLOADS}/mill-trail.jpg">'
            f'<img src="{_UPLOADS}/mill-trail-1024x683.jpg" alt="The mill trail" '
            f'class="wp-image-{PHOTO}"></a></figure>'
        )
    return html


def make_site_posts(count: int) -> list[dict[str, Any]]:
    """The posts of :func:`wpsite.make_posts`, newest first, with their links to each other."""
    posts = []
    for n in range(count, 0, -1):
        post = wpsite.make_post(n)
        post["guid"] = {"rendered": f"{SITE}/?p={post['id']}"}
        post["content"]["rendered"] += "\n\n" + _read_next(n, count)
        posts.append(post)
    return posts


def make_pages() -> list[dict[str, Any]]:
    """The site's pages, a small tree."""
    pages = []
    slugs = {number: slug for number, slug, *_ in _PAGES}
    for number, slug, title, parent, order in _PAGES:
        path = f"{slugs[parent]}/{slug}" if parent else slug
        pages.append(
            {
                "id": number,
                "type": "page",
                "slug": slug,
                "status": "publish",
                "link": f"{SITE}/{path}/",
                "guid": {"rendered": f"{SITE}/?page_id={number}"},
                "title": {"rendered": title},
                "content": {"rendered": f"<p>{title}.</p>", "protected": False},
                "parent": parent,
                "menu_order": order,
            }
        )
    return pages


def make_media() -> list[dict[str, Any]]:
    """The one photo the posts show."""
    sizes = {
        name: {
            "file": f"mill-trail-{w}x{h}.jpg",
            "width": w,
            "height": h,
            "mime_type": "image/jpeg",
            "source_url": f"{_UPLOADS}/mill-trail-{w}x{h}.jpg",
        }
        for name, w, h in [("medium", 300, 200), ("large", 1024, 683)]
    }
    return [
        {
            "id": PHOTO,
            "type": "attachment",
            "slug": "mill-trail",
            "link": f"{SITE}/2026/03/04/iron-4/mill-trail/",
            "title": {"rendered": "The mill trail"},
            "media_type": "image",
            "mime_type": "image/jpeg",
            "source_url": f"{_UPLOADS}/mill-trail.jpg",
            "media_details": {"width": 2048, "height": 1365, "sizes": sizes},
        }
    ]


def write_mirror(folder: str | Path, count: int = 23) -> Path:
    """Write the mirror under *folder* (``wp-json/wp/v2/*.json``) and return *folder*."""
    root = Path(folder)
    api = root / "wp-json" / "wp" / "v2"
    api.mkdir(parents=True, exist_ok=True)
    users = [
        {**author, "link": f"{SITE}/author/{author['slug']}/", "description": ""}
        for author in wpsite._AUTHORS  # noqa: SLF001 - the same site's authors
    ]
    categories = [
        {**category, "link": f"{SITE}/category/{category['slug']}/", "count": 0}
        for category in wpsite._CATEGORIES  # noqa: SLF001
    ]
    files = {
        "posts.json": make_site_posts(count),
        "pages.json": make_pages(),
        "media.json": make_media(),
        "users.json": users,
        "categories.json": categories,
    }
    for name, records in files.items():
        (api / name).write_text(json.dumps(records, indent=1), encoding="utf-8")
    return root
