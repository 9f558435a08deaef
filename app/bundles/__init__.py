"""Result bundles: the signed zip an assessor hands in, and the coordinator's verified, idempotent import.

format.py (constants, limits), schema.py (JSON Schemas), manifest.py (record files out of a store
and back in, strictly and fast), manifest_check.py (the manifest's schema, inline), zipcheck.py
(zip sanity), export.py (write a bundle), verify.py (check one without writing anything: the order
of the checks), verified.py (what the checks take and give), signed.py (signature, trust, manifest),
contents.py (files, records, sheets, instruments against the signed manifest),
pipeline.py (check the next bundles in a helper process), importer.py (import a batch: checking ahead
of commits, WAL checkpoints), import_steps.py (one bundle: checked, taken in, committed, reported),
receipts.py (bundles seen before), merge_transaction.py (one transaction per bundle: receipt, assessor,
round, instrument, the merged rows), merge.py (what each version means for its record),
bulk.py (Core bulk writes, evidence and sheet copies), intake.py (a batch import and the certificates
it met that are not trusted yet), conflicts.py (resolve competing versions), conflict_views.py (the
competing versions side by side, for the coordinator to choose),
trust.py (trusted certificates), report.py (what happened, per bundle and per record), errors.py
(user-facing errors). The format itself is described in docs/bundle-format.md.
"""
