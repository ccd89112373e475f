"""Live clients for the CBS OData services: v3 (``ODataApi`` + ``ODataCatalog``) and v4.

Why a hand-written client rather than ``cbsodata``: the refresh must survive a flaky CBS
(retries with backoff, ``Retry-After``), respect the v3 limit of 10,000 rows per response, and
turn every failure into one :class:`~indicators.errors.CBSError` whose message names the table
and the URL and says what to do. The frames returned have the same shape as the offline readers
in :mod:`indicators.sources.raw`, so the extraction step is shared between ``build`` and
``refresh``.

Every request goes through ``_get_json``; base URLs are constructor arguments so tests and
``refresh --v3-url/--v4-url`` can point the clients at a local server.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode, urljoin

import pandas as pd
import requests
from requests.adapters import HTTPAdapter
from requests.exceptions import RetryError
from urllib3.exceptions import MaxRetryError, NewConnectionError
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError
from urllib3.util.retry import Retry

from indicators.errors import CBSError
from indicators.sources.values import (
    TOPIC_KEY,
    parse_cbs_number,
    parse_cbs_series,
    resolve_key,
    strip_region_code,
)

__all__ = [
    "V3_BASE",
    "V3_CATALOG",
    "V4_BASE",
    "CBSError",
    "ODataV3Client",
    "ODataV4Client",
    "make_session",
    "parse_cbs_number",
    "resolve_key",
    "strip_region_code",
]

V3_BASE = "https://opendata.cbs.nl/ODataApi/odata"
V3_CATALOG = "https://opendata.cbs.nl/ODataCatalog"
V4_BASE = "https://datasets.cbs.nl/odata/v1/CBS"

#: CBS v3 answers at most this many rows per response (more come via ``odata.nextLink``).
V3_MAX_ROWS = 10_000
#: Expected rows per region when sizing region chunks (periods x other dimension values).
DEFAULT_ROWS_PER_REGION = 100
#: Upper bound on regions per request, so the ``$filter`` (and the URL) stays short.
MAX_REGIONS_PER_REQUEST = 40
#: Guard against a server that keeps sending ``nextLink`` forever.
MAX_PAGES = 1_000

RETRY_STATUSES = (429, 500, 502, 503, 504)
_OFFLINE_HINT = "or use `python -m indicators build` with the offline raw files."
_URL_SHOWN = 300
# Characters left as-is in query strings: OData syntax reads better and CBS accepts them.
_QUERY_SAFE = "$',()/:"


def make_session(retries: int = 4, backoff_factor: float = 0.5) -> requests.Session:
    """requests Session with urllib3 Retry on an HTTPAdapter: retries connect/read errors and
    429/500/502/503/504 on GET, honours Retry-After, exponential backoff.

    CBS is regularly slow or briefly unavailable; a refresh should ride that out instead of
    failing on the first hiccup. ``raise_on_status=False`` hands the last error response back
    so the client can report the real HTTP status. Retry-After is capped at 60 s.
    """
    retry_kwargs: dict[str, Any] = {
        "total": retries,
        "connect": retries,
        "read": retries,
        "status": retries,
        "other": 0,
        "backoff_factor": backoff_factor,
        "status_forcelist": RETRY_STATUSES,
        "allowed_methods": frozenset({"GET"}),
        "respect_retry_after_header": True,
        "raise_on_status": False,
    }
    try:
        retry = Retry(**retry_kwargs, retry_after_max=60)
    except TypeError:  # urllib3 older than 2.5 has no retry_after_max
        retry = Retry(**retry_kwargs)
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update(
        {"Accept": "application/json", "User-Agent": "brede-welvaart-dashboard/indicators"}
    )
    return session


def _short(url: str) -> str:
    return url if len(url) <= _URL_SHOWN else url[: _URL_SHOWN - 3] + "..."


def _with_query(url: str, params: Mapping[str, str] | None) -> str:
    """Build the request URL ourselves: spaces as %20 (not '+'), OData punctuation readable."""
    if not params:
        return url
    query = urlencode(dict(params), quote_via=quote, safe=_QUERY_SAFE)
    return f"{url}{'&' if '?' in url else '?'}{query}"


def _odata_literal(text: str) -> str:
    """A string literal for ``$filter``: single quotes doubled, as OData requires."""
    return "'" + str(text).replace("'", "''") + "'"


def _is_timeout(exc: BaseException) -> bool:
    """True for connect/read timeouts, also when wrapped in MaxRetryError after retries.

    urllib3's NewConnectionError (connection refused, DNS) subclasses its TimeoutError, so it
    is ruled out first.
    """
    if isinstance(exc, requests.Timeout):
        return True
    for arg in getattr(exc, "args", ()):
        reason = arg.reason if isinstance(arg, MaxRetryError) else arg
        if isinstance(reason, NewConnectionError):
            return False
        if isinstance(reason, Urllib3TimeoutError):
            return True
    return False


def _connection_reason(exc: BaseException) -> str:
    text = str(exc).lower()
    if "refused" in text:
        return "connection refused"
    if (
        "name or service not known" in text
        or "nodename nor servname" in text
        or ("getaddrinfo" in text)
    ):
        return "host name could not be resolved"
    if "reset" in text or "aborted" in text or "remote end closed" in text:
        return "connection dropped by the server"
    return f"connection failed ({type(exc).__name__})"


def _error_detail(response: requests.Response) -> str:
    """The message inside an OData error body (v3 ``odata.error``, v4 ``error``), if any."""
    try:
        body = response.json()
    except ValueError:
        text = (response.text or "").strip().replace("\n", " ")
        return text[:200].rstrip(".")
    if isinstance(body, dict):
        error = body.get("odata.error") or body.get("error") or {}
        if isinstance(error, dict):
            message = error.get("message")
            if isinstance(message, dict):
                message = message.get("value")
            if message:
                return str(message).strip().rstrip(".")[:200]
    return ""


class _ODataClient:
    """Shared plumbing: one place that performs GETs and turns every failure into CBSError."""

    def __init__(self, session: requests.Session | None, timeout: float) -> None:
        self.session = session if session is not None else make_session()
        self.timeout = timeout

    def close(self) -> None:
        """Release pooled connections."""
        self.session.close()

    def _get_json(
        self,
        url: str,
        params: Mapping[str, str] | None = None,
        *,
        table: str,
        expect_value: bool = True,
    ) -> dict[str, Any]:
        """GET ``url`` and return the JSON object; CBSError on any network/HTTP/JSON failure."""
        full_url = _with_query(url, params)
        shown = _short(full_url)
        try:
            response = self.session.get(full_url, timeout=self.timeout)
        except RetryError as exc:
            raise CBSError(
                f"CBS kept failing for table {table} at {shown}: retries exhausted ({exc}). "
                f"CBS may be overloaded; try again later {_OFFLINE_HINT}"
            ) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            if _is_timeout(exc):
                raise CBSError(
                    f"CBS not reachable for table {table} at {shown}: timed out after "
                    f"{self.timeout:g} s per attempt. CBS may be slow or down; try again "
                    f"later, raise the timeout, {_OFFLINE_HINT}"
                ) from exc
            raise CBSError(
                f"CBS not reachable for table {table} at {shown}: {_connection_reason(exc)}. "
                f"Check the network or the base URL, {_OFFLINE_HINT}"
            ) from exc
        except requests.RequestException as exc:
            raise CBSError(
                f"Request to CBS for table {table} at {shown} failed: {type(exc).__name__}: "
                f"{exc}. Try again later {_OFFLINE_HINT}"
            ) from exc

        status = response.status_code
        if status == 404:
            raise CBSError(
                f"Table {table} not found at CBS ({shown}, HTTP 404); check the table id (and "
                "the entity name in the URL) / it may have been replaced by a newer edition "
                "(search the catalog with find_tables)."
            )
        if status >= 400:
            detail = _error_detail(response)
            advice = (
                "check the $filter/$select (key names, codes) for this table."
                if status == 400
                else f"CBS may be overloaded or down; try again later {_OFFLINE_HINT}"
            )
            raise CBSError(
                f"CBS answered HTTP {status} for table {table} at {shown}"
                f"{' after retries' if status in RETRY_STATUSES else ''}"
                f"{': ' + detail if detail else ''}. {advice}"
            )
        try:
            body = response.json()
        except ValueError as exc:
            raise CBSError(
                f"CBS sent invalid or truncated JSON for table {table} at {shown} "
                f"({len(response.content)} bytes: {exc}). Try again later; if it persists the "
                f"endpoint may have changed, {_OFFLINE_HINT}"
            ) from exc
        if not isinstance(body, dict):
            raise CBSError(
                f"CBS answer for table {table} at {shown} is JSON but not an object "
                f"({type(body).__name__}). The endpoint may have changed; check the base URL."
            )
        if expect_value:
            value = body.get("value")
            if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
                raise CBSError(
                    f"CBS answer for table {table} at {shown} has no 'value' list of records "
                    f"(keys: {sorted(body)[:8]}). The endpoint may have changed; check the base "
                    "URL and the table id."
                )
        return body

    def _pages(
        self, url: str, params: Mapping[str, str] | None, *, table: str
    ) -> Iterator[list[dict[str, Any]]]:
        """Yield the ``value`` list of every page, following (``@``)``odata.nextLink``."""
        current = _with_query(url, params)
        seen = {current}
        for _ in range(MAX_PAGES):
            body = self._get_json(current, None, table=table)
            yield body["value"]
            link = body.get("odata.nextLink") or body.get("@odata.nextLink")
            if not link:
                return
            current = urljoin(current, str(link))
            if params and "$format" in params and "$format=" not in current:
                current = _with_query(current, {"$format": params["$format"]})
            if current in seen:
                raise CBSError(
                    f"CBS paging loop for table {table}: nextLink {_short(current)} was already "
                    "fetched. Try again later or narrow the request."
                )
            seen.add(current)
        raise CBSError(
            f"CBS sent more than {MAX_PAGES} pages for table {table} at {_short(url)}; narrow "
            "the request with a $filter."
        )

    def _get_all(
        self, url: str, params: Mapping[str, str] | None, *, table: str
    ) -> tuple[list[dict[str, Any]], int]:
        """All records across pages, and the number of pages fetched."""
        rows: list[dict[str, Any]] = []
        pages = 0
        for page in self._pages(url, params, table=table):
            rows.extend(page)
            pages += 1
        return rows, pages


def _strip_text(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _ordered_columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    columns: dict[str, None] = {}
    for row in rows:
        for key in row:
            if not key.endswith("@odata.type") and not key.startswith("odata."):
                columns.setdefault(key, None)
    return list(columns)


class ODataV3Client(_ODataClient):
    """CBS ``ODataApi`` v3 (``opendata.cbs.nl``): TableInfos, DataProperties, TypedDataSet."""

    def __init__(
        self,
        base_url: str = V3_BASE,
        catalog_url: str = V3_CATALOG,
        session: requests.Session | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.catalog_url = catalog_url.rstrip("/")
        super().__init__(session, timeout)
        #: Rows per response at which CBS v3 truncates; a chunk reaching it is split and re-read.
        self.max_rows = V3_MAX_ROWS

    def _url(self, table: str, entity: str) -> str:
        return f"{self.base_url}/{table}/{entity}"

    def table_infos(self, table: str) -> dict:
        """Title, period, modification date of ``table`` (to check the edition and its age)."""
        body = self._get_json(self._url(table, "TableInfos"), {"$format": "json"}, table=table)
        if not body["value"]:
            raise CBSError(
                f"CBS TableInfos for table {table} at {self._url(table, 'TableInfos')} is empty; "
                "check the table id."
            )
        return body["value"][0]

    def data_properties(self, table: str) -> list[dict]:
        """Every dimension, topic group and topic of ``table`` (keys, titles, units)."""
        rows, _ = self._get_all(
            self._url(table, "DataProperties"), {"$format": "json"}, table=table
        )
        return rows

    def keys(self, table: str) -> list[str]:
        """Topic keys in Position order: what :func:`resolve_key` searches per edition."""
        topics = [
            p
            for p in self.data_properties(table)
            if p.get("Type") == "Topic" and str(p.get("Key") or "").strip()
        ]
        topics.sort(key=lambda p: (p.get("Position") is None, p.get("Position") or 0))
        return [str(p["Key"]).strip() for p in topics]

    def resolve_key(self, table: str, name: str, occurrence: int = 0) -> str:
        """:func:`resolve_key` against this table's topic keys, naming the table on failure."""
        try:
            return resolve_key(self.keys(table), name, occurrence)
        except CBSError as exc:
            raise CBSError(f"Table {table} ({self._url(table, 'DataProperties')}): {exc}") from exc

    def typed_dataset(
        self,
        table: str,
        *,
        region_dim: str = "RegioS",
        regions: Sequence[str] | None = None,
        filters: str | None = None,
        select: Sequence[str] | None = None,
        chunk_size: int | None = None,
        rows_per_region: int = DEFAULT_ROWS_PER_REGION,
        text_columns: Sequence[str] = (),
    ) -> pd.DataFrame:
        """Rows of ``TypedDataSet`` for ``regions`` (all rows if None), as a tidy frame.

        The region filter uses ``substringof('GM0114',RegioS)`` because v3 pads region codes
        to a table-dependent width (``'GM0114    '``), so ``eq`` needs the exact padding;
        the rows are then filtered again on the stripped code so a substring can never
        over-match. Regions are requested in chunks so that ``len(chunk) * rows_per_region``
        stays below the 10,000-row limit (and at most 40 codes per URL); ``odata.nextLink`` is
        followed too, and a chunk whose single answer reaches the limit without a nextLink
        (silent truncation) is split and re-read. ``filters`` is ANDed to the region filter.
        If ``select`` is given and regions are filtered, ``region_dim`` is added to it.

        Region codes are stripped of padding; ``Perioden`` and other dimensions are stripped
        strings; every topic column (key ending in ``_<n>``) goes through
        :func:`parse_cbs_number`, except those named in ``text_columns`` (stripped text).
        An empty answer gives an empty frame with the selected columns.
        """
        columns = list(select) if select else None
        codes: list[str] | None = None
        if regions is not None:
            codes = list(dict.fromkeys(strip_region_code(r) for r in regions if str(r).strip()))
            if columns is not None and region_dim not in columns:
                columns.insert(0, region_dim)
        if codes == []:
            return pd.DataFrame(columns=columns or [region_dim])

        if codes is None:
            rows = self._typed_chunk(table, None, region_dim, filters, columns)
        else:
            if chunk_size is None:
                per_region = max(1, int(rows_per_region))
                chunk_size = max(1, min(MAX_REGIONS_PER_REQUEST, self.max_rows // per_region))
            chunk_size = max(1, int(chunk_size))
            rows = []
            for start in range(0, len(codes), chunk_size):
                chunk = codes[start : start + chunk_size]
                rows.extend(self._typed_chunk(table, chunk, region_dim, filters, columns))
        return self._v3_frame(table, rows, columns, region_dim, codes, text_columns)

    def _typed_chunk(
        self,
        table: str,
        codes: list[str] | None,
        region_dim: str,
        filters: str | None,
        columns: list[str] | None,
    ) -> list[dict[str, Any]]:
        parts = []
        if codes:
            parts.append(
                "("
                + " or ".join(f"substringof({_odata_literal(c)},{region_dim})" for c in codes)
                + ")"
            )
        if filters:
            parts.append(f"({filters})" if codes else filters)
        params = {"$format": "json"}
        if parts:
            params["$filter"] = " and ".join(parts)
        if columns:
            params["$select"] = ",".join(columns)
        rows, pages = self._get_all(self._url(table, "TypedDataSet"), params, table=table)
        if pages == 1 and len(rows) >= self.max_rows:
            if codes and len(codes) > 1:
                half = len(codes) // 2
                return self._typed_chunk(
                    table, codes[:half], region_dim, filters, columns
                ) + self._typed_chunk(table, codes[half:], region_dim, filters, columns)
            raise CBSError(
                f"CBS answer for table {table} at {self._url(table, 'TypedDataSet')} reached the "
                f"{self.max_rows:,}-row limit without a nextLink, so rows may be missing. "
                "Narrow the request (fewer periods via filters, or a $select)."
            )
        return rows

    def _v3_frame(
        self,
        table: str,
        rows: list[dict[str, Any]],
        columns: list[str] | None,
        region_dim: str,
        codes: list[str] | None,
        text_columns: Sequence[str],
    ) -> pd.DataFrame:
        if not rows:
            return pd.DataFrame(columns=columns or [])
        if columns is None:
            columns = _ordered_columns(rows)
        else:
            missing = [c for c in columns if all(c not in row for row in rows)]
            if missing:
                raise CBSError(
                    f"CBS answer for table {table} at {self._url(table, 'TypedDataSet')} lacks "
                    f"column(s) {missing}. The key may have been renamed in this edition; look "
                    "it up with resolve_key / keys()."
                )
        frame = pd.DataFrame.from_records(rows, columns=columns)
        for column in frame.columns:
            if column == region_dim:
                frame[column] = frame[column].map(strip_region_code).astype(str)
            elif column == "ID":
                continue
            elif TOPIC_KEY.search(column) and column not in text_columns:
                frame[column] = parse_cbs_series(frame[column])
            else:
                frame[column] = frame[column].map(_strip_text)
        if codes is not None and region_dim in frame.columns:
            frame = frame[frame[region_dim].isin(set(codes))].reset_index(drop=True)
        return frame

    def find_tables(self, title_contains: str) -> pd.DataFrame:
        """Catalog tables whose Title contains the text: finds the newest yearly edition.

        Columns Identifier, Title, ShortTitle, Period, Modified, OutputStatus. (The v3 catalog
        calls the status field ``OutputStatus``; there is no ``Status``.)
        """
        fields = ["Identifier", "Title", "ShortTitle", "Period", "Modified", "OutputStatus"]
        params = {
            "$format": "json",
            "$filter": f"substringof({_odata_literal(title_contains)},Title)",
            "$select": ",".join(fields),
        }
        rows, _ = self._get_all(
            f"{self.catalog_url}/Tables", params, table=f"catalog search {title_contains!r}"
        )
        if not rows:
            return pd.DataFrame(columns=fields)
        frame = pd.DataFrame.from_records(rows)
        for field in fields:
            if field not in frame.columns:
                frame[field] = None
        frame = frame[fields].copy()
        for field in fields:
            frame[field] = frame[field].map(_strip_text)
        return frame


class ODataV4Client(_ODataClient):
    """CBS OData v4 (``datasets.cbs.nl``): Properties, MeasureCodes, codes, Observations."""

    def __init__(
        self,
        base_url: str = V4_BASE,
        session: requests.Session | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        super().__init__(session, timeout)
        self._measure_cache: dict[str, pd.DataFrame] = {}

    def _url(self, table: str, entity: str) -> str:
        return f"{self.base_url}/{table}/{entity}"

    def properties(self, table: str) -> dict:
        """Table metadata (title, modified, status): to check the edition and its age."""
        body = self._get_json(self._url(table, "Properties"), table=table, expect_value=False)
        body = {k: v for k, v in body.items() if not k.startswith("@odata.")}
        if not body:
            raise CBSError(
                f"CBS Properties for table {table} at {self._url(table, 'Properties')} are empty; "
                "check the table id."
            )
        return body

    def measure_codes(self, table: str) -> pd.DataFrame:
        """Measures (Identifier, Title, Unit, Decimals, ...): titles are stable, ids are not."""
        rows, _ = self._get_all(self._url(table, "MeasureCodes"), None, table=table)
        if not rows:
            return pd.DataFrame(columns=["Identifier", "Title", "Unit", "Decimals"])
        frame = pd.DataFrame.from_records(rows, columns=_ordered_columns(rows))
        for column in ("Identifier", "Title", "Unit"):
            if column in frame.columns:
                frame[column] = frame[column].map(_strip_text)
        self._measure_cache[table] = frame
        return frame

    def dimensions(self, table: str) -> list[str]:
        """The dimension identifiers of a table (``Dimensions``): which filters it accepts."""
        rows, _ = self._get_all(self._url(table, "Dimensions"), None, table=table)
        return [str(r.get("Identifier", "")).strip() for r in rows if r.get("Identifier")]

    def dimension_codes(self, table: str, dimension: str) -> pd.DataFrame:
        """Code list of one dimension (``RegioS`` -> ``RegioSCodes``), all pages."""
        rows, _ = self._get_all(self._url(table, f"{dimension}Codes"), None, table=table)
        if not rows:
            return pd.DataFrame(columns=["Identifier", "Title"])
        frame = pd.DataFrame.from_records(rows, columns=_ordered_columns(rows))
        if "Identifier" in frame.columns:
            frame["Identifier"] = frame["Identifier"].map(strip_region_code).astype(str)
        return frame

    def resolve_measure(self, table: str, title: str, occurrence: int = 0) -> str:
        """Measure Identifier by exact Title (case-insensitive, whitespace-normalised).

        Why: indicator definitions name the measure by its title; the ``M00…`` ids differ per
        table. CBSError lists the closest titles if there is no exact match.
        """
        codes = self._measure_cache.get(table)
        if codes is None:
            codes = self.measure_codes(table)

        def norm(text: object) -> str:
            return " ".join(str(text).split()).casefold()

        wanted = norm(title)
        titles = [norm(t) for t in codes.get("Title", pd.Series(dtype=object)).tolist()]
        identifiers = codes.get("Identifier", pd.Series(dtype=object)).tolist()
        matches = [identifiers[i] for i, t in enumerate(titles) if t == wanted]
        if 0 <= occurrence < len(matches):
            return str(matches[occurrence])
        url = self._url(table, "MeasureCodes")
        if matches:
            raise CBSError(
                f"Table {table} ({url}): measure title {title!r} occurs {len(matches)} time(s) "
                f"({', '.join(map(str, matches))}); occurrence {occurrence} does not exist."
            )
        close = difflib.get_close_matches(wanted, titles, n=5, cutoff=0.5)
        close += [t for t in titles if t not in close and (wanted in t or t in wanted)]
        raw_titles = codes.get("Title", pd.Series(dtype=object)).tolist()
        shown = [f"{identifiers[titles.index(t)]}: {raw_titles[titles.index(t)]}" for t in close]
        hint = f"Close candidates: {'; '.join(shown[:6])}." if shown else "No similar title."
        raise CBSError(
            f"Table {table} ({url}): no measure titled {title!r} among {len(titles)} measures. "
            f"{hint} CBS may have renamed the measure; update the title in the indicator "
            "definition."
        )

    def observations(self, table: str, filter: str | None = None) -> pd.DataFrame:
        """Long rows (Id, Measure, ValueAttribute, Value, StringValue, <dims>), all pages.

        ``Value`` goes through :func:`parse_cbs_number` (null/sentinels -> NaN); code columns
        are stripped. An empty answer gives an empty frame with columns Measure, Value.
        """
        params = {"$filter": filter} if filter else None
        rows, _ = self._get_all(self._url(table, "Observations"), params, table=table)
        if not rows:
            return pd.DataFrame(columns=["Measure", "Value"])
        frame = pd.DataFrame.from_records(rows, columns=_ordered_columns(rows))
        if "Measure" not in frame.columns or "Value" not in frame.columns:
            raise CBSError(
                f"CBS Observations for table {table} at {self._url(table, 'Observations')} lack "
                f"Measure/Value (columns: {list(frame.columns)[:8]}). The endpoint may have "
                "changed; check the base URL."
            )
        for column in frame.columns:
            if column == "Value":
                frame[column] = parse_cbs_series(frame[column])
            elif column not in ("Id", "StringValue"):
                frame[column] = frame[column].map(_strip_text)
        return frame
