"""Hot-plug: telling a driver that its USB device came or went, matched by vendor:product and serial."""
