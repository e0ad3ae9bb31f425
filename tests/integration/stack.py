"""
A throwaway WordPress on loopback: MariaDB, ``php -S`` and a private copy of
Debian's WordPress, all in one temporary folder.

Nothing outside that folder is touched: the database gets its own datadir,
socket and port; WordPress runs from a copy with its own ``wp-config.php`` (so
Debian's ``/etc/wordpress`` is never read or written).  Every long-running
process is started in its own process group, and :meth:`Stack.stop` kills
those groups and checks that nothing of them survives.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from email.message import Message
from pathlib import Path
from typing import Any

import attrs

HERE = Path(__file__).resolve().parent
PHP_DIR = HERE / "php"
WORDPRESS = Path("/usr/share/wordpress")
APT_PACKAGES = ("wordpress", "mariadb-server", "php-cli", "php-mysql")
INSTALL_HINT = (
    "the integration tests need a WordPress, MariaDB and PHP from Debian: "
    "sudo apt-get update && sudo apt-get install -y " + " ".join(APT_PACKAGES)
)
ADMIN = "admin"
DB_NAME = "wordpress"
DB_USER = "wpparse"


class StackError(RuntimeError):
    """The stack could not be started or stopped cleanly."""


def missing_tools() -> list[str]:
    """Name what this machine lacks to run the stack (empty when all is there)."""
    missing = [
        name
        for name in ("php", "mariadbd|mysqld", "mariadb-install-db|mysql_install_db")
        if not any(_which(alt) for alt in name.split("|"))
    ]
    if not (WORDPRESS / "wp-settings.php").is_file():
        missing.append(f"{WORDPRESS}/wp-settings.php")
    php = _which("php")
    if php is not None:
        check = subprocess.run(
            [php, "-r", "exit(extension_loaded('mysqli') ? 0 : 1);"],
            check=False,
            capture_output=True,
        )
        if check.returncode:
            missing.append("the PHP mysqli extension")
    return missing


def _which(name: str) -> str | None:
    # mariadbd and mysql_install_db live in sbin, often not on a user's PATH.
    path = os.pathsep.join(
        [os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin", "/sbin"]
    )
    return shutil.which(name, path=path)


def _tool(*names: str) -> str:
    for name in names:
        found = _which(name)
        if found:
            return found
    raise StackError(f"none of {names} found: {INSTALL_HINT}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def make_png(path: Path, width: int = 400, height: int = 300) -> None:
    """Write an RGB PNG, a rust-coloured gradient, big enough for WordPress to make sizes."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows += bytes((150 + x % 100, 60 + y % 150, 30))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


@attrs.frozen
class Response:
    """One HTTP response from the site."""

    status: int
    headers: Message
    body: bytes

    def json(self) -> Any:
        """The body, decoded as JSON."""
        return json.loads(self.body)


@attrs.define
class Stack:
    """The running site; :meth:`start` it, then always :meth:`stop` it."""

    root: Path
    db_port: int = attrs.field(factory=free_port)
    # A fixed port (WPPARSE_WORDPRESS_PORT) keeps refreshed fixtures' diffs small.
    http_port: int = attrs.field(
        factory=lambda: int(os.environ.get("WPPARSE_WORDPRESS_PORT") or free_port())
    )
    admin_password: str = attrs.field(factory=lambda: secrets.token_urlsafe(18))
    db_password: str = attrs.field(factory=lambda: secrets.token_urlsafe(18))
    seed: Mapping[str, Any] = attrs.field(factory=dict)
    processes: list[subprocess.Popen[bytes]] = attrs.field(factory=list)
    _logs: list[Any] = attrs.field(factory=list)

    @property
    def base(self) -> str:
        """The site's home URL, without the trailing slash."""
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def docroot(self) -> Path:
        """The private copy of WordPress."""
        return self.root / "wordpress"

    @property
    def ids(self) -> Mapping[str, int]:
        """The ids of the seeded objects, by name."""
        ids: Mapping[str, int] = self.seed["ids"]
        return ids

    @property
    def _run_dir(self) -> Path:
        return self.root / "run"

    @property
    def _socket(self) -> Path:
        return self._run_dir / "mysql.sock"

    # -- start -------------------------------------------------------------

    def start(self) -> None:
        """Start MariaDB, create the database, copy, serve, install and seed WordPress."""
        self._start_mariadb()
        self._create_database()
        self._copy_wordpress()
        self._spawn(
            "php",
            [
                _tool("php"),
                "-S",
                f"127.0.0.1:{self.http_port}",
                "-t",
                str(self.docroot),
            ],
            cwd=self.docroot,
            env={"PHP_CLI_SERVER_WORKERS": "2"},
        )
        _wait_for_port(self.http_port, "php -S", self.processes[-1])
        self._install()
        self._seed()

    def _start_mariadb(self) -> None:
        datadir = self.root / "mysql"
        datadir.mkdir()
        self._run_dir.mkdir()
        user: list[str] = []
        if os.geteuid() == 0:
            # mariadbd will not run as root; hand it its folders instead.
            mysql = pwd.getpwnam("mysql")
            self.root.chmod(0o755)
            for folder in (datadir, self._run_dir):
                os.chown(folder, mysql.pw_uid, mysql.pw_gid)
            user = ["--user=mysql"]
        # Its own tmpdir too: TMPDIR may point where the mysql user cannot write.
        common = [
            "--no-defaults",
            f"--datadir={datadir}",
            f"--tmpdir={self._run_dir}",
            *user,
        ]
        self._run(
            [
                _tool("mariadb-install-db", "mysql_install_db"),
                *common,
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--skip-name-resolve",
            ],
            "mariadb-install-db",
            timeout=180,
        )
        self._spawn(
            "mariadbd",
            [
                _tool("mariadbd", "mysqld"),
                *common,
                f"--socket={self._socket}",
                f"--pid-file={self._run_dir / 'mysql.pid'}",
                f"--port={self.db_port}",
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                "--skip-log-bin",
                "--innodb-buffer-pool-size=32M",
                "--innodb-log-file-size=16M",
                "--performance-schema=OFF",
            ],
        )
        _wait_for_port(self.db_port, "mariadbd", self.processes[-1], timeout=120)
        # The TCP port opens a moment before the socket file appears.
        _wait_for(self._socket.exists, "mysql.sock", 30)

    def _create_database(self) -> None:
        sql = (
            f"CREATE DATABASE {DB_NAME} CHARACTER SET utf8mb4;"
            f"CREATE USER '{DB_USER}'@'127.0.0.1' IDENTIFIED BY '{self.db_password}';"
            f"GRANT ALL ON {DB_NAME}.* TO '{DB_USER}'@'127.0.0.1';"
        )
        self._run(
            [
                _tool("mariadb", "mysql"),
                "--no-defaults",
                f"--socket={self._socket}",
                "--user=root",
                "-e",
                sql,
            ],
            "create the database",
        )

    def _copy_wordpress(self) -> None:
        # A real copy, not symlinks: PHP resolves __DIR__ through symlinks, and
        # wp-load.php would then find Debian's wp-config.php and /etc/wordpress.
        shutil.copytree(
            WORDPRESS,
            self.docroot,
            symlinks=True,
            ignore=shutil.ignore_patterns("languages", ".htaccess"),
        )
        content = self.docroot / "wp-content"
        shutil.copytree(PHP_DIR / "mu-plugins", content / "mu-plugins")
        (content / "uploads").mkdir()
        salts = "\n".join(
            f"define('{name}', '{secrets.token_hex(32)}');"
            for name in (
                "AUTH_KEY",
                "SECURE_AUTH_KEY",
                "LOGGED_IN_KEY",
                "NONCE_KEY",
                "AUTH_SALT",
                "SECURE_AUTH_SALT",
                "LOGGED_IN_SALT",
                "NONCE_SALT",
            )
        )
        (self.docroot / "wp-config.php").write_text(
            f"""<?php
// Written by the wpparse integration tests; lives only in {self.root}.
define('DB_NAME', '{DB_NAME}');
define('DB_USER', '{DB_USER}');
define('DB_PASSWORD', '{self.db_password}');
define('DB_HOST', '127.0.0.1:{self.db_port}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
{salts}
$table_prefix = 'wp_';
define('WP_HOME', '{self.base}');
define('WP_SITEURL', '{self.base}');
// 'local' allows application passwords over plain http.
define('WP_ENVIRONMENT_TYPE', 'local');
// php -S answers one request at a time per worker: no loopback requests.
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '{self.root / "debug.log"}');
define('FS_METHOD', 'direct');
if (!defined('ABSPATH')) {{
    define('ABSPATH', __DIR__ . '/');
}}
require_once ABSPATH . 'wp-settings.php';
""",
            encoding="utf-8",
        )

    def _install(self) -> None:
        form = urllib.parse.urlencode(
            {
                "weblog_title": "Rust & Rain",
                "user_name": ADMIN,
                "admin_password": self.admin_password,
                "admin_password2": self.admin_password,
                "admin_email": "admin@example.org",
                "blog_public": "0",
                "language": "",
            }
        ).encode()
        response = self.request("/wp-admin/install.php?step=2", data=form)
        if response.status != 200 or b"Success!" not in response.body:
            raise StackError(
                f"the WordPress installer failed (HTTP {response.status}): "
                f"{response.body[:2000].decode('utf-8', 'replace')}"
            )

    def _seed(self) -> None:
        image = self.root / "rust-rain.png"
        make_png(image)
        out = self._run(
            [_tool("php"), str(PHP_DIR / "seed.php"), str(self.docroot), str(image)],
            "seed.php",
            timeout=120,
        )
        self.seed = json.loads(out)

    # -- processes ---------------------------------------------------------

    def _run(self, argv: list[str], what: str, timeout: float = 60) -> str:
        # Short-lived helpers also get their own process group, so a timeout
        # kills whatever they started too.
        proc = subprocess.Popen(
            argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=self.root,
            start_new_session=True,
        )
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise StackError(f"{what} took more than {timeout} s") from None
        if proc.returncode:
            raise StackError(
                f"{what} failed with exit status {proc.returncode}:\n"
                f"{out.decode('utf-8', 'replace')[-3000:]}"
                f"{err.decode('utf-8', 'replace')[-3000:]}"
            )
        return out.decode()

    def _spawn(
        self,
        name: str,
        argv: list[str],
        *,
        cwd: Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        log = (self.root / f"{name}.log").open("wb")
        self._logs.append(log)
        proc = subprocess.Popen(
            argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=cwd or self.root,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
        self.processes.append(proc)

    def log_tails(self, lines: int = 30) -> str:
        """The last *lines* of each log of the stack, for a failure report."""
        parts = []
        for name in ("mariadbd.log", "php.log", "debug.log"):
            log = self.root / name
            if log.is_file():
                tail = log.read_text(encoding="utf-8", errors="replace").splitlines()
                parts.append(f"--- {name}\n" + "\n".join(tail[-lines:]))
        return "\n".join(parts)

    def stop(self) -> None:
        """Stop every process group started, newest first; raise if any survives."""
        groups = [proc.pid for proc in self.processes]
        for proc in reversed(self.processes):
            _kill_group(proc)
        for log in self._logs:
            log.close()
        survivors = _processes_in_groups(groups)
        if survivors:
            raise StackError(f"processes survived the stack: {survivors}")

    # -- HTTP --------------------------------------------------------------

    def request(
        self,
        path: str,
        params: Mapping[str, str | int] | None = None,
        *,
        auth: bool = False,
        data: bytes | None = None,
        method: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """Send one request to the site and return the response, errors included."""
        url = self.base + path
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        request = urllib.request.Request(
            url, data=data, method=method, headers=dict(headers or {})
        )
        if auth:
            token = base64.b64encode(
                f"{ADMIN}:{self.seed['app_password']}".encode()
            ).decode()
            request.add_header("Authorization", f"Basic {token}")
        if data is not None and not request.has_header("Content-type"):
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:
                return Response(reply.status, reply.headers, reply.read())
        except urllib.error.HTTPError as error:
            with error:
                return Response(error.code, error.headers, error.read())


def _wait_for_port(
    port: int, what: str, proc: subprocess.Popen[bytes], timeout: float = 60
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise StackError(f"{what} exited with status {proc.returncode}")
        with (
            contextlib.suppress(OSError),
            socket.create_connection(("127.0.0.1", port), timeout=1),
        ):
            return
        time.sleep(0.1)
    raise StackError(f"{what} did not listen on port {port} within {timeout} s")


def _wait_for(ready: Callable[[], bool], what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise StackError(f"{what} was not ready within {timeout} s")
        time.sleep(0.05)


def _kill_group(proc: subprocess.Popen[bytes], grace: float = 30) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
        # The leader is gone; make sure nothing else in its group lingers.
        if not _processes_in_groups([proc.pid]):
            return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def _processes_in_groups(groups: list[int]) -> list[str]:
    """Describe the live processes whose process group is one of *groups*."""
    found = []
    wanted = set(groups)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses.
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[2]) in wanted:
            found.append(f"{entry.name} {stat[: stat.rindex(')') + 1]}")
    return found


def new_root() -> Path:
    """A fresh temporary folder for one stack."""
    return Path(tempfile.mkdtemp(prefix="wpparse-wp-"))
