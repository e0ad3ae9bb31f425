"""
``wpparse mirror URL -o DIR``: the command line of :func:`wpparse.mirror`.

``main(argv)`` returns the exit status: 0 when the mirror is complete, 1 when
the site refused or failed (what was saved is kept, and the same command goes
on from there), 2 for usage errors, 130 when interrupted.  The application
password comes from ``$WPPARSE_APP_PASSWORD`` or a prompt, never from the
command line, where other users of the machine could read it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from wpparse._fetch.client import INSTALL_HINT
from wpparse._fetch.errors import MirrorError
from wpparse._fetch.run import mirror

__all__ = ["PASSWORD_VARIABLE", "build_parser", "main"]

PASSWORD_VARIABLE = "WPPARSE_APP_PASSWORD"  # noqa: S105 - a name, not a password


def build_parser() -> argparse.ArgumentParser:
    """The ``wpparse mirror`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="wpparse mirror",
        description=(
            "Copy a WordPress site's REST API objects (posts, pages, custom post "
            "types, media, terms, users; comments when asked) into DIR, one JSON "
            "Lines file per type that `wpparse DIR` and wpparse.read_objects() "
            "read. Run it again with the same DIR to resume an interrupted "
            "mirror, or with --since to add what changed."
        ),
        epilog=(
            f"An application password is read from ${PASSWORD_VARIABLE}, or "
            "asked for on a terminal; it is never printed or stored. "
            "Exit status: 0 done, 1 the site refused or failed (what was saved "
            "is kept), 2 usage error, 130 interrupted."
        ),
    )
    parser.add_argument(
        "url", metavar="URL", help="any address of the site, or its API root"
    )
    parser.add_argument(
        "-o", "--output", metavar="DIR", required=True, help="the mirror's folder"
    )
    parser.add_argument(
        "--types",
        metavar="LIST",
        help=(
            "comma-separated collections (posts,pages,books,categories,users,"
            "comments ...); 'all' is the default set plus comments "
            "(default: every post type and taxonomy the site lists, and users)"
        ),
    )
    parser.add_argument(
        "--since",
        metavar="WHEN",
        help=(
            "only posts modified after this ISO 8601 date or time (2024-05-01, "
            "2024-05-01T10:00:00Z; without offset, the site's clock), or since the "
            "last run ('last'), merged into DIR"
        ),
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=f"fetch with context=edit as NAME, with the application password in ${PASSWORD_VARIABLE}",
    )
    parser.add_argument(
        "-j",
        "--concurrency",
        type=int,
        default=2,
        metavar="N",
        help="requests at a time (default: 2)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=5,
        metavar="N",
        help="retries for timeouts, 429 and 5xx (default: 5)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="S",
        help="seconds per request (default: 30)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress and no summary line"
    )
    return parser


def _password(parser: argparse.ArgumentParser, user: str, err: TextIO) -> str:
    secret = os.environ.get(PASSWORD_VARIABLE, "")
    if secret:
        return secret
    if sys.stdin.isatty():
        return getpass.getpass(f"application password for {user}: ", stream=err)
    parser.error(f"--user needs the application password in ${PASSWORD_VARIABLE}")
    raise AssertionError  # parser.error exits  # pragma: no cover


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wpparse mirror`` with *argv* (the arguments after ``mirror``)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    err = sys.stderr
    if args.concurrency < 1 or args.retries < 0 or args.timeout <= 0:
        parser.error("-j must be at least 1, --retries at least 0, --timeout positive")
    types = None
    if args.types is not None:
        types = [name for name in args.types.split(",") if name.strip()]
        if not types:
            parser.error("--types: name at least one collection")
    auth = None
    if args.user:
        auth = (args.user, _password(parser, args.user, err))
    try:
        result = mirror(
            args.url,
            args.output,
            types=types,
            since=args.since,
            auth=auth,
            concurrency=args.concurrency,
            retries=args.retries,
            timeout=args.timeout,
            progress=not args.quiet,
        )
    except ValueError as exc:  # a bad --since
        parser.error(str(exc))
    except ModuleNotFoundError as exc:
        if exc.name != "httpx":
            raise
        err.write(f"wpparse mirror: needs httpx: {INSTALL_HINT}\n")
        return 1
    except MirrorError as exc:
        err.write(
            f"wpparse mirror: error: {exc}\n"
            f"wpparse mirror: what was saved in {args.output} is kept; "
            "the same command goes on from there\n"
        )
        return 1
    except KeyboardInterrupt:
        err.write(
            f"\nwpparse mirror: interrupted; what was saved in {args.output} is kept, "
            "the same command goes on from there\n"
        )
        return 130
    if not args.quiet:
        sys.stdout.write(result.summary() + "\n")
    return 0
