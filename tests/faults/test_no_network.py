"""drieluik never opens a network connection: the whole session of
tests/faults/trust_session.py runs in this process with every way of making a
socket or resolving a name replaced by one that fails the test."""

from __future__ import annotations

import socket
import tempfile
from pathlib import Path

import pytest

from drieluik.cli import run
from tests.faults.trust_session import MEETING_TEXT, Session, add_meeting_text


class NetworkUsed(AssertionError):
    pass


def test_a_whole_session_runs_without_any_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    attempts: list[str] = []

    def refuse(name: str):
        def call(*args: object, **kwargs: object):
            attempts.append(f"{name}{args[:2]}")
            raise NetworkUsed(f"drieluik tried the network: {name}{args[:2]}")

        return call

    session = Session(tmp_path / "sessie")
    session.prepare()
    for name, value in session.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(tempfile, "tempdir", None)
    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))

    ran = []
    for argv in session.steps():
        if argv is MEETING_TEXT:
            add_meeting_text(session)
            continue
        code = run(argv)
        assert code == 0, (argv, capsys.readouterr().err)
        ran.append(argv[0])
    assert attempts == []
    assert {"init", "import", "meeting", "check"} <= set(ran)


def test_the_guard_does_catch_a_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object):
        raise NetworkUsed("socket")

    monkeypatch.setattr(socket, "socket", refuse)
    with pytest.raises(NetworkUsed):
        socket.socket()
