"""Evaluation sheets: the PDF of one assessment version (render, text, charts), its PAdES signature and appearance, and exporting a day's sheets."""
