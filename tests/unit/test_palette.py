"""The country colours stay apart for readers with the common colour-vision deficiencies."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from analysis import figures

# Machado, Oliveira and Fernandes (2009), severity 1.0, applied in linear RGB
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def _linear(hex_colour: str) -> np.ndarray:
    srgb = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ np.clip(
        linear, 0, 1
    )
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def distance(a: str, b: str, vision: str | None = None) -> float:
    la, lb = _linear(a), _linear(b)
    if vision:
        m = np.array(CVD[vision])
        la, lb = m @ la, m @ lb
    return float(np.linalg.norm(_lab(la) - _lab(lb)))


@pytest.mark.parametrize("vision", [None, *CVD])
def test_country_colours_stay_distinct(vision):
    for (a, ca), (b, cb) in itertools.combinations(figures.PALETTE.items(), 2):
        assert distance(ca, cb, vision) > 20, (a, b, vision)  # CIELAB ΔE: 20 is a clearly visible difference


def test_the_check_can_fail():
    assert distance("#D55E00", "#E69F00", "deuteranopia") < distance("#D55E00", "#0072B2", "deuteranopia")
    assert distance("#FF0000", "#00FF00", "deuteranopia") < 40 < distance("#FF0000", "#00FF00")
