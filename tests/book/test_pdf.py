"""`make pdf`: the whole book printed offline by the system's Chromium, charts included."""

from __future__ import annotations

import re
import shutil
import sys

import pytest

from analysis import paths
from conftest import ROOT, run

pytestmark = pytest.mark.build


@pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")), reason="no Chromium")
def test_the_whole_book_prints_to_one_pdf(built_book):
    result = run([sys.executable, "-m", "analysis", "pdf"], cwd=ROOT, timeout=1200)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pdf = paths.HOME.build / "pdf" / "book.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1_000_000
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    images = len(re.findall(rb"/Subtype\s*/Image", data))
    charts = len(list(paths.HOME.figures.glob("*.png")))
    assert pages > 50 and images >= charts, (pages, images, charts)
