"""Records that travel up: what a commune's report counts, packed, signed and taken in by
the province, connected or not."""
