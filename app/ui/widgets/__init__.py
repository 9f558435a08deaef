"""Widgets and item-model helpers shared by several features."""
