"""The producers' files and how they become tables of ``data/``.

- ``producers/``: one module per producer (SIPRI, the World Bank, Natural Earth, UN Comtrade,
  IMF DOTS, CEPII BACI, MOFCOM, the UN library): its reader, its datasets, its arguments;
- ``registry``: the datasets they make, from which ``ingest`` and ``refresh`` are built;
- ``download``: a producer's file fetched with a deadline and checked against its pin;
- ``refresh``: a new release taken in a staging copy, validated, swapped in, and reported.
"""
