"""Demo district comparison: figures of all twelve districts for two years."""

from decimal import Decimal

from home.factories import DistrictDataPageFactory
from home.models import (
    DistrictDataPage,
    DistrictFigure,
    DistrictIndexPage,
    DistrictPage,
)

SLUG = "bezirke-im-vergleich"
YEARS = (2024, 2025)
# slug: (members 2024, inhabitants, election result 2024 in %)
BASE = {
    "mitte": (1150, 397_000, Decimal("19.8")),
    "friedrichshain-kreuzberg": (1420, 293_000, Decimal("22.4")),
    "pankow": (1310, 424_000, Decimal("16.9")),
    "charlottenburg-wilmersdorf": (560, 343_000, Decimal("8.1")),
    "spandau": (310, 257_000, Decimal("6.2")),
    "steglitz-zehlendorf": (380, 310_000, Decimal("5.9")),
    "tempelhof-schoeneberg": (720, 355_000, Decimal("11.7")),
    "neukoelln": (890, 330_000, Decimal("17.3")),
    "treptow-koepenick": (640, 294_000, Decimal("14.8")),
    "marzahn-hellersdorf": (590, 291_000, Decimal("16.2")),
    "lichtenberg": (830, 311_000, Decimal("18.5")),
    "reinickendorf": (300, 268_000, Decimal("5.4")),
}


def load(outcomes) -> None:
    if DistrictDataPage.objects.filter(slug=SLUG).exists():
        outcomes["unchanged"] += 1
        return
    index = DistrictIndexPage.objects.first()
    page = DistrictDataPageFactory(parent=index, slug=SLUG)
    districts = DistrictPage.objects.order_by("title")
    figures = []
    for number, district in enumerate(districts):
        members, inhabitants, result = BASE.get(
            district.slug, (400 + 37 * number, 300_000, Decimal("10.0"))
        )
        for offset, year in enumerate(YEARS):
            figures.append(
                DistrictFigure(
                    district=district,
                    year=year,
                    members=members + offset * (members // 12),
                    inhabitants=inhabitants + offset * 1500,
                    election_result=result,
                    events_held=12 + members // 25 + offset * 4,
                    new_members=members // 15 + offset * 6,
                )
            )
    page.figures = figures
    page.save_revision().publish()
    outcomes["created"] += 1
