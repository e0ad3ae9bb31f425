"""
Bytes, text and files to JSON values; knows WordPress's shapes, builds no model.

``load`` (decode what the caller holds: bytes in any UTF, a document or JSON
Lines, lone surrogates), ``files`` (which files of a directory tree to read),
``stream`` (one file, one record at a time) and ``kinds`` (what kind of REST
object a JSON object is, and WordPress's error responses).
"""
