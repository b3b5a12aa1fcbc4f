"""What an import did, per Plone type and per concern, as the lines the command prints."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .exports import NotCarried

OUTCOMES = ("created", "updated", "unchanged", "skipped")


@dataclass
class ImportReport:
    export: str
    format: str
    dry_run: bool = False
    outcomes: dict = field(default_factory=lambda: defaultdict(Counter))  # Plone type → outcome → count
    skipped: list = field(default_factory=list)  # (file, reason, items below it)
    live: int = 0
    drafts: int = 0
    scheduled: int = 0
    expired: int = 0
    links_rewritten: int = 0
    unresolved: list = field(default_factory=list)  # (path of the item, link)
    unknown_blocks: dict = field(default_factory=lambda: defaultdict(list))  # block type → item paths
    add_on_types: Counter = field(default_factory=Counter)
    default_pages: int = 0  # default pages whose text became their folder's
    cleaned: list = field(default_factory=list)  # paths of items whose HTML lost markup
    redirects: Counter = field(default_factory=Counter)  # created / updated / unchanged
    redirect_conflicts: list = field(default_factory=list)  # (old path, where it leads now)
    unresolved_redirects: list = field(default_factory=list)  # (old path, new path)
    translations: int = 0  # pages linked as translations of another
    translation_conflicts: list = field(default_factory=list)  # UIDs
    unknown_users: set = field(default_factory=set)
    translated_parents: list = field(default_factory=list)  # titles of draft translations made
    not_carried: NotCarried = field(default_factory=NotCarried)

    def count(self, portal_type, outcome):
        self.outcomes[portal_type][outcome] += 1

    def skip(self, portal_type, file, reason):
        self.count(portal_type, "skipped")
        self.skipped.append([file, reason, 0])
        return len(self.skipped) - 1

    def changed(self):
        return bool(
            any(counts["created"] or counts["updated"] for counts in self.outcomes.values())
            or self.redirects["created"]
            or self.redirects["updated"]
        )

    def lines(self):
        lines = [
            _("Plone-export '%(export)s' (%(format)s):") % {"export": self.export, "format": self.format},
        ]
        for portal_type in sorted(self.outcomes):
            counts = self.outcomes[portal_type]
            lines.append(
                _(
                    "  %(type)s: %(created)d nieuw, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd, "
                    "%(skipped)d overgeslagen"
                )
                % {"type": portal_type, **{outcome: counts[outcome] for outcome in OUTCOMES}}
            )
        lines.append(
            _(
                "Pagina's: %(live)d gepubliceerd, %(drafts)d concept "
                "(%(scheduled)d gepland, %(expired)d verlopen)."
            )
            % vars(self)
        )
        lines.append(
            _("Links en afbeeldingen: %(rewritten)d omgezet, %(unresolved)d niet gevonden.")
            % {"rewritten": self.links_rewritten, "unresolved": len(self.unresolved)}
        )
        lines += [
            _("  %(path)s: %(link)s leidt naar iets dat niet is geïmporteerd") % {"path": path, "link": link}
            for path, link in self.unresolved
        ]
        lines.append(
            _("Doorverwijzingen (301): %(created)d nieuw, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd.")
            % {outcome: self.redirects[outcome] for outcome in ("created", "updated", "unchanged")}
        )
        lines += [
            _("  %(old)s: bestaat al en leidt naar %(target)s; niet veranderd")
            % {"old": old, "target": target}
            for old, target in self.redirect_conflicts
        ]
        lines += [
            _("  %(old)s → %(new)s (redirects): het doel is niet geïmporteerd") % {"old": old, "new": new}
            for old, new in self.unresolved_redirects
        ]
        if self.translations or self.translation_conflicts:
            lines.append(
                _("Vertalingen: %(linked)d pagina's gekoppeld; %(conflicts)d niet (twee in dezelfde taal).")
                % {"linked": self.translations, "conflicts": len(self.translation_conflicts)}
            )
        lines += [
            _("Conceptvertaling gemaakt van '%(title)s' (publiceer die om de vertaalde pagina's te tonen).")
            % {"title": title}
            for title in self.translated_parents
        ]
        for block_type, paths in sorted(self.unknown_blocks.items()):
            lines.append(
                _("Blok '%(type)s' niet overgenomen (%(count)d×): %(paths)s")
                % {"type": block_type, "count": len(paths), "paths": ", ".join(sorted(set(paths)))}
            )
        if self.default_pages:
            lines.append(
                ngettext(
                    "%(count)d standaardpagina is de inhoud van haar map geworden.",
                    "%(count)d standaardpagina's zijn de inhoud van hun map geworden.",
                    self.default_pages,
                )
                % {"count": self.default_pages}
            )
        for portal_type, count in sorted(self.add_on_types.items()):
            lines.append(
                _(
                    "Type '%(type)s' van een add-on als gewone pagina geïmporteerd "
                    "(titel, beschrijving, tekst): %(count)d×"
                )
                % {"type": portal_type, "count": count}
            )
        if self.cleaned:
            lines.append(
                _("HTML opgeschoond (niet toegestane opmaak verwijderd): %(paths)s")
                % {"paths": ", ".join(self.cleaned)}
            )
        for file, reason, below in self.skipped:
            line = _("Overgeslagen: %(file)s: %(reason)s") % {"file": file, "reason": reason}
            if below:
                line += ngettext(" (en %(count)d item daarin)", " (en %(count)d items daarin)", below) % {
                    "count": below
                }
            lines.append(line)
        if self.unknown_users:
            lines.append(
                _("Auteurs zonder gebruiker op deze site (geschiedenis zonder naam): %(users)s")
                % {"users": ", ".join(sorted(self.unknown_users))}
            )
        lines.append(
            _(
                "Niet overgenomen: %(comments)d reacties, %(portlets)d portlets, %(users)d gebruikers en "
                "%(groups)d groepen, %(relations)d relaties, lokale rollen van %(local_roles)d items."
            )
            % vars(self.not_carried)
        )
        if not self.changed():
            lines.append(_("Niets gewijzigd: alles uit deze export was al geïmporteerd."))
        if self.dry_run:
            lines.append(_("Proefdraai: er is niets opgeslagen."))
        return lines
