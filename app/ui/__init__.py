"""The PySide6 desktop client. The only package that may import Qt."""
