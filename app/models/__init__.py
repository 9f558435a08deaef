"""Data model: SQLModel tables (tables.py) and plain domain types (domain.py)."""
