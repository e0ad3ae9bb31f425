"""
The outputs: pure functions of the models, at the end of the pipeline.

``text`` (:func:`~wpparse.to_text`), ``markdown`` (:func:`~wpparse.to_markdown`),
``data`` (:func:`~wpparse.to_dict` and the JSON Schema) and ``chunks``
(:func:`~wpparse.chunks`).  They read the models only, never the content walk,
and are independent of one another.
"""
