"""Derive the book's curated tables from the producers' raw files.

Each ingest function takes the path of a raw file as published (so a user can re-derive a
table from a fresh download), returns a tidy DataFrame, and ``write`` puts it in ``data/``
only after it validates against the descriptor. Raw files are never committed.
"""

from analysis.ingest.cepii_baci import ingest_trade_composition, mineral_fuels_share
from analysis.ingest.common import write
from analysis.ingest.fdi import ingest_china_ofdi_russia
from analysis.ingest.natural_earth import ingest_world_countries
from analysis.ingest.sipri_arms import ingest_arms_transfers
from analysis.ingest.sipri_milex import ingest_military_expenditure
from analysis.ingest.trade import ingest_china_russia_trade, ingest_trade_partner_shares
from analysis.ingest.un import ingest_unga_agreement, ingest_unsc_vetoes
from analysis.ingest.world_bank import ingest_wdi_military_expenditure

__all__ = [
    "ingest_arms_transfers", "ingest_china_ofdi_russia", "ingest_china_russia_trade",
    "ingest_military_expenditure", "ingest_trade_composition", "ingest_trade_partner_shares",
    "ingest_unga_agreement", "ingest_unsc_vetoes", "ingest_wdi_military_expenditure", "ingest_world_countries", "mineral_fuels_share", "write",
]
