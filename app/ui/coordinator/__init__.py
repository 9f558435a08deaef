"""The coordinator's window: bundle import, coverage, ranking, region detail, charts and moderation."""
