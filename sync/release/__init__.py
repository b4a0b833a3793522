"""Software updates on the kiosk: download a signed release, install it beside the running one, switch, roll back."""
