"""The data layer: every table of ``data/``, its description, validation and loading.

- ``descriptor``: ``data/datapackage.yaml``, the one description of every table;
- ``validate``: a table against its schema and checksum, with errors naming file, line, column;
- ``load``: ``load(name)``, the validated, typed table the chapters compute from;
- ``checksums``: the recorded sha256 of each table (``rehash``);
- ``write``: a new version of a table, validated, then moved into place;
- ``diff``: what changed between two versions of a table, by primary key;
- ``provenance``: the record of what a notebook read, which decides what the build re-runs;
- ``yamlfiles``: the YAML files of ``data/``, read once, written back by round trip;
- ``catalogue``: the data catalogue page.

>>> from analysis import datasets
>>> spending = datasets.load("military_expenditure")
"""

from analysis.datasets.checksums import rehash
from analysis.datasets.descriptor import (
    citation,
    data_package,
    file_of,
    names,
    resource,
    sha256,
)
from analysis.datasets.load import load
from analysis.datasets.validate import (
    DataError,
    Problem,
    schema_problems,
    validate,
    validate_all,
)
from analysis.datasets.write import write_table
from analysis.datasets.yamlfiles import read_yaml

__all__ = [
    "DataError",
    "Problem",
    "citation",
    "data_package",
    "file_of",
    "load",
    "names",
    "read_yaml",
    "rehash",
    "resource",
    "schema_problems",
    "sha256",
    "validate",
    "validate_all",
    "write_table",
]
