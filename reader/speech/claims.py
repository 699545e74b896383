"""Sentence claims shared by every process: one synthesizes a sentence, the others wait for it.

Three stores with one interface: in this process only (a service used alone), in the database
(the local job backend: every server process on the same database), or in Redis (the Celery
backend). A claim expires unless its owner refreshes it, so a dead claimant's claim lapses.
"""

import threading
import time
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from reader.models import RenderClaim, utcnow

WORKING, FAILED = "working", "failed"


class JobsUnavailable(RuntimeError):
    """The shared render state or the job queue cannot be reached (Redis down)."""


class Claim:
    """What is known of a sentence's claim: who works on it, or that it failed and why."""

    __slots__ = ("owner", "state", "message")

    def __init__(self, owner: str, state: str = WORKING, message: str | None = None):
        self.owner, self.state, self.message = owner, state, message

    @property
    def failed(self) -> bool:
        return self.state == FAILED


class LocalClaims:
    """Claims in this process's memory: enough for one process (a service used alone)."""

    def __init__(self, clock=time.monotonic):
        self._claims: dict[str, tuple[Claim, float]] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def claim(self, keys: list[str], owner: str, seconds: float) -> set[str]:
        """The keys this owner now holds: free or lapsed ones, and its own."""
        now, won = self._clock(), set()
        with self._lock:
            for key in keys:
                held = self._claims.get(key)
                lapsed = held is None or held[1] <= now
                if lapsed or (held[0].owner == owner and not held[0].failed):
                    self._claims[key] = (Claim(owner), now + seconds)
                    won.add(key)
        return won

    def refresh(self, keys: list[str], owner: str, seconds: float) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                held = self._claims.get(key)
                if held is not None and held[0].owner == owner and not held[0].failed:
                    self._claims[key] = (held[0], now + seconds)

    def release(self, key: str, owner: str) -> None:
        with self._lock:
            held = self._claims.get(key)
            if held is not None and held[0].owner == owner:
                del self._claims[key]

    def fail(self, key: str, owner: str, message: str, seconds: float) -> None:
        with self._lock:
            self._claims[key] = (Claim(owner, FAILED, message), self._clock() + seconds)

    def states(self, keys: list[str]) -> dict[str, Claim]:
        """The live claims among the keys (lapsed ones are absent)."""
        now = self._clock()
        with self._lock:
            return {
                key: held[0]
                for key in keys
                if (held := self._claims.get(key)) is not None and held[1] > now
            }

    def ping(self) -> bool:
        return True


class DatabaseClaims:
    """Claims as rows of render_claims: a unique key, so one INSERT wins across processes."""

    def __init__(self, engine):
        self.engine = engine

    def claim(self, keys: list[str], owner: str, seconds: float) -> set[str]:
        now = utcnow()
        expires = now + timedelta(seconds=seconds)
        try:
            with Session(self.engine) as session, session.begin():
                # Every lapsed claim goes, not only these keys': the table stays small.
                session.execute(delete(RenderClaim).where(RenderClaim.expires_at <= now))
                self._insert_missing(session, keys, owner, expires)
                return set(
                    session.scalars(
                        select(RenderClaim.key).where(
                            RenderClaim.key.in_(keys),
                            RenderClaim.owner == owner,
                            RenderClaim.state == WORKING,
                        )
                    )
                )
        except OperationalError as error:
            raise JobsUnavailable(str(error)) from error

    def _insert_missing(self, session: Session, keys: list[str], owner: str, expires) -> None:
        rows = [
            {"key": key, "owner": owner, "state": WORKING, "expires_at": expires} for key in keys
        ]
        dialect = self.engine.dialect.name
        if dialect in {"sqlite", "postgresql"}:
            if dialect == "sqlite":
                from sqlalchemy.dialects.sqlite import insert
            else:
                from sqlalchemy.dialects.postgresql import insert
            # ON CONFLICT DO NOTHING: whoever inserted a key first holds it; the rest lose quietly.
            session.execute(insert(RenderClaim).values(rows).on_conflict_do_nothing())
            return
        for row in rows:  # any other database: one savepoint per key
            try:
                with session.begin_nested():
                    session.add(RenderClaim(**row))
            except IntegrityError:
                continue

    def refresh(self, keys: list[str], owner: str, seconds: float) -> None:
        self._update(
            keys, owner, expires_at=utcnow() + timedelta(seconds=seconds), only_working=True
        )

    def release(self, key: str, owner: str) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(
                delete(RenderClaim).where(RenderClaim.key == key, RenderClaim.owner == owner)
            )

    def fail(self, key: str, owner: str, message: str, seconds: float) -> None:
        self._update(
            [key],
            owner,
            state=FAILED,
            message=message[:500],
            expires_at=utcnow() + timedelta(seconds=seconds),
        )

    def _update(self, keys: list[str], owner: str, only_working: bool = False, **values) -> None:
        if not keys:
            return
        where = [RenderClaim.key.in_(keys), RenderClaim.owner == owner]
        if only_working:
            where.append(RenderClaim.state == WORKING)
        try:
            with Session(self.engine) as session, session.begin():
                session.execute(update(RenderClaim).where(*where).values(**values))
        except OperationalError as error:
            raise JobsUnavailable(str(error)) from error

    def states(self, keys: list[str]) -> dict[str, Claim]:
        if not keys:
            return {}
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    RenderClaim.key, RenderClaim.owner, RenderClaim.state, RenderClaim.message
                ).where(RenderClaim.key.in_(keys), RenderClaim.expires_at > utcnow())
            )
            return {key: Claim(owner, state, message) for key, owner, state, message in rows}

    def ping(self) -> bool:
        try:
            self.states(["-"])
        except Exception:  # noqa: BLE001 - readiness reports any failure as not ready
            return False
        return True


# KEYS: claim keys; ARGV: owner, seconds. SET NX, or keep one's own working claim: won keys out.
_CLAIM = """
local won = {}
for i, key in ipairs(KEYS) do
  if redis.call('SET', key, ARGV[1], 'NX', 'EX', ARGV[2]) then
    table.insert(won, key)
  elseif redis.call('GET', key) == ARGV[1] then
    redis.call('EXPIRE', key, ARGV[2])
    table.insert(won, key)
  end
end
return won
"""
# KEYS: claim keys; ARGV: owner, seconds, new value or ''. Only the owner's own claims change.
_IF_OWNER = """
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    if ARGV[3] == '' then
      if ARGV[2] == '0' then redis.call('DEL', key) else redis.call('EXPIRE', key, ARGV[2]) end
    else
      redis.call('SET', key, ARGV[3], 'EX', ARGV[2])
    end
  end
end
return 0
"""
_FAILED_PREFIX = "!failed:"


class RedisClaims:
    """Claims as Redis keys (SET NX with an expiry): for the Celery backend's many machines."""

    PREFIX = "reader:claim:"

    def __init__(self, url: str):
        import redis

        self._errors = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
        # Short timeouts: with Redis down a listener hears so at once, not after a minute.
        self.client = redis.Redis.from_url(url, socket_timeout=3, socket_connect_timeout=2)
        self._claim = self.client.register_script(_CLAIM)
        self._if_owner = self.client.register_script(_IF_OWNER)

    def _call(self, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except self._errors as error:
            raise JobsUnavailable(f"Redis does not answer: {error}") from error

    def claim(self, keys: list[str], owner: str, seconds: float) -> set[str]:
        if not keys:
            return set()
        won = self._call(self._claim, keys=self._names(keys), args=[owner, _whole(seconds)])
        return {name.decode().removeprefix(self.PREFIX) for name in won}

    def refresh(self, keys: list[str], owner: str, seconds: float) -> None:
        if keys:
            self._call(self._if_owner, keys=self._names(keys), args=[owner, _whole(seconds), ""])

    def release(self, key: str, owner: str) -> None:
        self._call(self._if_owner, keys=self._names([key]), args=[owner, 0, ""])

    def fail(self, key: str, owner: str, message: str, seconds: float) -> None:
        value = f"{_FAILED_PREFIX}{owner}:{message[:500]}"
        self._call(self._if_owner, keys=self._names([key]), args=[owner, _whole(seconds), value])

    def states(self, keys: list[str]) -> dict[str, Claim]:
        if not keys:
            return {}
        values = self._call(self.client.mget, self._names(keys))
        found = {}
        for key, value in zip(keys, values, strict=True):
            if value is None:
                continue
            text = value.decode("utf-8", "replace")
            if text.startswith(_FAILED_PREFIX):
                owner, _, message = text.removeprefix(_FAILED_PREFIX).partition(":")
                found[key] = Claim(owner, FAILED, message)
            else:
                found[key] = Claim(text)
        return found

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except Exception:  # noqa: BLE001 - readiness reports any failure as not ready
            return False

    def _names(self, keys: list[str]) -> list[str]:
        return [self.PREFIX + key for key in keys]


def _whole(seconds: float) -> int:
    return max(1, round(seconds))
