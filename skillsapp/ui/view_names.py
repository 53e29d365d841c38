"""The names of the views `skillsapp snapshot` renders.

Kept apart from ui/snapshot.py and free of Qt, so the CLI's --help can list them
without loading Qt.
"""

VIEWS = (
    "login",
    "dashboard",
    "registry",
    "person-dialog",
    "units",
    "profile",
    "nominations",
    "studios",
    "studio",
    "evaluation",
    "import-preview",
    "audit",
    "users",
    "settings",
    "competitions",
    "competition-scheme",
    "competition-registrations",
    "competition-draw",
    "marking-grid",
    "chief-panel",
    "results",
    "certificates",
    "certificate-verify",
    "certificate-settings",
    "template-editor",
)
