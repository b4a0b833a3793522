"""The developer's device panel and the emulator bench behind it: the demo's hands on its device emulators."""
