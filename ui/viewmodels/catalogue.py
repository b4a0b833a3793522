"""Catalogue screen: categories and search results; the search itself is kiosk.search."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.catalogue import Service
from ui.screens import CatalogueScreen


class CatalogueViewModel(QObject):
    changed = Signal()

    def __init__(self, services: CatalogueScreen, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.language = "hi"
        self._query = ""
        self._category = ""

    def set_language(self, language: str) -> None:
        self.language = language
        self.changed.emit()

    def reset(self) -> None:
        self._query, self._category = "", ""
        self.changed.emit()

    @Slot(str)
    def setQuery(self, text: str) -> None:
        self._query = text
        self.changed.emit()

    @Slot(str)
    def setCategory(self, category_id: str) -> None:
        self._category = category_id
        self._query = ""
        self.changed.emit()

    def _row(self, service: Service) -> dict[str, str]:
        return {
            "id": service.id,
            "name": service.name(self.language),
            "icon": service.icon,
            "offline": service.offline.value,
            "flow": service.flow.value,
        }

    def _results(self) -> list[dict[str, str]]:
        catalogue = self.services.catalogue.current
        if self._query.strip():
            found = [hit.service for hit in self.services.search.search(self._query, limit=12)]
        elif self._category:
            found = catalogue.in_category(self._category)[:12]
        else:
            found = catalogue.home_tiles()
        return [self._row(s) for s in found if self.services.offered(s)]

    def _categories(self) -> list[dict[str, str]]:
        return [
            {"id": c.id, "name": c.name_hi if self.language == "hi" else c.name_en, "icon": c.icon}
            for c in self.services.catalogue.current.categories
        ]

    def _get_query(self) -> str:
        return self._query

    def _get_category(self) -> str:
        return self._category

    results = Property(list, _results, notify=changed)
    categories = Property(list, _categories, notify=changed)
    query = Property(str, _get_query, notify=changed)
    category = Property(str, _get_category, notify=changed)
