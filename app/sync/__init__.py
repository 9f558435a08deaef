"""The coordinator's sync service and its client: bundles over HTTPS, the same import as a file.

``app`` (Starlette, the web layer) → ``intake`` (quarantine or :func:`app.bundles.importer.import_bundles`)
→ ``outcome`` (one word per bundle); ``signing`` authenticates requests with the assessor's key
(RFC 9421); ``client`` sends a bundle; ``uploads`` (with ``upload_store``) and ``resumable`` are the
service's and the laptop's sides of resumable uploads (tus); ``lock`` keeps to one sync per data
directory, ``auto`` is the desktop's automatic sync, ``quarantine`` (in the store) and ``arrivals`` are
what the coordinator's desktop looks at. Qt-free; above ``bundles`` and ``consolidation``, below ``ui``.
"""
