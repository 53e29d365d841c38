"""Competitions and how they are set up and run: the competition and its status
workflow, events and their stored scoring schemes, registrations (报名) and the import of
unit entry forms, the draw (抽签), judges, the set-up as a JSON document, and the
printables (rosters, sign-in sheets, blank score sheets).
"""
