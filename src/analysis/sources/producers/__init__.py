"""One module per producer: its reader of the producer's raw files, the tables it makes, the
command-line arguments of ``ingest <dataset>``, and how ``refresh`` takes a new release.

Each module ends with ``INGESTS``, a tuple of :class:`analysis.sources.spec.Ingest`; the
command line and ``refresh`` are made from them (:mod:`analysis.sources.registry`). Adding a
producer means adding one module here. Raw files are never committed.
"""
