"""QR/barcode scanners set to USB CDC-ACM (virtual COM port) mode: one code per CR/LF-terminated line."""
