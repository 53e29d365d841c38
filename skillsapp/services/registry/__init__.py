"""The people registry: searching, adding, editing and deleting persons, importing
them from .xlsx/.csv with a preview of every row's problems, and the .xlsx export that
imports back cleanly.
"""
