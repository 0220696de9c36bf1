"""MLOrg Desktop: see how an organization structures its machine-learning work."""

__version__ = "0.1.0"
APP_NAME = "MLOrg Desktop"
APP_ID = "mlorg-desktop"
# The launcher, icon and AppStream component share this id (resources/<DESKTOP_ID>.*).
DESKTOP_ID = "io.github.mlorg.Desktop"
ORG_NAME = "MLOrg"
ORG_DOMAIN = "mlorg.example"
LICENSE = "MIT"
