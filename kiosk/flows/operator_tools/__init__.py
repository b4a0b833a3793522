"""Operator mode's tools, one small machine each; `kiosk/flows/operator.py` signs in and dispatches to them."""
