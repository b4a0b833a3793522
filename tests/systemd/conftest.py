"""Qt tests here share the process's one application with tests/ui: whichever test makes it first, it is the same."""

from tests.ui.conftest import qapp_cls

__all__ = ["qapp_cls"]
