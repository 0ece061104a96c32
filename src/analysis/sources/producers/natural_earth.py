"""Natural Earth 1:110m countries → ``data/governance/world_countries.csv``.

The GeoJSON of Admin 0 countries becomes a plain table of outline points: one row per vertex,
with the country's ``ADM0_A3`` code (the join key: ``ISO_A3`` is -99 for France and Norway),
its name, the polygon and ring it belongs to, and longitude and latitude rounded to 0.01°.
The maps draw these outlines with matplotlib alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis.sources.spec import Ingest, Upstream, arg


def ingest_world_countries(geojson: Path | str, decimals: int = 2) -> pd.DataFrame:
    doc = json.loads(Path(geojson).read_text(encoding="utf-8"))
    if doc.get("type") != "FeatureCollection":
        raise ValueError(f"{geojson}: not a GeoJSON FeatureCollection")
    rows = []
    for feature in doc["features"]:
        props, geom = feature["properties"], feature["geometry"]
        if "ADM0_A3" not in props:
            raise ValueError(f"{geojson}: a feature has no ADM0_A3 property (not Natural Earth Admin 0?)")
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for part, polygon in enumerate(polygons):
            for ring, points in enumerate(polygon):
                for point, (lon, lat) in enumerate(points):
                    rows.append(
                        (
                            props["ADM0_A3"],
                            props.get("NAME", props.get("ADMIN", "")),
                            part,
                            ring,
                            point,
                            round(lon, decimals),
                            round(lat, decimals),
                        )
                    )
    return pd.DataFrame(rows, columns=["iso3", "name", "part", "ring", "point", "lon", "lat"])


INGESTS = (
    Ingest(
        "world_countries",
        "from Natural Earth's 1:110m Admin 0 countries (GeoJSON)",
        (arg("geojson", type=Path),),
        lambda a: ingest_world_countries(a.geojson),
        upstream=Upstream(ingest_world_countries, "Natural Earth Admin 0 countries (GeoJSON)"),
    ),
)
