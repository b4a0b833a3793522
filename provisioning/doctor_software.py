"""kioskctl doctor's software check: the running and previous release and how the last update ended."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.config import ConfigError
from sync.release.root import ReleaseRoot
from sync.settings import load_settings

if TYPE_CHECKING:
    from provisioning.doctor import Finding, Patient


def check_software(p: Patient) -> list[Finding]:
    from provisioning.doctor import Finding, Level

    try:
        settings = load_settings(p.config_path)
    except ConfigError as exc:
        return [Finding(Level.FAIL, str(exc), "fix the [agent] section or run kioskctl provision again")]
    if settings.release_root is None or not settings.release_root.is_dir():
        return [Finding(Level.OK, "software: run from a checkout ([agent].release_root not set): no updates")]
    root = ReleaseRoot(settings.release_root)
    state = root.state()
    running = root.running() or "none"
    previous = state.get("previous")
    outcome = str(state.get("state") or "idle")
    # After a rollback the previous release is the running one again: no need to say it twice.
    line = f"software: running {running}" + (f", previous {previous}" if previous and previous != running else "")
    line += "; last update"
    line += f" {state.get('version')}: {outcome}" if state.get("version") else ": none"
    detail = str(state.get("detail") or "").splitlines()[0:1]
    if outcome in ("failed", "rolled_back"):
        todo = "the district office sees this too; journalctl -u kiosk-agent shows the log"
        return [Finding(Level.WARN, line + (f" ({detail[0]})" if detail else ""), todo)]
    if outcome == "switching":
        line += f" (must come up by {state.get('deadline')}, else it is rolled back)"
    elif outcome == "waiting" and detail:
        line += f" ({detail[0]})"
    return [Finding(Level.OK, line)]
