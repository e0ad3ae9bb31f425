"""
The ``wpparse`` command: ``command`` (the arguments and the outline and JSON
writers), ``inputs`` (files, directories and globs to records, in ``-j`` worker
processes), ``jobs`` (what a worker sends back, in input order) and ``output``
(one writer per format, and ``-o DIR``).

``main`` is the console script's entry point (``wpparse = "wpparse._cli:main"``).
"""

from wpparse._cli.command import main

__all__ = ["main"]
