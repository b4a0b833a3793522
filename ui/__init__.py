"""The touch app: QML screens, one view-model per screen, and the kiosk process's composition root."""
