"""A network coordinator's caseload (DESIGN §6): the hours per week and the FTE a region's active
schools ask for, under the norm in the settings CASELOAD_MINUTES_PER_SCHOOL and
CASELOAD_FULLTIME_HOURS."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Norm:
    minutes_per_school: int
    fulltime_hours: int

    @classmethod
    def from_settings(cls):
        return cls(
            getattr(settings, "CASELOAD_MINUTES_PER_SCHOOL", 80),
            getattr(settings, "CASELOAD_FULLTIME_HOURS", 36),
        )

    def __str__(self):
        return _("%(minutes)s minuten per school per week; een voltijdweek is %(hours)s uur") % {
            "minutes": self.minutes_per_school,
            "hours": self.fulltime_hours,
        }


@dataclass(frozen=True)
class Caseload:
    schools: int
    norm: Norm

    @property
    def hours(self):
        """Hours per week, to one decimal."""
        exact = Decimal(self.schools * self.norm.minutes_per_school) / 60
        return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def fte(self):
        """Full-time equivalents, to two decimals, from the exact (unrounded) hours."""
        minutes = Decimal(self.schools * self.norm.minutes_per_school)
        exact = minutes / (60 * self.norm.fulltime_hours)
        return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def caseload_for(school_count, norm=None):
    return Caseload(school_count, norm or Norm.from_settings())
