"""The Aadhaar Pay bank step: what the villager typed, the banks it matches (Hindi or English names), the choice."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.payments.banks import BankDirectory


class BankChoiceViewModel(QObject):
    changed = Signal()
    chosenChanged = Signal(str)  # the IIN, for the journey to put into the payment request

    def __init__(self, directory: BankDirectory, language: str = "hi", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.directory = directory
        self._language = language
        self._query = ""
        self._chosen = ""

    def _results(self) -> list[dict[str, str]]:
        found = self.directory.search(self._query)  # every match: the grid scrolls, typing narrows it
        hindi = self._language == "hi"
        return [
            {"iin": b.iin, "name": b.name_hi if hindi else b.name_en, "other": b.name_en if hindi else b.name_hi}
            for b in found
        ]

    def _chosen_name(self) -> str:
        bank = self.directory.get(self._chosen)
        if bank is None:
            return ""
        return bank.name_hi if self._language == "hi" else bank.name_en

    @Slot(str)
    def setQuery(self, text: str) -> None:
        if text != self._query:
            self._query = text[:40]
            self.changed.emit()

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        self._language = language
        self.changed.emit()

    @Slot(str)
    def choose(self, iin: str) -> None:
        if self.directory.get(iin) is None:  # only a bank from the list, never a typed number
            return
        self._chosen = iin
        self.changed.emit()
        self.chosenChanged.emit(iin)

    @Slot()
    def reset(self) -> None:
        self._query, self._chosen = "", ""
        self.changed.emit()

    query = Property(str, lambda self: self._query, notify=changed)
    results = Property(list, _results, notify=changed)
    nothingFound = Property(bool, lambda self: self._query.strip() != "" and not self._results(), notify=changed)
    chosen = Property(str, lambda self: self._chosen, notify=changed)
    chosenName = Property(str, _chosen_name, notify=changed)
