"""Importing World Cup managers as observations (seeds/worldcup, The Fjelstul World Cup
Database, CC BY-SA 4.0; docs/worldcup.md)."""

from graph.worldcup.importer import WorldCupSummary, import_worldcup

__all__ = ["WorldCupSummary", "import_worldcup"]
