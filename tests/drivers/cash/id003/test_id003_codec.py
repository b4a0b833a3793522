"""ID-003 framing against the published golden bytes, and a decoder that survives what a serial line does."""

from __future__ import annotations

import pytest

from drivers.cash.id003.codec import (
    Decoder,
    Frame,
    Id003CodecError,
    Status,
    crc16_kermit,
    decode_one,
    denomination_mask,
    encode,
    parse_status,
    refused_codes,
    version_currency,
)
from tests.drivers.cash.id003.vectors import CHECK, VECTORS, hexbytes


def test_the_crc_is_crc16_kermit_by_its_catalogue_check_value() -> None:
    assert crc16_kermit(CHECK[0]) == CHECK[1]


@pytest.mark.parametrize(("name", "code", "data", "wire"), VECTORS, ids=[v[0] for v in VECTORS])
def test_every_golden_frame_is_encoded_byte_for_byte(name: str, code: int, data: str, wire: str) -> None:
    assert encode(code, hexbytes(data)) == hexbytes(wire)


@pytest.mark.parametrize(("name", "code", "data", "wire"), VECTORS, ids=[v[0] for v in VECTORS])
def test_every_golden_frame_decodes_to_its_code_and_data(name: str, code: int, data: str, wire: str) -> None:
    assert decode_one(hexbytes(wire)) == Frame(code, hexbytes(data))


def test_frames_split_across_reads_and_run_together_all_come_out() -> None:
    wire = b"".join(hexbytes(v[3]) for v in VECTORS)
    decoder = Decoder()
    frames = [f for n in range(0, len(wire), 3) for f in decoder.feed(wire[n : n + 3])]
    assert [f.code for f in frames] == [v[1] for v in VECTORS]


def test_a_frame_with_a_bad_crc_is_dropped_and_the_next_one_is_found() -> None:
    bad = bytearray(hexbytes("FC 05 15 03 10"))
    bad[-1] ^= 0x01
    decoder = Decoder()
    frames = decoder.feed(b"\x00" + bytes(bad) + hexbytes("FC 05 16 98 22"))
    assert frames == [Frame(Status.STACKED)]
    assert "bad CRC" in decoder.errors


def test_a_noise_sync_with_a_long_length_does_not_swallow_the_frames_after_it() -> None:
    decoder = Decoder()
    frames = decoder.feed(b"\xfc\xfc" + hexbytes("FC 05 16 98 22"))
    assert frames == [Frame(Status.STACKED)]
    assert decoder.errors == ["frame cut short by a later complete frame"]


def test_a_length_byte_too_short_for_a_frame_is_skipped() -> None:
    decoder = Decoder()
    assert decoder.feed(b"\xfc\x02" + hexbytes("FC 05 1A F4 E8")) == [Frame(Status.INHIBIT)]
    assert decoder.errors


def test_decode_one_says_why_it_found_no_frame() -> None:
    with pytest.raises(Id003CodecError, match="bad CRC"):
        decode_one(hexbytes("FC 05 11 27 57"))
    with pytest.raises(Id003CodecError, match="incomplete"):
        decode_one(hexbytes("FC 05 11 27"))


def test_data_too_long_for_one_frame_is_refused() -> None:
    with pytest.raises(Id003CodecError, match="does not fit"):
        encode(0x88, bytes(251))
    assert len(encode(0x88, bytes(250))) == 255


def test_escrow_rejecting_and_failure_must_carry_their_byte() -> None:
    assert parse_status(Frame(Status.ESCROW, b"\x64")).detail == 0x64
    with pytest.raises(Id003CodecError, match="ESCROW needs one data byte"):
        parse_status(Frame(Status.ESCROW))
    with pytest.raises(Id003CodecError, match="unknown status 0x99"):
        parse_status(Frame(0x99))


def test_the_denomination_mask_sets_a_bit_for_each_refused_code() -> None:
    assert denomination_mask(set()) == b"\x00\x00"
    assert denomination_mask({0x61, 0x66}) == b"\x21\x00"
    assert refused_codes(b"\x21\x00") == {0x61, 0x66}
    with pytest.raises(Id003CodecError, match="0x69"):
        denomination_mask({0x69})


def test_the_currency_is_read_from_the_version_string() -> None:
    assert version_currency(b"i(INR)-100-SS ID003-03V280-12") == "INR"
    assert version_currency(b"i(USA)100-SS ID003-05V193-30") == "USA"
    assert version_currency(b"ID003 clone 1.0") is None
