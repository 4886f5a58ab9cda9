"""Building blocks of scripted UPS journeys: places, event kinds, steps, ETA plans, scenarios."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.statuses import Status


def _value(char: str) -> int:
    return int(char) if char.isdigit() else (ord(char) - 3) % 10


def check_digit(body: str) -> str:
    """The 1Z check digit over the 15 characters between "1Z" and it (docs/ups.md §9)."""
    total = sum(_value(char) * (2 if index % 2 else 1) for index, char in enumerate(body))
    return str((10 - total % 10) % 10)


def sandbox_number(shipper: str, service: str, serial: int) -> str:
    """1Z + 6-char shipper + 2-char service + 7-digit package id + check digit."""
    body = f"{shipper}{service}{serial:07d}"
    if len(body) != 15:
        raise ValueError(f"bad 1Z body {body!r}")
    return f"1Z{body}{check_digit(body)}"


@dataclass(frozen=True)
class Place:
    """A UPS site or delivery town; tz gives real local times and offsets."""

    city: str
    state: str
    country: str
    postal: str
    tz: str
    slic: str
    std_offset: int  # minutes east of UTC, used only if the tz database is missing


@dataclass(frozen=True)
class EventKind:
    """One kind of UPS scan as Track reports it, in both languages, and what it means to us."""

    status_code: str  # 3-digit statusCode
    code: str | None  # 2-letter activity code; None = UPS left it out (docs/ups.md §4)
    type: str  # one-letter (or two) status type
    en: str  # description, trailing spaces kept on purpose
    zh: str
    summary_en: str  # what currentStatus says while this is the latest scan
    summary_zh: str
    status: Status  # our status for this scan
    where: str = "full"  # full: city/state/country + slic; slic: slic only; country: only that


@dataclass(frozen=True)
class EtaPlan:
    """deliveryDate/deliveryTime from this step on; days count from today at the destination."""

    date_type: str  # SDD | RDD | "" (clears: deliveryDate becomes [])
    days: int = 0
    time_type: str = ""  # EOD | CMT | EDW | CDW | IDW
    start: str = ""  # HHMMSS
    end: str = ""  # HHMMSS


NO_DATE = EtaPlan("")


def eod(days: int, kind: str = "SDD") -> EtaPlan:
    """Due `days` from today, some time that day."""
    return EtaPlan(kind, days, "EOD")


def window(days: int, start: str, end: str, kind: str = "SDD", time_type: str = "EDW") -> EtaPlan:
    """Due `days` from today between `start` and `end` (HHMMSS, destination time)."""
    return EtaPlan(kind, days, time_type, start, end)


@dataclass(frozen=True)
class Step:
    """The next scan of a journey, `gap_h` hours after the previous one."""

    event: EventKind
    place: Place
    gap_h: float
    eta: EtaPlan | None = None  # None: keep the previous plan


@dataclass(frozen=True)
class Party:
    """Shipper or receiver as UPS lists it in packageAddress (personal data)."""

    name: str
    street: str
    place: Place
    attention: str = ""
    street2: str = ""


@dataclass(frozen=True)
class Service:
    code: str
    level: str
    en: str
    zh: str


@dataclass(frozen=True)
class Scenario:
    """A demo parcel: its number, its scripted scans and its package details."""

    key: str
    number: str
    description: str
    steps: tuple[Step, ...]
    start: int  # scans visible before anyone advances it (0 only for "not found")
    origin: Party | None = None
    destination: Party | None = None
    service: Service | None = None
    weight: str = "1.00"
    dimensions: tuple[str, str, str] = ("30.00", "20.00", "10.00")
    package_count: int = 1
    references: tuple[tuple[str, str], ...] = ()  # (type, number)
    received_by: str = ""
    delivery_location: tuple[str, str] = ("Front Door", "正门")  # en, zh
    signature: bool = False  # a signature image when asked with returnSignature=true
    additional_services: tuple[str, ...] = ()
    pickup_by_days: int | None = None  # Access Point: last pickup day, from today
    access_point_street: str = ""  # Access Point: its street, on the scan that leaves it there
    # deliveryPhoto once delivered: (photoCaptureInd, photoDispositionCode), and whether the
    # answer carries the photo itself (the sandbox's doorstep JPEG).
    photo_codes: tuple[str, str] | None = None
    photo: bool = False
    charges: tuple[tuple[str, str, str, bool], ...] = ()  # (type, amount, currency, paid)
    pieces: tuple[str, ...] = ()  # every number of a multi-piece shipment, this one included
    alternates: tuple[tuple[str, str], ...] = ()  # (type, number): alternateTrackingNumber

    @property
    def final_status(self) -> Status:
        return self.steps[-1].event.status if self.steps else Status.UNKNOWN


def scenario(
    shipper: str, key: str, serial: int, code: str, description: str, **fields
) -> Scenario:
    """A Scenario numbered 1Z<shipper><code><serial><check>; `code` is the 1Z service code."""
    return Scenario(key, sandbox_number(shipper, code, serial), description, **fields)
