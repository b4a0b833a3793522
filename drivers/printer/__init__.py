"""Receipt printers: ESC/POS thermal (serial/network) and CUPS document printers."""
