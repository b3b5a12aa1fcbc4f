"""The content API's responses are a contract with front ends: for one page of each type the
expected JSON is kept in tests/api/fixtures/. An unintended change fails here; an intended one is
recorded with UPDATE_API_CONTRACTS=1 (see the README) and reviewed in the diff."""

import json
import os
import re
from pathlib import Path

import pytest

from tests.page_types import PUBLIC_PAGE_TYPES

FIXTURES = Path(__file__).parent / "fixtures"
UPDATE = os.environ.get("UPDATE_API_CONTRACTS") == "1"

# Values that differ between runs and databases, and what they become in the fixtures.
VOLATILE_KEYS = {"id": "<id>", "first_published_at": "<timestamp>", "last_published_at": "<timestamp>"}
VOLATILE_PATTERNS = [
    (re.compile(r"/(api/v2/\w+|documents)/\d+/"), r"/\1/<id>/"),
    # The storage adds a random suffix when a file name is taken.
    (re.compile(r"_[A-Za-z0-9]{7}(?=\.)"), ""),
]

pytestmark = pytest.mark.django_db


def normalise(value):
    if isinstance(value, dict):
        return {
            key: VOLATILE_KEYS[key] if key in VOLATILE_KEYS and item is not None else normalise(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if isinstance(value, str):
        for pattern, replacement in VOLATILE_PATTERNS:
            value = pattern.sub(replacement, value)
    return value


@pytest.mark.parametrize("page_type", PUBLIC_PAGE_TYPES)
def test_page_detail_matches_its_contract(contract_client, contract_pages, page_type):
    response = contract_client.get(f"/api/v2/pages/{contract_pages[page_type].pk}/")
    assert response.status_code == 200
    actual = normalise(response.json())
    fixture = FIXTURES / f"{page_type}.json"
    if UPDATE:
        fixture.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(fixture.read_text(encoding="utf-8"))
    assert actual == expected, f"{page_type}: the API response changed; see the README to update"
