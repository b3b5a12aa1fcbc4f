"""Bounds on input. A search query, shared by the content API and the project's search: a longer
query or one of more words makes the backends build ever deeper queries (a RecursionError on
PostgreSQL at 150 words). Ids in addresses and query strings: at most a 32-bit integer."""

import re

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
TERM = re.compile(r"[^\W_]+")  # a word: letters and digits

# Ids beyond a 32-bit integer overflow the database: they are bad input, not a crash.
MAX_INTEGER = 2**31 - 1
