"""Result bundles: the signed zip an assessor hands in, and the coordinator's verified, idempotent import.

format.py (constants, limits), schema.py (JSON Schemas), manifest.py (manifest and record
documents), zipcheck.py (zip sanity), export.py (write a bundle), verify.py (check one without
writing anything), importer.py (merge into a store), conflicts.py (resolve competing versions),
trust.py (trusted certificates), report.py (what happened, per bundle and per record),
errors.py (user-facing errors). The format itself is described in docs/bundle-format.md.
"""
