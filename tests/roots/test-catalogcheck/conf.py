extensions = ["myst_parser", "catalogcheck"]
exclude_patterns = ["_build", "locales"]
locale_dirs = ["locales/"]
gettext_compact = False
gettext_uuid = False
gettext_location = False
catalogcheck_refresh_command = "python3 dev.py translations"
