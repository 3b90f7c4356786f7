"""Renderers for sourcing reports: a terminal text report and JSON."""
