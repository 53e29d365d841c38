"""The demo database: units, persons, accounts, competitions with marks and results,
honours, talent records and studios, all written through the services and
deterministic for a seed.
"""
