"""Exporting the people registry to an .xlsx file that imports back cleanly."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from skillsapp.interchange.persons import (
    PERSON_EXPORT_HEADERS,
    PERSON_SHEET_TITLE,
    PERSON_TEXT_COLUMNS,
    person_export_cells,
)
from skillsapp.interchange.tables import write_xlsx
from skillsapp.services.registry.registry import PersonQuery, RegistryService

logger = logging.getLogger(__name__)


def export_persons(registry: RegistryService, query: PersonQuery, path: Path) -> int:
    """Write every person matching `query` (all pages) to `path`; return how many."""
    page = registry.search(dataclasses.replace(query, offset=0, limit=None))
    write_xlsx(
        path,
        PERSON_EXPORT_HEADERS,
        (person_export_cells(row) for row in page.rows),
        sheet_title=PERSON_SHEET_TITLE,
        text_columns=PERSON_TEXT_COLUMNS,
    )
    logger.info("exported %d persons to %s", len(page.rows), path.name)
    return len(page.rows)
