"""`manage.py import_schools`: DUO's VO and (v)so files, their header variants and encodings,
the report, refusal of malformed files, and re-imports that change nothing."""

import io

import pytest
from django.core.management import CommandError, call_command

from regions.models import School

from .school_data import FIXTURES, fixture, import_schools

pytestmark = pytest.mark.django_db


def school(location_number):
    schools = School.objects.select_related("municipality__region")
    return schools.get(location_number=location_number)


def test_vo_file_imports_the_pro_schools_with_their_region_from_the_municipality():
    report = import_schools("duo_vo_vestigingen.csv")

    assert "Rijen gelezen: 8" in report
    assert "Nieuw: 4, bijgewerkt: 0, ongewijzigd: 0" in report
    assert "Overgeslagen (geen pro of vso): 2" in report
    rotterdam = school("21RD02")
    assert rotterdam.school_type == "pro"
    assert rotterdam.region.code == "AM22"  # Rijnmond, whatever DUO's RPA column says
    assert rotterdam.municipality.number == "0599"
    assert rotterdam.address == "Slinge 10"
    assert rotterdam.postcode == "3085 EX"
    assert rotterdam.place == "Rotterdam"
    assert rotterdam.website == "https://praktijkcollege-rotterdam.nl"
    assert rotterdam.phone == "0104800000"
    assert rotterdam.active
    # A combined school structure that includes PRO counts as pro.
    assert school("22RD00").school_type == "pro"
    # Neither the VBO school nor the VWO school is imported.
    assert not School.objects.filter(location_number__in=["16SW03", "23UT01"]).exists()


def test_main_location_without_vestigingsnummer_gets_brin_00_and_the_institution_name():
    import_schools("duo_vo_vestigingen.csv")
    assen = school("18BR00")
    assert assen.name == "School voor Praktijkonderwijs Assen"
    assert assen.region.code == "AM01"


def test_quoted_fields_with_commas_stay_whole():
    import_schools("duo_vo_vestigingen.csv")
    assert school("20GK01").name == "Praktijkschool Groningen, locatie Noord"


def test_unknown_municipality_is_reported_by_vestigingsnummer_and_not_imported():
    report = import_schools("duo_vo_vestigingen.csv")
    assert "Onbekende gemeente, niet geïmporteerd: 1" in report
    assert "vestiging 24BX01: gemeentenummer 0756" in report
    assert not School.objects.filter(location_number="24BX01").exists()


def test_bad_rows_are_reported_with_their_line_number_and_reason():
    report = import_schools("duo_vo_vestigingen.csv")
    assert "Fouten: 1" in report
    assert "regel 9: ongeldig vestigingsnummer '99XX01'" in report
    assert not School.objects.filter(brin="25AM").exists()


def test_vso_file_imports_vso_and_v_so_locations_and_skips_so_and_sbo():
    report = import_schools("duo_vso_vestigingen.csv")

    assert "Nieuw: 3" in report
    assert "Overgeslagen (geen pro of vso): 2" in report
    imported = School.objects.filter(location_number__in=["02TL00", "03EH01", "04AM02"])
    assert {s.school_type for s in imported} == {"vso"}
    assert {s.municipality.region.code for s in imported} == {"AM26", "AM28", "AM18"}
    assert not School.objects.filter(location_number__in=["04AM03", "05UT00"]).exists()


def test_header_variants_semicolons_and_short_numbers_are_understood():
    report = import_schools("duo_header_variant.csv")

    assert "Nieuw: 1" in report
    haag = school("06DH01")  # BRINNUMMER 06DH + VESTIGINGS NUMMER 1
    assert haag.school_type == "vso"  # from ONDERWIJSSOORT
    assert haag.municipality.number == "0518"  # GEMEENTENUMMER 518, zero-padded
    assert haag.region.code == "AM21"
    assert haag.place == "'s-Gravenhage"
    assert haag.address == "Laan van Meerdervoort 100"


def test_windows_1252_file_keeps_its_accents():
    import_schools("duo_vo_cp1252.csv")
    assert school("30SF01").municipality.name == "Súdwest-Fryslân"
    assert school("30SF01").region.code == "AM02"
    assert school("31HB01").name == "Praktijkschool 's-Hertogenbosch"
    assert school("31HB01").place == "'s-Hertogenbosch"


def test_a_latin1_line_in_a_utf8_file_is_read_as_windows_1252_and_the_others_stay_utf8(tmp_path):
    lines = (FIXTURES / "duo_vso_vestigingen.csv").read_text(encoding="utf-8").splitlines()
    utf8 = lines[2].replace("Vitus College", "Café Zoë").encode("utf-8")
    latin1 = lines[3].replace("VierTaal College Amsterdam", "Collège Noël").encode("cp1252")
    path = tmp_path / "gemengd.csv"
    path.write_bytes(b"\r\n".join([lines[0].encode(), utf8, latin1, lines[1].encode("utf-8")]) + b"\r\n")

    report = import_schools(str(path))

    assert school("03EH01").name == "Café Zoë"
    assert school("04AM02").name == "Collège Noël"
    assert school("02TL00").name == "Mytylschool Tilburg, afdeling VSO"
    assert "Gelezen als Windows-1252 (geen geldige UTF-8): regel 3" in report
    assert "Fouten: 0" in report


def test_a_line_in_neither_encoding_refuses_the_file_and_names_the_line(tmp_path):
    lines = (FIXTURES / "duo_vso_vestigingen.csv").read_bytes().splitlines()
    path = tmp_path / "kapot.csv"
    path.write_bytes(b"\n".join([lines[0], lines[1], lines[2].replace(b"Vitus", b"Vit\x81s")]) + b"\n")

    with pytest.raises(CommandError) as refused:
        import_schools(str(path))

    assert "regel 3" in str(refused.value) and "er is niets gewijzigd" in str(refused.value)
    assert not School.objects.filter(location_number="02TL00").exists()


def test_a_file_with_bad_rows_imports_the_good_ones_then_ends_in_an_error(tmp_path):
    lines = (FIXTURES / "duo_vso_vestigingen.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "deels.csv"
    bad = lines[3].replace("04AM,04AM02", "04AM,99XX02")
    path.write_text("\n".join([lines[0], lines[2], bad]) + "\n", encoding="utf-8")
    out = io.StringIO()

    with pytest.raises(CommandError) as failed:
        call_command("import_schools", str(path), stdout=out)

    assert failed.value.returncode == 1
    assert "1 rij met fouten is niet geïmporteerd, de andere rijen wel" in str(failed.value)
    assert "Nieuw: 1" in out.getvalue() and "regel 3: ongeldig vestigingsnummer" in out.getvalue()
    assert school("03EH01").name == "Vitus College"


def test_a_file_without_bad_rows_ends_without_an_error():
    out = io.StringIO()
    call_command("import_schools", fixture("duo_vso_vestigingen.csv"), stdout=out)
    assert "Fouten: 0" in out.getvalue()


def test_utf8_file_with_byte_order_mark_is_read():
    assert (FIXTURES / "duo_vso_bom.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    report = import_schools("duo_vso_bom.csv")
    assert "Nieuw: 1" in report
    assert school("32UT01").name == "Ithaka, school voor vso"


def snapshot():
    return list(School.objects.order_by("location_number").values())


def test_reimporting_the_same_file_changes_nothing():
    import_schools("duo_vo_vestigingen.csv")
    before = snapshot()

    report = import_schools("duo_vo_vestigingen.csv")

    assert "Nieuw: 0, bijgewerkt: 0, ongewijzigd: 4" in report
    assert snapshot() == before


def test_reimport_restores_changed_fields_but_keeps_a_school_inactive():
    import_schools("duo_vo_vestigingen.csv")
    School.objects.filter(location_number="21RD02").update(name="Oude naam", active=False)

    report = import_schools("duo_vo_vestigingen.csv")

    assert "bijgewerkt: 1, ongewijzigd: 3" in report
    assert school("21RD02").name == "Praktijkcollege Rotterdam-Zuid"
    assert not school("21RD02").active


def test_dry_run_reports_but_saves_nothing():
    before = snapshot()
    report = import_schools("duo_vo_vestigingen.csv", "--dry-run")
    assert "Nieuw: 4" in report
    assert "Proefdraai: er is niets opgeslagen." in report
    assert snapshot() == before


@pytest.mark.parametrize(
    "content, reason",
    [
        ((FIXTURES / "duo_missing_columns.csv").read_bytes(), "GEMEENTENUMMER ontbreken"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen CSV-tekstbestand"),
        (b"", "leeg"),
        (b"naam,adres\nJan,Straat 1\n", "BRINNUMMER"),
        (
            (FIXTURES / "duo_vo_vestigingen.csv").read_bytes() + b'Drenthe,1,"18BR,18BR01\r\n',
            "geen geldig CSV-bestand",
        ),
    ],
    ids=["missing-column", "binary", "empty", "other-csv", "unclosed-quote"],
)
def test_malformed_file_is_refused_and_changes_nothing(tmp_path, content, reason):
    import_schools("duo_vso_vestigingen.csv")
    School.objects.filter(location_number="03EH01").update(name="Handmatig aangepast")
    before = snapshot()
    path = tmp_path / "bestand.csv"
    path.write_bytes(content)

    with pytest.raises(CommandError) as refused:
        import_schools(str(path))

    assert "er is niets gewijzigd" in str(refused.value)
    assert reason in str(refused.value)
    assert snapshot() == before


def test_a_row_with_too_few_fields_is_an_error_not_a_school(tmp_path):
    header = (FIXTURES / "duo_vso_vestigingen.csv").read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "kort.csv"
    path.write_text(f"{header}\nUtrecht,1,07UT,07UT00,Vso Kort,Straat\n", encoding="utf-8")

    report = import_schools(str(path))

    assert "regel 2: 6 velden, de kopregel heeft er 15" in report
    assert not School.objects.filter(location_number="07UT00").exists()


def test_a_vestigingsnummer_twice_in_one_file_is_an_error_on_the_second_line(tmp_path):
    lines = (FIXTURES / "duo_vso_vestigingen.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "dubbel.csv"
    twice = [lines[0], lines[2], lines[2].replace("Vitus College", "Vitus 2")]
    path.write_text("\n".join(twice) + "\n", encoding="utf-8")

    report = import_schools(str(path))

    assert "regel 3: vestigingsnummer 03EH01 staat ook op regel 2" in report
    assert school("03EH01").name == "Vitus College"


def test_a_value_longer_than_its_field_is_an_error_not_a_crash(tmp_path):
    lines = (FIXTURES / "duo_vso_vestigingen.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "lang.csv"
    path.write_text("\n".join([lines[0], lines[2].replace("0402902345", "0" * 25)]) + "\n", encoding="utf-8")

    report = import_schools(str(path))

    assert "regel 2: telefoon is langer dan 20 tekens" in report
    assert not School.objects.filter(location_number="03EH01").exists()
