"""Dutch telephone numbers as people read and dial them: `010 123 4567`, `0172 123 456`,
`06 12345678`, `0800 1234`, and the `tel:` address in international form."""

import re
from dataclasses import dataclass

# Area codes of two digits after the 0 (the large cities), and the non-geographic numbers that
# are written the same way (085, 088, 091); every other area code has three digits.
SHORT_AREA_CODES = frozenset(
    "10 13 15 20 23 24 26 30 33 35 36 38 40 43 45 46 50 53 55 58 "
    "70 71 72 73 74 75 76 77 78 79 85 88 91".split()
)
SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")


@dataclass(frozen=True)
class PhoneNumber:
    text: str  # as shown
    href: str  # for <a href>, or "" when the number could not be read


def dutch_phone_number(value):
    """The number grouped the Dutch way, with its `tel:` address; a number that is not a Dutch
    one (or not a number) is shown as given, its address made of its digits."""
    given = (value or "").strip()
    digits = re.sub(r"[^\d+]", "", given)
    if digits.startswith("+31"):
        digits = "0" + digits[3:]
    elif digits.startswith("0031"):
        digits = "0" + digits[4:]
    if "+" in digits[1:] or not digits:
        return PhoneNumber(given, "")
    if not digits.startswith("0") or digits.startswith("00"):
        return PhoneNumber(given, f"tel:{digits}")
    grouped = _group(digits)
    if grouped is None:
        return PhoneNumber(given, f"tel:{digits}")
    return PhoneNumber(grouped, f"tel:+31{digits[1:]}")


def _group(digits):
    if digits.startswith(SERVICE_PREFIXES):
        if len(digits) == 8:
            return f"{digits[:4]} {digits[4:]}"
        if len(digits) == 11:
            return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
        return None
    if len(digits) != 10:
        return None
    if digits.startswith("06"):
        return f"06 {digits[2:]}"
    if digits[1:3] in SHORT_AREA_CODES:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
