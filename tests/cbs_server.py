"""A small local stand-in for CBS OData v3 and v4, for tests of the live clients.

Why: the live clients must be tested against paging, retries, timeouts and broken answers
without touching the network. This server speaks just enough of both protocols, from JSON
fixtures in the real CBS wire shapes:

* v3 ``/v3/{table}/TableInfos``, ``/DataProperties``, ``/TypedDataSet``; catalog
  ``/v3catalog/Tables`` (bodies ``{"odata.metadata": ..., "value": [...]}``, paging via
  ``odata.nextLink``);
* v4 ``/v4/{table}/Properties``, ``/MeasureCodes``, ``/{Dim}Codes``, ``/Observations``,
  ``/Dimensions`` (bodies ``{"@odata.context": ..., "value": [...]}``, ``@odata.nextLink``).

Collections honour ``$filter`` (eq/ne/gt/ge/lt/le, and/or/not, parentheses, ``substringof``,
``startswith``, ``endswith``, ``contains``, ``trim``/``tolower``/``toupper``), ``$select``,
``$top``, ``$skip``; an unknown property gives HTTP 400 as CBS does. Padded v3 codes are kept
as stored, so ``RegioS eq 'GM0114'`` does not match ``'GM0114    '`` (as on CBS).

Use::

    with start_server() as server:            # fixtures from tests/fixtures/odata loaded
        server.add_v3_table("T1", props, rows, page_size=2)
        server.faults["/v3/T1/TypedDataSet"] = ["500", "ok"]
        client = ODataV3Client(server.v3_url, server.v3_catalog_url)
        ...
        assert server.count("/v3/T1/TypedDataSet") == 2

Fault actions (consumed one per request to that exact path, then normal service):
``"ok"``; an HTTP status such as ``"500"``, ``"404"`` or ``"503:2"`` (status with Retry-After 2;
429 and 503 send ``Retry-After: 1`` by default); ``"timeout"`` (sleep ``timeout_sleep`` s before
answering); ``"malformed"`` (200 with truncated JSON); ``"html"`` (200 with an HTML page);
``"empty"`` (200 with ``value: []``); ``"reset"`` (close the connection without answering).
A fault list under the key ``"*"`` applies to any path without its own list.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

FIXTURES = Path(__file__).parent / "fixtures" / "odata"

# --------------------------------------------------------------------------------------------
# A tiny OData $filter evaluator (enough for what the clients and tests send)
# --------------------------------------------------------------------------------------------


class FilterError(ValueError):
    """The $filter or $select cannot be understood; answered with HTTP 400."""


_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>-?\d+(?:\.\d+)?(?![\w]))"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<punct>[(),]))"
)
_COMPARISONS = {"eq", "ne", "gt", "ge", "lt", "le"}
_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "substringof": lambda needle, hay: _text(needle) in _text(hay),
    "startswith": lambda hay, prefix: _text(hay).startswith(_text(prefix)),
    "endswith": lambda hay, suffix: _text(hay).endswith(_text(suffix)),
    "contains": lambda hay, needle: _text(needle) in _text(hay),
    "trim": lambda value: _text(value).strip(),
    "tolower": lambda value: _text(value).lower(),
    "toupper": lambda value: _text(value).upper(),
}

Row = Mapping[str, Any]
Expr = Callable[[Row], Any]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _compare(op: str, left: Any, right: Any) -> bool:
    if op == "eq":
        return left == right
    if op == "ne":
        return left != right
    if left is None or right is None:
        return False
    if isinstance(left, str) != isinstance(right, str):
        try:
            left, right = float(left), float(right)
        except (TypeError, ValueError):
            return False
    if op == "gt":
        return left > right
    if op == "ge":
        return left >= right
    if op == "lt":
        return left < right
    return left <= right


class _FilterParser:
    """Recursive descent: or > and > not > comparison > term."""

    def __init__(self, text: str, fields: set[str]) -> None:
        self.fields = fields
        self.tokens: list[tuple[str, str]] = []
        pos = 0
        text = text.rstrip()
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if not match or match.end() == pos:
                raise FilterError(f"Syntax error at position {pos} in $filter: {text[pos:]!r}")
            kind = match.lastgroup or ""
            self.tokens.append((kind, match.group(kind)))
            pos = match.end()
        self.index = 0

    def parse(self) -> Expr:
        expr = self._or()
        if self.index != len(self.tokens):
            raise FilterError(f"Unexpected token {self.tokens[self.index][1]!r} in $filter")
        return expr

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def _take(self, value: str | None = None) -> tuple[str, str]:
        token = self._peek()
        if token is None or (value is not None and token[1] != value):
            raise FilterError(f"Expected {value or 'a token'!r} in $filter, got {token}")
        self.index += 1
        return token

    def _is_word(self, *words: str) -> bool:
        token = self._peek()
        return token is not None and token[0] == "name" and token[1] in words

    def _or(self) -> Expr:
        parts = [self._and()]
        while self._is_word("or"):
            self._take()
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else (lambda row: any(p(row) for p in parts))

    def _and(self) -> Expr:
        parts = [self._not()]
        while self._is_word("and"):
            self._take()
            parts.append(self._not())
        return parts[0] if len(parts) == 1 else (lambda row: all(p(row) for p in parts))

    def _not(self) -> Expr:
        if self._is_word("not"):
            self._take()
            inner = self._not()
            return lambda row: not inner(row)
        return self._comparison()

    def _comparison(self) -> Expr:
        left = self._term()
        if self._is_word(*_COMPARISONS):
            op = self._take()[1]
            right = self._term()
            return lambda row: _compare(op, left(row), right(row))
        return left

    def _term(self) -> Expr:
        kind, value = self._take()
        if kind == "punct" and value == "(":
            inner = self._or()
            self._take(")")
            return inner
        if kind == "str":
            literal = value[1:-1].replace("''", "'")
            return lambda row: literal
        if kind == "num":
            number = float(value) if "." in value else int(value)
            return lambda row: number
        if kind == "name":
            if value in ("true", "false", "null"):
                constant = {"true": True, "false": False, "null": None}[value]
                return lambda row: constant
            nxt = self._peek()
            if value in _FUNCTIONS and nxt == ("punct", "("):
                self._take("(")
                args = [self._or()]
                while self._peek() == ("punct", ","):
                    self._take(",")
                    args.append(self._or())
                self._take(")")
                function = _FUNCTIONS[value]
                return lambda row: function(*(a(row) for a in args))
            if value not in self.fields:
                raise FilterError(f"Could not find a property named '{value}'.")
            return lambda row: row.get(value)
        raise FilterError(f"Unexpected {value!r} in $filter")


def compile_filter(text: str, fields: set[str]) -> Expr:
    """Compile an OData ``$filter`` into a predicate on a row dict (FilterError if bad)."""
    return _FilterParser(text, fields).parse()


# --------------------------------------------------------------------------------------------
# Routes
# --------------------------------------------------------------------------------------------


@dataclass
class _Static:
    body: Any
    status: int = 200


@dataclass
class _Collection:
    rows: list[dict[str, Any]]
    version: int
    context: str
    page_size: int | None = None
    next_links: bool = True
    fields: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not self.fields:
            self.fields = {key for row in self.rows for key in row}


@dataclass
class RecordedRequest:
    """One request as the server saw it (path without query, decoded query, fault applied)."""

    path: str
    query: dict[str, str]
    raw_query: str
    action: str
    time: float


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer

    def log_message(self, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        self.server.cbs._handle(self)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    cbs: CBSServer


class CBSServer:
    """Local CBS OData v3 + v4 stand-in with fixture registration, fault scripts, request log."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, timeout_sleep: float = 5.0):
        self.timeout_sleep = timeout_sleep
        self.faults: dict[str, list[str]] = {}
        self.requests: list[RecordedRequest] = []
        self._routes: dict[str, _Static | _Collection] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = _HTTPServer((host, port), _Handler)
        self._httpd.cbs = self
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def v3_url(self) -> str:
        """Base URL for ``ODataV3Client(base_url=...)``."""
        return f"{self.url}/v3"

    @property
    def v3_catalog_url(self) -> str:
        """Catalog URL for ``ODataV3Client(catalog_url=...)``."""
        return f"{self.url}/v3catalog"

    @property
    def v4_url(self) -> str:
        """Base URL for ``ODataV4Client(base_url=...)``."""
        return f"{self.url}/v4"

    def start(self) -> CBSServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes handlers sleeping in a "timeout" fault
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> CBSServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- request log --------------------------------------------------------------------------

    def requests_for(self, path: str) -> list[RecordedRequest]:
        """Logged requests to exactly ``path`` (no query), in arrival order."""
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def count(self, path: str) -> int:
        """How many requests reached ``path`` (retries included)."""
        return len(self.requests_for(path))

    def reset(self) -> None:
        """Forget the request log and all fault scripts (registered routes stay)."""
        with self._lock:
            self.requests.clear()
            self.faults.clear()

    # -- registration -------------------------------------------------------------------------

    def add_json(self, path: str, body: Any, status: int = 200) -> None:
        """Serve ``body`` as-is (no paging, no query handling) at exactly ``path``."""
        self._routes[path] = _Static(body, status)

    def add_collection(
        self,
        path: str,
        rows: Sequence[Mapping[str, Any]],
        *,
        version: int = 3,
        page_size: int | None = None,
        next_links: bool = True,
        entity: str | None = None,
    ) -> None:
        """Serve ``rows`` as an OData collection with $filter/$select/$top/$skip and paging.

        ``page_size`` rows per response; with ``next_links`` an absolute nextLink to the next
        page (``$skip``) is added, without it the answer is silently cut at ``page_size``
        (as an over-full CBS answer would be).
        """
        entity = entity or path.rstrip("/").rsplit("/", 1)[-1]
        prefix = path.rstrip("/").rsplit("/", 1)[0]
        if version == 3:
            context = f"{self.url}{prefix}/$metadata#Cbs.OData.WebAPI.{entity}"
        else:
            context = f"{self.url}{prefix}/$metadata#{entity}"
        self._routes[path] = _Collection(
            [dict(r) for r in rows], version, context, page_size, next_links
        )

    def add_v3_table(
        self,
        table: str,
        data_properties: Sequence[Mapping[str, Any]],
        rows: Sequence[Mapping[str, Any]],
        page_size: int | None = None,
        *,
        table_infos: Mapping[str, Any] | None = None,
        next_links: bool = True,
    ) -> None:
        """Register ``/v3/{table}/TableInfos``, ``/DataProperties`` and ``/TypedDataSet``.

        ``rows`` are TypedDataSet records as CBS sends them (padded codes kept as given);
        ``page_size`` pages TypedDataSet with ``odata.nextLink``.
        """
        infos = dict(table_infos or {})
        infos.setdefault("ID", 0)
        infos.setdefault("Title", f"Test table {table}")
        infos.setdefault("ShortTitle", infos["Title"])
        infos.setdefault("Identifier", table)
        infos.setdefault("Modified", "2025-01-01T02:00:00")
        infos.setdefault("Period", "")
        infos.setdefault("OutputStatus", "Regulier")
        base = f"/v3/{table}"
        self.add_collection(f"{base}/TableInfos", [infos], version=3)
        self.add_collection(f"{base}/DataProperties", data_properties, version=3)
        self.add_collection(
            f"{base}/TypedDataSet", rows, version=3, page_size=page_size, next_links=next_links
        )

    def add_v3_catalog(
        self, tables: Sequence[Mapping[str, Any]], page_size: int | None = None
    ) -> None:
        """Register the v3 catalog ``/v3catalog/Tables`` (records with Identifier, Title, ...)."""
        self.add_collection("/v3catalog/Tables", tables, version=3, page_size=page_size)

    def add_v4_table(
        self,
        table: str,
        measure_codes: Sequence[Mapping[str, Any]],
        dim_codes: Mapping[str, Sequence[Mapping[str, Any]]],
        observations: Sequence[Mapping[str, Any]],
        page_size: int | None = None,
        *,
        properties: Mapping[str, Any] | None = None,
    ) -> None:
        """Register ``/v4/{table}/Properties``, ``/MeasureCodes``, ``/{Dim}Codes`` per entry of
        ``dim_codes`` (e.g. ``{"RegioS": [...], "Perioden": [...]}``), ``/Dimensions`` and
        ``/Observations`` (paged with ``@odata.nextLink`` when ``page_size`` is given)."""
        base = f"/v4/{table}"
        props = {"@odata.context": f"{self.url}{base}/$metadata#Properties"}
        props.update(properties or {"Identifier": table, "Title": f"Test table {table}"})
        self.add_json(f"{base}/Properties", props)
        self.add_collection(f"{base}/MeasureCodes", measure_codes, version=4)
        dimensions = []
        for dim, codes in dim_codes.items():
            self.add_collection(f"{base}/{dim}Codes", codes, version=4)
            dimensions.append(
                {
                    "Identifier": dim,
                    "Title": dim,
                    "Kind": "GeoDimension"
                    if dim.startswith("Regio")
                    else "TimeDimension"
                    if dim == "Perioden"
                    else "Dimension",
                    "CodesUrl": f"{self.url}{base}/{dim}Codes",
                }
            )
        self.add_collection(f"{base}/Dimensions", dimensions, version=4)
        self.add_collection(f"{base}/Observations", observations, version=4, page_size=page_size)

    # -- fixture files ------------------------------------------------------------------------

    @staticmethod
    def _read(path: Path) -> Any:
        return json.loads(path.read_text(encoding="utf-8"))

    def load_v3_fixture(
        self, table: str, directory: Path | None = None, page_size: int | None = None
    ) -> None:
        """``add_v3_table`` from ``TableInfos.json``, ``DataProperties.json``,
        ``TypedDataSet.json`` (wire bodies) in ``directory`` (default fixtures/odata/v3/table)."""
        directory = directory or FIXTURES / "v3" / table
        infos = self._read(directory / "TableInfos.json")["value"][0]
        props = self._read(directory / "DataProperties.json")["value"]
        rows = self._read(directory / "TypedDataSet.json")["value"]
        self.add_v3_table(table, props, rows, page_size, table_infos=infos)

    def load_v4_fixture(
        self, table: str, directory: Path | None = None, page_size: int | None = None
    ) -> None:
        """``add_v4_table`` from ``Properties.json``, ``MeasureCodes.json``, ``<Dim>Codes.json``
        and ``Observations.json`` in ``directory`` (default fixtures/odata/v4/table)."""
        directory = directory or FIXTURES / "v4" / table
        props = self._read(directory / "Properties.json")
        props = {k: v for k, v in props.items() if not k.startswith("@odata.")}
        measures = self._read(directory / "MeasureCodes.json")["value"]
        dims = {
            p.name[: -len("Codes.json")]: self._read(p)["value"]
            for p in sorted(directory.glob("*Codes.json"))
            if p.name != "MeasureCodes.json"
        }
        observations = self._read(directory / "Observations.json")["value"]
        self.add_v4_table(table, measures, dims, observations, page_size, properties=props)

    def load_catalog_fixture(self, path: Path | None = None, page_size: int | None = None) -> None:
        """``add_v3_catalog`` from a ``Tables.json`` wire body (default: fixtures/odata)."""
        path = path or FIXTURES / "v3catalog" / "Tables.json"
        self.add_v3_catalog(self._read(path)["value"], page_size)

    def load_all_fixtures(self, root: Path = FIXTURES) -> None:
        """Every table under ``root/v3/*``, ``root/v4/*`` and the catalog, without paging."""
        for directory in sorted((root / "v3").glob("*/")):
            self.load_v3_fixture(directory.name, directory)
        for directory in sorted((root / "v4").glob("*/")):
            self.load_v4_fixture(directory.name, directory)
        if (root / "v3catalog" / "Tables.json").exists():
            self.load_catalog_fixture(root / "v3catalog" / "Tables.json")

    # -- serving ------------------------------------------------------------------------------

    def _next_action(self, path: str) -> str:
        with self._lock:
            script = self.faults.get(path)
            if script is None:
                script = self.faults.get("*")
            return script.pop(0) if script else "ok"

    def _handle(self, handler: _Handler) -> None:
        split = urlsplit(handler.path)
        path = split.path.rstrip("/") or "/"
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        action = self._next_action(path)
        with self._lock:
            self.requests.append(RecordedRequest(path, query, split.query, action, time.time()))
        version = 4 if path.startswith("/v4") else 3

        if action == "reset":
            handler.close_connection = True
            with suppress(OSError):
                handler.connection.shutdown(socket.SHUT_RDWR)
            return
        if action == "timeout":
            self._stop.wait(self.timeout_sleep)
            action = "ok"
        status_match = re.fullmatch(r"(\d{3})(?::(\d+))?", action)
        if status_match:
            status = int(status_match.group(1))
            retry_after = status_match.group(2)
            if retry_after is None and status in (429, 503):
                retry_after = "1"
            message = "Resource not found" if status == 404 else "Simulated failure"
            self._send_error(handler, status, f"{message} ({path})", version, retry_after)
            return

        route = self._routes.get(path)
        if route is None:
            self._send_error(handler, 404, f"Resource not found for the segment '{path}'.", version)
            return
        try:
            status, body = self._render(route, path, query, empty=action == "empty")
        except FilterError as exc:
            self._send_error(handler, 400, str(exc), version)
            return
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        content_type = "application/json;odata=minimalmetadata;charset=utf-8"
        if action == "malformed":
            data = data[: max(1, len(data) // 2)]
        elif action == "html":
            data = b"<html><body><h1>Onderhoud</h1>CBS is tijdelijk niet beschikbaar.</body></html>"
            content_type = "text/html; charset=utf-8"
        self._send(handler, status, data, content_type)

    def _render(
        self, route: _Static | _Collection, path: str, query: dict[str, str], *, empty: bool
    ) -> tuple[int, Any]:
        if isinstance(route, _Static):
            body = route.body
            if empty:
                body = {**body, "value": []} if isinstance(body, dict) and "value" in body else {}
            return route.status, body

        rows = [] if empty else route.rows
        if query.get("$filter"):
            predicate = compile_filter(query["$filter"], route.fields)
            rows = [row for row in rows if predicate(row)]
        if query.get("$top"):
            rows = rows[: int(query["$top"])]
        skip = int(query.get("$skip") or 0)
        rows = rows[skip:]
        next_link = None
        if route.page_size is not None and len(rows) > route.page_size:
            rows = rows[: route.page_size]
            if route.next_links:
                params = {k: v for k, v in query.items() if k != "$skip"}
                params["$skip"] = str(skip + route.page_size)
                next_link = f"{self.url}{path}?" + urlencode(params, quote_via=quote, safe="$',()")
        if query.get("$select"):
            selected = [s.strip() for s in query["$select"].split(",") if s.strip()]
            unknown = [s for s in selected if s not in route.fields]
            if unknown:
                raise FilterError(f"Could not find a property named '{unknown[0]}'.")
            rows = [{k: row.get(k) for k in selected} for row in rows]
        if route.version == 3:
            body: dict[str, Any] = {"odata.metadata": route.context, "value": rows}
            if next_link:
                body["odata.nextLink"] = next_link
        else:
            body = {"@odata.context": route.context, "value": rows}
            if next_link:
                body["@odata.nextLink"] = next_link
        return 200, body

    @staticmethod
    def _send(
        handler: _Handler,
        status: int,
        data: bytes,
        content_type: str,
        headers: Sequence[tuple[str, str]] = (),
    ) -> None:
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(data)))
            for name, value in headers:
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(data)
        except OSError:
            pass  # the client gave up (timeout test); nothing to do

    def _send_error(
        self,
        handler: _Handler,
        status: int,
        message: str,
        version: int,
        retry_after: str | None = None,
    ) -> None:
        if version == 3:
            body = {"odata.error": {"code": "", "message": {"lang": "en-US", "value": message}}}
        else:
            body = {"error": {"code": str(status), "message": message}}
        headers = [("Retry-After", retry_after)] if retry_after is not None else []
        data = json.dumps(body).encode("utf-8")
        self._send(handler, status, data, "application/json;charset=utf-8", headers)


@contextmanager
def start_server(*, load_fixtures: bool = True, timeout_sleep: float = 5.0) -> Iterator[CBSServer]:
    """Start a :class:`CBSServer` on a free port (fixtures loaded), stop it afterwards.

    For pytest::

        @pytest.fixture
        def cbs_server():
            with start_server() as server:
                yield server
    """
    server = CBSServer(timeout_sleep=timeout_sleep)
    if load_fixtures:
        server.load_all_fixtures()
    server.start()
    try:
        yield server
    finally:
        server.stop()
