"""The day's interview schedule: its item model, filter and view, and taking a round package in."""
