"""One QObject per screen: properties QML binds to, slots QML calls. No money arithmetic, no flow decisions."""
