"""The event store: DuckDB tables for articles and events, bulk writes, queries."""
