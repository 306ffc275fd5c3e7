"""What a validation pass has seen so far, kept on disk so memory does not grow with the input.

Checking a load before its first write needs every record key (duplicates), every defined and
wanted id (references), every tenure's coach, every head-coach span (overlaps) and every
article's text (evidence quotes; the write phase stores the texts too). Held in Python objects
this grew to ~400 MB at 680,000 rows; here it is a SQLite file with a fixed page cache.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

_SCHEMA = """
-- Every record's key (its id, for the kinds that define one) and where it was first seen.
CREATE TABLE keys (kind TEXT, key TEXT, file TEXT, line INTEGER, PRIMARY KEY (kind, key))
  WITHOUT ROWID;
CREATE TABLE wanted (target TEXT, id TEXT, file TEXT, line INTEGER, record TEXT, field TEXT);
CREATE TABLE tenures (id TEXT PRIMARY KEY, coach TEXT, file TEXT, line INTEGER) WITHOUT ROWID;
CREATE TABLE spans (team TEXT, lo TEXT, hi TEXT, tenure TEXT, coach TEXT, file TEXT,
  line INTEGER);
CREATE TABLE texts (id TEXT PRIMARY KEY, text TEXT) WITHOUT ROWID;
CREATE TABLE deferred (source TEXT, evidence TEXT, file TEXT, line INTEGER, record TEXT);
"""

# SQLite's page cache for the ledger, in KiB (negative: a size, not a page count).
_CACHE_KIB = 16 * 1024


class Ledger:
    """A SQLite database in a temporary file; `db` is the connection.

    The file is unlinked as soon as it is open, so nothing is left behind however the process
    ends; its space is freed when the connection closes: `Validation.close()`, which the
    loaders call once their writes are done (or garbage collection, for a validation alone).
    """

    def __init__(self) -> None:
        handle, name = tempfile.mkstemp(prefix="coachgraph-validate-", suffix=".db")
        os.close(handle)
        # The write phase reads article texts from the prefetch thread, after validation is done:
        # one thread at a time, never two.
        self.db = sqlite3.connect(name, check_same_thread=False)
        Path(name).unlink()
        for pragma in (
            "journal_mode = OFF",
            "synchronous = OFF",
            "temp_store = FILE",
            f"cache_size = -{_CACHE_KIB}",
        ):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(_SCHEMA)

    def one(self, sql: str, *params: Any) -> Any:
        """The first row of a query, or None."""
        return self.db.execute(sql, params).fetchone()

    def rows(self, sql: str, *params: Any) -> Iterator[Any]:
        return iter(self.db.execute(sql, params))

    def insert(self, sql: str, *params: Any) -> bool:
        """Run an INSERT (OR IGNORE); whether it added a row."""
        return self.db.execute(sql, params).rowcount > 0

    def close(self) -> None:
        self.db.close()


class ArticleTexts(Mapping[str, str]):
    """The articles' texts of a load, by source id, read from the ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def __getitem__(self, source: str) -> str:
        row = self._ledger.one("SELECT text FROM texts WHERE id = ?", source)
        if row is None:
            raise KeyError(source)
        return str(row[0])

    def __iter__(self) -> Iterator[str]:
        return (str(r[0]) for r in self._ledger.rows("SELECT id FROM texts"))

    def __len__(self) -> int:
        return int(self._ledger.one("SELECT count(*) FROM texts")[0])
