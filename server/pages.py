"""The small bilingual pages a phone opens from a printed QR code (a receipt, a Z-report): a verdict and a table."""

from __future__ import annotations

import html


def rupees(paise: int) -> str:
    sign = "-" if paise < 0 else ""
    return f"{sign}₹{abs(paise) // 100}.{abs(paise) % 100:02d}"


def verdict_page(title: str, head: str, cells: list[tuple[str, object]] | None, problem: str | None = None) -> str:
    """`cells` (label, value) when verified; otherwise the problem in plain words. Everything is escaped."""
    if cells is None:
        body = f"<p>{html.escape(problem or '')}</p>"
    else:
        body = (
            "<table>"
            + "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in cells)
            + "</table>"
        )
    return (
        f'<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
        f"<body><h1>{html.escape(head)}</h1>{body}</body></html>"
    )
