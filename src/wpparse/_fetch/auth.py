"""
Where the application password may go: the site's address and API root in, a :class:`MirrorError` out when it may not.

A password is sent over https only (loopback aside, for tests and local
sites: :func:`check_secure`), only to the host the caller named
(:func:`check_target`: a site whose API lives elsewhere must be named by that
address), and the site is asked once, before anything is fetched, whether it
takes it (:func:`check_login`), so that a wrong password fails at once
instead of as a refused collection.

>>> check_secure("http://localhost:8080/wp-json/")
>>> check_secure("http://example.org/wp-json/")
Traceback (most recent call last):
...
wpparse._fetch.errors.MirrorError: refusing to send the application password over plain http; use the site's https:// address @ http://example.org/wp-json/
"""

from __future__ import annotations

from urllib.parse import urlsplit

from wpparse._fetch.client import Client, shown_url
from wpparse._fetch.discover import Api, normalise, refusal
from wpparse._fetch.errors import MirrorError

__all__ = ["check_login", "check_secure", "check_target"]

_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})


def check_secure(url: str) -> None:
    """Refuse to send a password in clear text (loopback aside)."""
    parts = urlsplit(url)
    if parts.scheme != "https" and (parts.hostname or "") not in _LOOPBACK:
        msg = (
            "refusing to send the application password over plain http; "
            "use the site's https:// address"
        )
        raise MirrorError(msg, url=shown_url(url))


def check_target(root: str, url: str) -> None:
    """Refuse to send the password to another host than the one given."""
    check_secure(root)
    api, given = urlsplit(root), urlsplit(normalise(url))
    if api.hostname != given.hostname:
        msg = (
            f"the site's API is on another host ({api.hostname}); refusing to "
            "send it the application password: pass the API's address instead"
        )
        raise MirrorError(msg, url=shown_url(root))


def check_login(client: Client, api: Api, user: str) -> None:
    """Fail at once when the site does not take the application password."""
    url, params = api.route("wp/v2/users/me")
    reply = client.get(url, params)
    if reply.status == 200:  # noqa: PLR2004
        return
    error = refusal(reply, "the application password")
    if reply.status in {401, 403}:
        msg = (
            f"the site did not accept the application password of {user!r} "
            f"(HTTP {reply.status}{f', {error.code}' if error.code else ''}); check "
            "the user name and the password, and that the site allows "
            "application passwords (WordPress 5.6+, over https)"
        )
        raise MirrorError(msg, url=error.url, status=reply.status, code=error.code)
    raise error
