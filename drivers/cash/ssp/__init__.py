"""Innovative Technology SSP (NV9/NV10/NV200 family) in plain, unencrypted mode."""
