"""The comparison sheet: one renderer onto any QPainter (PDF, printer, preview)."""
