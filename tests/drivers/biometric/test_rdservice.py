from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.biometric.rdservice.codec import RdProtocolError, build_pid_options, parse_rdservice
from drivers.biometric.rdservice.driver import RdServiceReader, build
from drivers.biometric.rdservice.emulator import EmulatedState, RdServiceEmulator
from kiosk.clock import FakeClock
from kiosk.devices.biometric import BiometricStatus, CaptureFailed, CaptureOk, CaptureRequest

from .conftest import BILLION_LAUGHS, closed_port


@pytest.fixture
def emulator(clock: FakeClock) -> Iterator[RdServiceEmulator]:
    with RdServiceEmulator(clock) as emu:
        yield emu


def reader_for(clock: FakeClock, *ports: int) -> RdServiceReader:
    return RdServiceReader(clock, ports=ports, probe_timeout_s=0.3, capture_grace_s=0.5)


def test_service_on_last_port_is_found_past_closed_and_silent_ports(
    clock: FakeClock, emulator: RdServiceEmulator, silent_ports: list[int]
) -> None:
    reader = reader_for(clock, closed_port(), *silent_ports, closed_port(), emulator.port)
    info = reader.discover()
    assert info is not None
    assert (info.rd_service_id, info.rd_service_version, info.device_model) == ("MANTRA.WIN.001", "1.0.8", "MFS110")
    assert info.device_provider == "MANTRA.MSIPL"
    assert reader.status() is BiometricStatus.READY


def test_capture_returns_the_pid_block_unopened_with_quality(clock: FakeClock, emulator: RdServiceEmulator) -> None:
    reader = reader_for(clock, emulator.port)
    result = reader.capture(CaptureRequest(timeout_ms=2000))
    assert isinstance(result, CaptureOk)
    assert result.quality == 74
    assert b"<Skey" in result.pid.xml
    assert b"<Data" in result.pid.xml
    assert "Skey" not in repr(result)
    assert emulator.captures == 1


def test_morpho_spelling_and_advertised_paths_are_used(clock: FakeClock) -> None:
    with RdServiceEmulator(clock, vendor="morpho") as emu:
        reader = reader_for(clock, emu.port)
        info = reader.discover()
        assert info is not None
        assert info.rd_service_id == "MANTRA.WIN.001"
        assert isinstance(reader.capture(CaptureRequest()), CaptureOk)


def test_https_service_with_self_signed_certificate_is_found_after_http_fails(clock: FakeClock) -> None:
    with RdServiceEmulator(clock, tls=True) as emu:
        reader = reader_for(clock, closed_port(), emu.port)
        assert reader.discover() is not None
        assert isinstance(reader.capture(CaptureRequest()), CaptureOk)


@pytest.mark.parametrize(
    ("state", "status", "hindi_start", "retry"),
    [
        (EmulatedState.NOT_READY, BiometricStatus.NOT_READY, "फिंगरप्रिंट मशीन तैयार नहीं", False),
        (EmulatedState.USED, BiometricStatus.IN_USE, "फिंगरप्रिंट मशीन अभी दूसरे काम में", True),
    ],
)
def test_not_ready_or_used_device_refuses_capture_with_a_clear_message(
    clock: FakeClock, state: EmulatedState, status: BiometricStatus, hindi_start: str, retry: bool
) -> None:
    with RdServiceEmulator(clock, state=state) as emu:
        reader = reader_for(clock, emu.port)
        reader.discover()
        assert reader.status() is status
        result = reader.capture(CaptureRequest())
        assert isinstance(result, CaptureFailed)
        assert result.message_hi.startswith(hindi_start)
        assert result.retry is retry
        assert emu.captures == 0
        assert reader.health().ok is False


@pytest.mark.parametrize(
    ("state", "hindi", "code"),
    [
        (EmulatedState.POOR_QUALITY, "उंगली ठीक से रखें और फिर से कोशिश करें", "poor_quality:730"),
        (EmulatedState.TIMEOUT, "उंगली नहीं मिली, फिर से रखें", "timeout:700"),
    ],
)
def test_failed_capture_tells_the_villager_what_to_do(
    clock: FakeClock, state: EmulatedState, hindi: str, code: str
) -> None:
    with RdServiceEmulator(clock, state=state) as emu:
        result = reader_for(clock, emu.port).capture(CaptureRequest())
        assert isinstance(result, CaptureFailed)
        assert (result.message_hi, result.code, result.retry) == (hindi, code, True)


def test_hung_capture_gives_up_clearly_and_the_next_capture_works(clock: FakeClock) -> None:
    with RdServiceEmulator(clock, state=EmulatedState.HANG) as emu:
        reader = reader_for(clock, emu.port)
        result = reader.capture(CaptureRequest(timeout_ms=100))
        assert isinstance(result, CaptureFailed)
        assert result.code == "not_ready:rd_no_answer"
        assert reader.health().status == "error"
        emu.state = EmulatedState.READY
        assert isinstance(reader.capture(CaptureRequest(timeout_ms=100)), CaptureOk)


def test_certificate_about_to_expire_is_reported_to_the_operator(clock: FakeClock) -> None:
    with RdServiceEmulator(clock, state=EmulatedState.CERT_NEAR_EXPIRY) as emu:
        reader = reader_for(clock, emu.port)
        info = reader.discover()
        assert info is not None
        assert info.certificate_expiry == "2026-11-30"
        health = reader.health()
        assert "device certificate expires in 7 days" in health.detail
        assert health.ok is True
        clock.advance(8 * 86400)
        assert reader.health().ok is False
        assert "EXPIRED" in reader.health().detail


def test_port_answering_entity_bomb_is_not_taken_for_an_rd_service(
    clock: FakeClock, hostile_port: int, emulator: RdServiceEmulator
) -> None:
    reader = reader_for(clock, hostile_port, emulator.port)
    assert reader.find_endpoint() is not None
    endpoint = reader.find_endpoint()
    assert endpoint is not None
    assert endpoint.port == emulator.port
    assert reader_for(clock, hostile_port).discover() is None


def test_entity_expansion_is_refused_by_the_parser_with_the_place_named() -> None:
    with pytest.raises(RdProtocolError, match=r"port 9: refused unsafe XML"):
        parse_rdservice(BILLION_LAUGHS, "port 9")


def test_rdservice_without_capture_interface_is_refused() -> None:
    with pytest.raises(RdProtocolError, match="no CAPTURE interface"):
        parse_rdservice(b'<RDService status="READY"><Interface id="INFO" path="/i"/></RDService>', "here")


def test_no_service_anywhere_reports_not_found(clock: FakeClock) -> None:
    reader = reader_for(clock, closed_port(), closed_port())
    assert reader.discover() is None
    result = reader.capture(CaptureRequest())
    assert isinstance(result, CaptureFailed)
    assert result.code.startswith("not_found")
    assert reader.health().ok is False


def test_pid_options_carry_the_transaction_needs() -> None:
    xml = build_pid_options(CaptureRequest(finger_count=2, finger_type=0, timeout_ms=8000, env="PP", wadh="abc="))
    for part in (b'fCount="2"', b'fType="0"', b'timeout="8000"', b'env="PP"', b'wadh="abc="', b'pidVer="2.0"'):
        assert part in xml
    with pytest.raises(ValueError, match="finger_count 11"):
        build_pid_options(CaptureRequest(finger_count=11))


def test_config_with_reversed_port_range_is_refused(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="ports 11120-11100"):
        build({"first_port": 11120, "last_port": 11100}, clock)


def test_capture_moves_to_another_ready_service_when_the_first_becomes_used(clock: FakeClock) -> None:
    with RdServiceEmulator(clock) as first, RdServiceEmulator(clock, state=EmulatedState.NOT_READY) as second:
        reader = reader_for(clock, first.port, second.port)
        reader.discover()
        first.state, second.state = EmulatedState.USED, EmulatedState.READY
        assert isinstance(reader.capture(CaptureRequest()), CaptureOk)
        assert (first.captures, second.captures) == (0, 1)
