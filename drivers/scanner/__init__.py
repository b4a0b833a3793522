"""Scanners: documents through SANE, and QR/barcode readers in serial (CDC-ACM) mode."""
