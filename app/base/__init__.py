"""Foundations every feature shares: where data lives, atomic file writes, logging. No store, no Qt."""
