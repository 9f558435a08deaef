"""A TCP relay between a laptop and `nilai serve` that the test controls: it counts the bytes the laptop
sends, cuts chosen connections after so many bytes, or holds everything past a point (a connection that
hangs). TLS passes through it untouched, end to end, as through a venue's flaky Wi-Fi."""

from __future__ import annotations

import contextlib
import socket
import threading


class Relay:
    def __init__(self, upstream_port: int, cuts: list[int] | None = None, hold_after: int | None = None,
                 cut_after: int | None = None, cut_times: int = 0) -> None:
        self.upstream_port = upstream_port
        self.cuts = list(cuts or [])  # connection i (in the order they come) is cut after cuts[i] bytes from the laptop
        # or: any connection that carries more than cut_after bytes is cut there, cut_times times in all (the
        # small health checks in between pass, the uploads are cut)
        self.cut_after, self.cut_times = cut_after, cut_times
        self.hold_after = hold_after  # past this many bytes in all, the laptop's bytes go nowhere (and it hangs)
        self.sent = 0  # bytes from the laptop that reached the service
        self.connections = 0
        self.cut = 0  # connections cut so far
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.close()
        for sock in list(self._open):
            _close(sock)

    def _accept(self) -> None:
        while True:
            try:
                laptop, _ = self._listener.accept()
            except OSError:
                return
            try:
                service = socket.create_connection(("127.0.0.1", self.upstream_port))
            except OSError:  # the service is down: the laptop's connection fails, as it would without the relay
                _close(laptop)
                continue
            with self._lock:
                index = self.connections
                self.connections += 1
            limit = self.cuts[index] if index < len(self.cuts) else None
            by_size = limit is None and self.cut_after is not None
            if by_size:
                limit = self.cut_after
            self._open += [laptop, service]
            threading.Thread(target=self._upstream, args=(laptop, service, limit, by_size), daemon=True).start()
            threading.Thread(target=self._downstream, args=(service, laptop), daemon=True).start()

    def _upstream(self, laptop: socket.socket, service: socket.socket, limit: int | None, by_size: bool) -> None:
        passed = 0
        try:
            while data := laptop.recv(65536):
                if limit is not None and passed + len(data) >= limit and (not by_size or self._cuts_left()):
                    data = data[:limit - passed]
                    self._forward(service, data)
                    with self._lock:
                        self.cut += 1
                    return  # cut: both ends closed below, mid-request
                passed += len(data)
                self._forward(service, data)
        except OSError:
            pass
        finally:
            _close(laptop)
            _close(service)

    def _cuts_left(self) -> bool:
        with self._lock:
            return self.cut < self.cut_times

    def _forward(self, service: socket.socket, data: bytes) -> None:
        with self._lock:
            if self.hold_after is not None:
                data = data[:max(0, self.hold_after - self.sent)]
            self.sent += len(data)
        if data:
            service.sendall(data)

    def _downstream(self, service: socket.socket, laptop: socket.socket) -> None:
        try:
            while data := service.recv(65536):
                laptop.sendall(data)
        except OSError:
            pass
        finally:
            _close(laptop)
            _close(service)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
