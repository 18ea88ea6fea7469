"""Editors import district figures from CSV: all or nothing, dry run, bad rows named."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from home.factories import DistrictDataPageFactory, DistrictFigureFactory
from home.models import DistrictDataPage, DistrictFigure

HEADER = "district;year;members;inhabitants;election_result;events_held;new_members\n"


def upload(text, name="zahlen.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def data_page(district_index):
    return DistrictDataPageFactory(parent=district_index)


@pytest.fixture
def import_url(data_page):
    return reverse("home_district_data_import", args=[data_page.pk])


def live_figures(page):
    page = DistrictDataPage.objects.get(pk=page.pk)
    return {
        (figure.district.title, figure.year): figure
        for figure in page.figures.select_related("district")
    }


def test_good_file_is_imported_and_published(
    client, state_office_user, data_page, import_url, district, other_district
):
    client.force_login(state_office_user)
    text = (
        HEADER
        + "Friedrichshain-Kreuzberg;2025;1.300;290000;24,5;70;90\n"
        + "Marzahn-Hellersdorf;2025;450;270000;;25;\n"
    )

    response = client.post(import_url, {"file": upload(text)})

    assert response.status_code == 200
    assert "2 neu" in response.content.decode() or "Importiert" in (
        response.content.decode()
    )
    figures = live_figures(data_page)
    assert figures[("Friedrichshain-Kreuzberg", 2025)].members == 1300
    assert str(figures[("Friedrichshain-Kreuzberg", 2025)].election_result) == "24.5"
    assert figures[("Marzahn-Hellersdorf", 2025)].new_members is None


def test_dry_run_saves_nothing(
    client, state_office_user, data_page, import_url, district
):
    client.force_login(state_office_user)

    response = client.post(
        import_url,
        {
            "file": upload(HEADER + "Friedrichshain-Kreuzberg;2025;1300;;;;\n"),
            "dry_run": "on",
        },
    )

    assert response.status_code == 200
    assert not DistrictFigure.objects.exists()


def test_bad_file_imports_nothing_and_names_each_bad_row(
    client, state_office_user, data_page, import_url, district
):
    client.force_login(state_office_user)
    text = (
        HEADER
        + "Friedrichshain-Kreuzberg;2025;1300;290000;24,5;70;90\n"
        + "Atlantis;2025;10;;;;\n"
        + "Friedrichshain-Kreuzberg;2024;viele;;;;\n"
        + "Friedrichshain-Kreuzberg;2023;100;;140;;\n"
    )

    response = client.post(import_url, {"file": upload(text)})

    html = response.content.decode()
    assert response.status_code == 400
    assert not DistrictFigure.objects.exists()
    assert "Atlantis" in html
    assert "<tr><td>3</td><td>district</td>" in html
    assert "<tr><td>4</td><td>members</td>" in html
    assert "<tr><td>5</td><td>election_result</td>" in html
    assert "<td>2</td>" not in html.split("<tbody>")[1]


def test_duplicate_district_and_year_in_one_file_is_an_error(
    client, state_office_user, import_url, district
):
    client.force_login(state_office_user)
    text = (
        HEADER
        + "Friedrichshain-Kreuzberg;2025;1300;;;;\n"
        + "friedrichshain-kreuzberg;2025;1301;;;;\n"
    )

    response = client.post(import_url, {"file": upload(text)})

    assert response.status_code == 400
    assert "<tr><td>3</td><td>year</td>" in response.content.decode()
    assert not DistrictFigure.objects.exists()


def test_import_updates_existing_rows_and_keeps_the_others(
    client, state_office_user, data_page, import_url, district, other_district
):
    DistrictFigureFactory(page=data_page, district=district, year=2024, members=1)
    DistrictFigureFactory(page=data_page, district=other_district, year=2024, members=2)
    data_page.save_revision().publish()
    client.force_login(state_office_user)

    client.post(
        import_url,
        {"file": upload(HEADER + "Friedrichshain-Kreuzberg;2024;1200;;;;\n")},
    )

    figures = live_figures(data_page)
    assert figures[("Friedrichshain-Kreuzberg", 2024)].members == 1200
    assert figures[("Marzahn-Hellersdorf", 2024)].members == 2


def test_file_without_required_columns_is_a_400(client, state_office_user, import_url):
    client.force_login(state_office_user)

    response = client.post(import_url, {"file": upload("bezirk;jahr\nPankow;2025\n")})

    assert response.status_code == 400
    assert not DistrictFigure.objects.exists()


def test_people_who_may_not_edit_the_page_get_403(
    client, district_editor, member_user, import_url
):
    client.force_login(district_editor)

    response = client.get(import_url)

    assert response.status_code == 403


def test_admin_page_form_refuses_the_same_district_and_year_twice(
    client, state_office_user, data_page, district
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    client.force_login(state_office_user)
    row = {
        "district": district.pk,
        "year": 2025,
        "members": 10,
        "inhabitants": "",
        "election_result": "",
        "events_held": "",
        "new_members": "",
    }
    data = nested_form_data(
        {
            "title": data_page.title,
            "slug": data_page.slug,
            "intro": rich_text(""),
            "figures": inline_formset([row, {**row, "members": 11}]),
            "action-publish": "publish",
        }
    )

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[data_page.pk]), data
    )

    assert response.status_code == 200
    assert not DistrictFigure.objects.exists()
    single = dict(data)
    single["figures-TOTAL_FORMS"] = "1"
    for key in [k for k in single if k.startswith("figures-1-")]:
        del single[key]
    saved = client.post(reverse("wagtailadmin_pages:edit", args=[data_page.pk]), single)
    assert saved.status_code == 302
    assert DistrictFigure.objects.get().members == 10


def test_import_button_is_on_the_page_in_the_admin(
    client, state_office_user, data_page, import_url
):
    client.force_login(state_office_user)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[data_page.pk]))

    assert response.status_code == 200
    assert import_url in response.content.decode()


def test_import_into_a_page_with_an_unpublished_draft_does_not_publish_the_draft(
    client, state_office_user, data_page, import_url, district
):
    draft = DistrictDataPage.objects.get(pk=data_page.pk)
    draft.title = "Entwurf mit neuem Titel"
    draft.save_revision()
    client.force_login(state_office_user)

    client.post(
        import_url,
        {"file": upload(HEADER + "Friedrichshain-Kreuzberg;2025;1300;;;;\n")},
    )

    live = DistrictDataPage.objects.get(pk=data_page.pk)
    assert live.title == "Bezirke im Vergleich"
    assert not live.figures.exists()
    latest = live.get_latest_revision_as_object()
    assert latest.title == "Entwurf mit neuem Titel"
    assert [f.members for f in latest.figures.all()] == [1300]
