"""Every path the project uses, as one object made from a root.

:class:`Project` names each place (``data/``, its descriptor and registries, the chapters,
the build) from a root folder, so nothing depends on the current working directory: a
notebook, a test and the command line find the same files. The project in use is the one
this package sits in, unless a caller works on another one for a while with
:func:`using` — a staging copy of ``data/`` for ``refresh``, a scratch copy in the tests.

>>> from analysis import paths
>>> paths.project().descriptor.name
'datapackage.yaml'
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """The places of one project: ``root`` and, when it lives elsewhere, its ``data/`` folder."""

    root: Path
    data_dir: Path | None = None

    def __post_init__(self):
        object.__setattr__(self, "root", Path(self.root).resolve())
        if self.data_dir is not None:
            object.__setattr__(self, "data_dir", Path(self.data_dir).resolve())

    def with_data(self, folder: Path) -> Project:
        """The same project reading its tables, descriptor and registries from ``folder``."""
        return replace(self, data_dir=Path(folder))

    # data/: the tables, their descriptor and the three registries
    @property
    def data(self) -> Path:
        return self.data_dir if self.data_dir is not None else self.root / "data"

    @property
    def descriptor(self) -> Path:
        return self.data / "datapackage.yaml"

    @property
    def claims(self) -> Path:
        return self.data / "claims.yaml"

    @property
    def assessments(self) -> Path:
        return self.data / "assessments.yaml"

    @property
    def recommendations(self) -> Path:
        return self.data / "recommendations.yaml"

    # the book's sources
    @property
    def chapters(self) -> Path:
        return self.root / "chapters"

    @property
    def src(self) -> Path:
        return self.root / "src"

    @property
    def variants(self) -> Path:
        return self.root / "variants"

    @property
    def bibliography(self) -> Path:
        return self.root / "bibliography"

    @property
    def page_inputs(self) -> tuple[Path, ...]:
        """Everything the pages are made from: when none of it changed, a build has nothing to do."""
        r = self.root
        return (
            self.data,
            self.src,
            self.chapters,
            r / "_config.yml",
            r / "_toc.yml",
            r / "index.md",
            r / "_static",
            self.bibliography,
        )

    # _build/: the book and the state of the last build
    @property
    def build(self) -> Path:
        return self.root / "_build"

    @property
    def html(self) -> Path:
        return self.build / "html"

    @property
    def figures(self) -> Path:
        return self.build / "figures"

    @property
    def jupyter_cache(self) -> Path:
        return self.build / ".jupyter_cache"

    def relative(self, path: Path) -> str:
        """A path as the reader should see it: relative to the root when inside it."""
        path = Path(path).resolve()
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def relative_to_data(self, path: Path) -> str:
        """A path inside ``data/`` as ``data/`` names it (e.g. ``military/arms_transfers.csv``)."""
        return Path(path).resolve().relative_to(self.data).as_posix()


#: The project this package is installed from (``src/analysis/paths.py`` → the root).
HOME = Project(Path(__file__).resolve().parents[2])
_current: ContextVar[Project] = ContextVar("project", default=HOME)


def project() -> Project:
    """The project in use: :data:`HOME`, or the one a :func:`using` block names."""
    return _current.get()


@contextlib.contextmanager
def using(other: Project):
    """Work on ``other`` (a staging copy, a scratch copy) for the duration of the block."""
    token = _current.set(other)
    try:
        yield other
    finally:
        _current.reset(token)


def data_at(folder: Path):
    """Read ``data/`` from ``folder`` for the duration: the project in use, with another data folder."""
    return using(project().with_data(folder))


def relative(path: Path) -> str:
    """A path relative to the root of the project in use, when inside it."""
    return project().relative(path)
