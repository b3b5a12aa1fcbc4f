"""Work that signal receivers do for each object, done once for a whole batch of changes.

An import of thousands of pages publishes each of them through Wagtail's own path, and every
publish purges the front-end caches of what shows the page and adds the page's words to the search
vocabulary. Inside `batch()` such receivers hand their object to `per_batch(action, obj)`, and each
action runs once for all of its objects when the batch ends without an error (still inside the
caller's transaction, so that a rollback takes its database writes along). Model instances are
kept as their primary keys and read again, a few hundred at a time, as they are at the end, so
that a batch of any size holds little memory. Outside a batch the action runs at once.
"""

import gc
import threading
from contextlib import contextmanager

from django.db.models import Model

_state = threading.local()
CHUNK_SIZE = 500


@contextmanager
def batch():
    if getattr(_state, "pending", None) is not None:  # already inside one: the outer batch runs it all
        yield
        return
    _state.pending = pending = {}
    try:
        yield
    finally:
        _state.pending = None
    for action, objects in pending.items():
        for chunk in chunks(objects):
            action(chunk)
            gc.collect()  # pages and their blocks hold reference cycles: free each chunk's now


def per_batch(action, *objects):
    """`action(objects)` now, or with every object handed to it when the current batch ends."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        action(list(objects))
        return
    gathered = pending.setdefault(action, {})
    for obj in objects:
        if isinstance(obj, Model):
            gathered.setdefault(type(obj), set()).add(obj.pk)
        else:
            gathered.setdefault(None, set()).add(obj)


def chunks(objects):
    for model, keys in objects.items():
        keys = sorted(keys)
        for start in range(0, len(keys), CHUNK_SIZE):
            part = keys[start : start + CHUNK_SIZE]
            yield list(model.objects.filter(pk__in=part)) if model else part
