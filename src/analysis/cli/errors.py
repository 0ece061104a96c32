"""The errors a user can cause, and the one message each becomes on the command line."""

from __future__ import annotations

import yaml

from analysis.book.build import BuildError
from analysis.book.variant import VariantError
from analysis.datasets import DataError
from analysis.evidence.registries import RegistryError
from analysis.sources.spec import RefreshError

# A table, a registry, a chapter or its parameters, a download, a producer's file, a path:
# each raises one of these with a message that names the file and line, or the id and field,
# or the argument, and the value.
USER_ERRORS = (
    BuildError,
    DataError,
    RegistryError,
    RefreshError,
    VariantError,
    ValueError,
    KeyError,
    OSError,
    yaml.YAMLError,
)


def message(err: BaseException) -> str:
    """The error's own text (a KeyError's without the quotes Python adds), and its kind when
    the text alone would not say it."""
    text = err.args[0] if isinstance(err, KeyError) and err.args else str(err)
    if isinstance(err, OSError) and getattr(err, "filename", None) and str(err.filename) not in text:
        text = f"{err.filename}: {text}"
    return text
