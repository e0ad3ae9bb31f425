"""
Stage 1: decoded REST API JSON objects to models, field by field.

``dispatch`` is the face: which model an object's shape calls for
(:func:`~wpparse.parse`, :func:`~wpparse.parse_post`), and the readers of
embedded objects it hands down.  Under it, ``post`` and ``media`` (the objects
that embed others), ``embedded`` (``_embedded`` lined up with ``_links``),
``objects`` (users, terms, comments), ``object_fields`` (their keys and fast
constructors), and the field readers ``fields``, ``dates`` and ``relations``.
``collections`` reads a page of a collection into a :class:`~wpparse.Collection`.
"""
