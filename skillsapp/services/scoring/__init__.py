"""Marks and results: judges' mark entry and the chief judge's review, paper score
sheets with their keyed rounds and import, re-checks (复核) and appeals (申诉), judges'
severity analysis, and results computed from the marks, read, drilled into, exported
and published.
"""
