"""Device drivers: one sub-package per device family (transport → codec → driver), each with an emulator."""
