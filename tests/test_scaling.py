"""Cost that grows with the input, not faster (issue 13, item 13), checked by structure, not by
the clock: the indexes that replaced whole-article scans give the same answers as the scans.
"""

from __future__ import annotations

import random

import pytest

from quotecheck.mentions import GivenNameIndex

_WORDS = (
    "Ann", "Lee", "lee", "LEE", "J.", "K.", "Jen", "O'Brien", "o'brien", "Kim", "Kım", "İvan", "ſmith",
    "Smith", "said", ",", "Müller", "MÜLLER", "Jones-Lee", "Ann-Lee", "Éa", "\n\n",
)  # fmt: skip
_SURNAMES = ("lee", "o'brien", "kim", "smith", "müller", "ivan", "jones-lee", "'s", "j", "éa", "ea")


@pytest.mark.parametrize("seed", range(4))
def test_given_name_index_finds_what_a_scan_finds(seed: int) -> None:
    """Mixed case, the non-ASCII letters IGNORECASE equates with ASCII ones (İ ı ſ K), initials,
    a surname right after itself ("Lee Lee"): the index yields the scan's matches exactly."""
    rng = random.Random(seed)
    found = 0
    for _ in range(300):
        text = "".join(
            rng.choice(_WORDS) + rng.choice((" ", "  ", "\n", "", ".")) for _ in range(rng.randint(1, 25))
        )
        index = GivenNameIndex(text)
        for key in _SURNAMES:
            expected = [(m.span(), m.group(1)) for m in index.pattern(key).finditer(text)]
            assert [(m.span(), m.group(1)) for m in index.matches(key)] == expected, (text, key)
            found += len(expected)
    assert found > 100  # the texts do contain given names before surnames
