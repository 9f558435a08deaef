"""Charts painted with QPainter: the summary radar and the coordinator's histogram, radar and ranking charts."""
