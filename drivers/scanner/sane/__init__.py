"""Document scanning through SANE's `scanimage` (any SANE backend; tested with the `test` backend)."""
