"""The field engineer's and operator's `kioskctl`: database checks, device self-tests, provisioning."""
