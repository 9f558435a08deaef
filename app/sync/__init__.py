"""The coordinator's sync service and its client: bundles over HTTPS, the same import as a file.

``app`` (Starlette, the web layer) → ``intake`` (quarantine or :func:`app.bundles.importer.import_bundles`)
→ ``outcome`` (one word per bundle); ``signing`` authenticates requests with the assessor's key
(RFC 9421); ``client`` sends a bundle. Qt-free; above ``bundles`` and ``consolidation``, below ``ui``.
"""
