"""Data, computations and figures behind the book, in layers (each imports only those below it):

- ``cli``: ``python -m analysis``, the one command line;
- ``book``: the build, notebook execution, the Sphinx extension, variants, the benchmark;
- ``sources``: the producers' files, one module per producer; download and refresh;
- ``audit``: the report's claims, assessments and recommendations put to the data;
- ``chapters``: what each chapter computes, and the evaluators of its claims;
- ``evidence``: the ``Verdict`` and ``Reading`` types, the registries, quoted figures, source grades;
- ``figures``: the house style of the charts, and their way onto a page;
- ``datasets``: the tables of ``data/``: descriptor, validation, loading, checksums, provenance;
- at the bottom, ``paths`` (the project as an object), ``git`` and ``markup`` (the one escaper).

``pyproject.toml`` states the layers as an import-linter contract, checked by the tests.
"""

from analysis.datasets import DataError, load

__all__ = ["DataError", "load"]
__version__ = "0.1.0"
