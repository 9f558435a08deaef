"""Signed evaluation sheets in the desktop: export, sign and verify."""
