"""Create-or-update with a count of what changed, for loaders and imports that must be
idempotent and say what they did."""

from collections import Counter


class SyncTally:
    def __init__(self):
        self.counts = Counter()

    def apply(self, model, lookup, values):
        """Make the row matching `lookup` carry `values`; save only when something differs."""
        label = model._meta.verbose_name_plural
        instance = model.objects.filter(**lookup).first()
        if instance is None:
            instance = model.objects.create(**lookup, **values)
            self.counts[(label, "created")] += 1
            return instance
        changed = [field for field, value in values.items() if getattr(instance, field) != value]
        if changed:
            for field in changed:
                setattr(instance, field, values[field])
            instance.save(update_fields=changed)
            self.counts[(label, "updated")] += 1
        else:
            self.counts[(label, "unchanged")] += 1
        return instance

    def changed(self):
        return any(outcome != "unchanged" for (_, outcome) in self.counts)

    def lines(self):
        labels = dict.fromkeys(label for (label, _) in self.counts)
        return [
            f"{label}: {self.counts[(label, 'created')]} nieuw, "
            f"{self.counts[(label, 'updated')]} bijgewerkt, "
            f"{self.counts[(label, 'unchanged')]} ongewijzigd"
            for label in labels
        ]
