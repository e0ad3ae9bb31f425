"""
``wpparse.mirror``: fetch a whole WordPress site through its REST API into a folder.

The one part of wpparse that talks to the network, and the one that needs
httpx (``pip install 'wpparse[fetch]'``), imported only when a mirror starts.
It uses wpparse's public names only.  Modules, in the order a run uses them:

- :mod:`~wpparse._fetch.run`: :func:`mirror`, its arguments checked, the
  folder locked; :mod:`~wpparse._fetch.since`: the ``since=`` times;
  :mod:`~wpparse._fetch.auth`: where the application password may go;
- :mod:`~wpparse._fetch.client`: HTTP with retries, backoff, ``Retry-After``;
- :mod:`~wpparse._fetch.discover`: from any address to the API root;
- :mod:`~wpparse._fetch.plan`: the site's collections and the asked ones;
- :mod:`~wpparse._fetch.state` and :mod:`~wpparse._fetch.files`: the folder,
  its bookkeeping for resuming, atomic writes;
- :mod:`~wpparse._fetch.runner`: the run itself, collection by collection,
  each fetched page by page (:mod:`~wpparse._fetch.pages`);
- :mod:`~wpparse._fetch.progress`: what a terminal shows;
- :mod:`~wpparse._fetch.result`: :class:`MirrorResult`, what the run did;
- :mod:`~wpparse._fetch.cli`: ``wpparse mirror URL -o DIR``.
"""

from wpparse._fetch.errors import MirrorError
from wpparse._fetch.result import MirrorResult
from wpparse._fetch.run import mirror

__all__ = ["MirrorError", "MirrorResult", "mirror"]
