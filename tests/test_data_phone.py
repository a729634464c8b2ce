import pytest

from appliance.data import phone


@pytest.mark.parametrize("raw,expected", [
    ("010-1234-5678", "01012345678"),
    ("01012345678", "01012345678"),
    ("+82 10 1234 5678", "01012345678"),
    ("+82-10-1234-5678", "01012345678"),
    ("82-10-1234-5678", "01012345678"),
    ("821012345678", "01012345678"),
    ("0082 10 1234 5678", "01012345678"),
    ("1012345678", "01012345678"),  # trunk dropped the leading 0
    ("00700-010-1234-5678", "01012345678"),  # carrier prefix
    ("0070082 10 1234 5678", "01012345678"),
    ("*23#01012345678", "01012345678"),  # caller-ID feature code
    ("010.1234.5678", "01012345678"),
    ("02-123-4567", "021234567"),
    ("02-1234-5678", "0212345678"),
    ("212345678", "0212345678"),
    ("031-123-4567", "0311234567"),
    ("31-1234-5678", "03112345678"),
    ("070-1234-5678", "07012345678"),
    ("1588-1234", "15881234"),
    ("", None), (None, None), ("anonymous", None), ("+1 415 555 0100", None), ("12", None),
])
def test_canonical(raw, expected):
    assert phone.canonical(raw) == expected


def test_masking_and_variants():
    assert phone.masked("+82 10 1234 5678") == "010-****-5678"
    assert phone.masked("02-123-4567") == "02-***-4567"
    assert phone.mask_name("김민수") == "김*수"
    assert phone.mask_name("이준") == "이*"
    assert phone.mask_name("남궁민수") == "남**수"
    v = phone.variants("01012345678")
    assert "010-1234-5678" in v and "01012345678" in v
    assert phone.formatted("0212345678") == "02-1234-5678"
    assert phone.is_mobile("+82 10 1234 5678") and not phone.is_mobile("02-123-4567")


@pytest.mark.parametrize("raw,target", [
    ("010-1234-5678", True), ("011-234-5678", True), ("019-1234-5678", True),
    ("02-123-4567", True), ("031-123-4567", True), ("064-123-4567", True), ("051-1234-5678", True),
    ("060-123-4567", False),  # premium rate: never a campaign target
    ("070-1234-5678", False), ("0505-123-4567", False), ("080-123-4567", False), ("1588-1234", False),
    ("", False), (None, False),
])
def test_only_mobile_and_geographic_numbers_are_outbound_targets(raw, target):
    assert phone.is_outbound_target(raw) is target
