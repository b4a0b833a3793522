import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.cash.ssp.codec import (
    Decoder,
    Event,
    PollEvent,
    SspCodecError,
    build_setup,
    crc16,
    decode_one,
    encode,
    inhibit_mask,
    parse_poll,
    parse_setup,
)
from tests.drivers.cash.vectors import VECTORS, hexbytes


def test_crc_check_value() -> None:
    assert crc16(b"123456789") == 0xAEE7


@pytest.mark.parametrize(("name", "address", "seq", "data", "wire"), VECTORS, ids=[v[0] for v in VECTORS])
def test_packets_match_the_golden_bytes(name: str, address: int, seq: bool, data: str, wire: str) -> None:
    assert encode(address, seq, hexbytes(data)) == hexbytes(wire)
    packet = decode_one(hexbytes(wire))
    assert (packet.address, packet.seq, packet.data) == (address, seq, hexbytes(data))


def test_a_bad_crc_is_rejected_with_the_reason() -> None:
    with pytest.raises(SspCodecError, match="bad CRC"):
        decode_one(hexbytes("7F 80 01 F0 23 81"))


def test_a_truncated_packet_is_not_a_packet() -> None:
    with pytest.raises(SspCodecError, match="incomplete"):
        decode_one(hexbytes("7F 80 03 F0 EF"))


def test_the_decoder_resynchronises_on_a_lone_stx_after_garbage() -> None:
    decoder = Decoder()
    packets = decoder.feed(hexbytes("00 13 7F 80 03 F0") + hexbytes("7F 00 02 F0 CC A8 22"))
    assert [p.data for p in packets] == [hexbytes("F0 CC")]
    assert decoder.errors


def test_packets_split_across_reads_are_reassembled() -> None:
    wire = hexbytes("7F 00 03 02 7F 7F 00 2D 9A")
    decoder = Decoder()
    out = [p for byte in wire for p in decoder.feed(bytes([byte]))]
    assert [p.data for p in out] == [hexbytes("02 7F 00")]


def test_poll_events_with_and_without_channels() -> None:
    events = parse_poll(hexbytes("F0 F1 CC EE 03 EB E8"))
    assert events == [
        PollEvent(Event.SLAVE_RESET),
        PollEvent(Event.NOTE_STACKING),
        PollEvent(Event.CREDIT_NOTE, 3),
        PollEvent(Event.NOTE_STACKED),
        PollEvent(Event.DISABLED),
    ]


@pytest.mark.parametrize(("data", "why"), [("F0 EE", "channel byte"), ("F0 42", "unknown poll event"), ("F5", "OK")])
def test_malformed_poll_replies_say_why(data: str, why: str) -> None:
    with pytest.raises(SspCodecError, match=why):
        parse_poll(hexbytes(data))


def test_setup_carries_the_channel_table_in_rupees() -> None:
    setup = parse_setup(build_setup("0400", "INR", (10, 20, 50, 100, 200, 500, 2000)))
    assert setup.channel_values == (10, 20, 50, 100, 200, 500, 2000)
    assert (setup.country, setup.firmware, setup.protocol_version) == ("INR", "0400", 7)


def test_a_truncated_setup_reply_is_refused() -> None:
    with pytest.raises(SspCodecError, match="truncated"):
        parse_setup(build_setup("0400", "INR", (10, 20, 50))[:20])


def test_inhibit_masks() -> None:
    assert inhibit_mask({1, 2, 3, 4, 5, 6, 7}) == hexbytes("7F 00")
    assert inhibit_mask(set(range(1, 17))) == hexbytes("FF FF")
    with pytest.raises(SspCodecError):
        inhibit_mask({17})


@given(st.integers(0, 127), st.booleans(), st.binary(min_size=1, max_size=255))
def test_encode_then_decode_round_trips(address: int, seq: bool, data: bytes) -> None:
    packet = decode_one(encode(address, seq, data))
    assert (packet.address, packet.seq, packet.data) == (address, seq, data)


@given(st.binary(max_size=600))
def test_garbage_never_raises_anything_but_the_codec_error(garbage: bytes) -> None:
    Decoder().feed(garbage)
    for parse in (decode_one, parse_poll, parse_setup):
        with contextlib.suppress(SspCodecError):
            parse(garbage)
