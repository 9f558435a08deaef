"""Nilai: offline scoring of regional readiness interviews."""

__version__ = "0.1.0"
