"""Execute a notebook top to bottom in a fresh kernel and store its outputs in place.

The notebooks in ``chapters/`` are committed with their outputs, so that nbval can compare a
new run with the stored one. Those outputs must come from a clean run of the notebook as it
is, never from a copy of the build's own execution.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute_in_place(notebook: Path, timeout: int = 600, kernel: str = "python3") -> None:
    notebook = Path(notebook).resolve()
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel,
                            resources={"metadata": {"path": str(notebook.parent)}})
    client.execute()
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, notebook)
