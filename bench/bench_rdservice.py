"""RD service discovery when the service sits on the last port: concurrent short probes vs a naive sequential scan.

Run: .venv/bin/python bench/bench_rdservice.py [--first-port 11100]
Uses ports first..first+20; if any is taken on this machine, a free block of 21 ports is used instead.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import time
from contextlib import ExitStack

from drivers.biometric.rdservice.codec import RdProtocolError, parse_rdservice
from drivers.biometric.rdservice.driver import RdServiceReader, RdTransportError, rd_request
from drivers.biometric.rdservice.emulator import RdServiceEmulator
from kiosk.clock import SystemClock

SPAN = 21
NAIVE_TIMEOUT_S = 2.0  # what vendor sample code tends to use; with no timeout at all a silent port hangs forever


def block_is_free(first: int) -> bool:
    with ExitStack() as stack:
        for port in range(first, first + SPAN):
            s = stack.enter_context(socket.socket())
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                return False
    return True


def free_block(preferred: int) -> int:
    for first in [preferred, *range(40000, 60000, SPAN)]:
        if block_is_free(first):
            return first
    raise SystemExit("no block of 21 free loopback ports found")


def naive_find(ports: list[int]) -> int | None:
    for port in ports:
        for scheme in ("http", "https"):
            try:
                _, body = rd_request("127.0.0.1", port, scheme, "RDSERVICE", "/", None, NAIVE_TIMEOUT_S)
                parse_rdservice(body, f"port {port}")
                return port
            except (RdTransportError, RdProtocolError):
                continue
    return None


def ours_find(ports: list[int]) -> int | None:
    endpoint = RdServiceReader(SystemClock(), ports=ports).find_endpoint()
    return endpoint.port if endpoint else None


def timed(find: object, ports: list[int], rounds: int) -> tuple[float, int | None]:
    times, found = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        found = find(ports)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times), found


def scenario(first: int, silent: int, run_naive: bool) -> None:
    ports = list(range(first, first + SPAN))
    with ExitStack() as stack:
        for port in ports[:silent]:  # these accept a connection and never answer
            s = stack.enter_context(socket.socket())
            s.bind(("127.0.0.1", port))
            s.listen(64)
        emulator = stack.enter_context(RdServiceEmulator(SystemClock(), port=ports[-1]))
        ours, found = timed(ours_find, ports, rounds=5)
        assert found == emulator.port, f"ours found {found}"
        label = f"{silent} silent + {SPAN - 1 - silent} closed ports, service on {ports[-1]}"
        if run_naive:
            naive, found = timed(naive_find, ports, rounds=1)
            assert found == emulator.port, f"naive found {found}"
            print(f"{label}: ours {ours * 1000:.1f} ms, naive {naive * 1000:.1f} ms, ratio {naive / ours:.0f}x")
        else:
            bound = silent * 2 * NAIVE_TIMEOUT_S
            print(f"{label}: ours {ours * 1000:.1f} ms, naive not run (≥ {bound:.0f} s by construction)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first-port", type=int, default=11100)
    args = parser.parse_args()
    first = free_block(args.first_port)
    print(f"ports {first}-{first + SPAN - 1}; naive timeout {NAIVE_TIMEOUT_S} s per attempt (http, then https)")
    scenario(first, silent=0, run_naive=True)
    scenario(first, silent=5, run_naive=True)
    scenario(first, silent=20, run_naive=False)


if __name__ == "__main__":
    main()
