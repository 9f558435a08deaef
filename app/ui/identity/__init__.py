"""The assessor's identity in the desktop: creating or importing it, the passphrase prompt, the drawn signature."""
