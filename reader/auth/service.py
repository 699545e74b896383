"""Users, passwords (argon2id) and API tokens: create, check, revoke."""

import hashlib
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from reader.models import ROLES, ApiToken, User, utcnow

MIN_PASSWORD_LENGTH = 10
_NAME = re.compile(r"^[\w.@+-]{1,64}$")
_hasher = PasswordHasher()
# Checked against when the name is unknown, so a wrong name costs as long as a wrong password
# and the time taken does not tell which names exist.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))
TOKEN_PREFIX = "rdr_"


class AuthError(ValueError):
    """A user or token request that cannot be done; the message says why."""


def create_user(session: Session, name: str, password: str, role: str) -> User:
    """A new editor or admin with this password."""
    if not _NAME.match(name or ""):
        raise AuthError("a name is 1 to 64 letters, digits or . @ + - _")
    if role not in ROLES:
        raise AuthError(f"the role must be one of {', '.join(ROLES)}")
    if find_user(session, name) is not None:
        raise AuthError(f"there is already a user named {name!r}")
    user = User(name=name, password_hash=_hash(password), role=role)
    session.add(user)
    session.commit()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """Replace the user's password."""
    user.password_hash = _hash(password)
    session.commit()


def find_user(session: Session, name: str) -> User | None:
    return session.scalar(select(User).where(User.name == name))


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The user when the name and password match, else None (in the same time either way)."""
    user = find_user(session, name or "")
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        set_password(session, user, password)
    return user


def create_token(session: Session, user: User, label: str) -> tuple[ApiToken, str]:
    """A new API token for the user: the row, and the token itself, shown only this once."""
    label = (label or "").strip()[:100] or "API token"
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, label=label, token_hash=_token_hash(secret))
    session.add(token)
    session.commit()
    return token, secret


def user_for_token(session: Session, secret: str) -> User | None:
    """The user an unrevoked token belongs to, or None."""
    if not secret or not secret.startswith(TOKEN_PREFIX):
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(secret)))
    if token is None or token.revoked_at is not None:
        return None
    token.last_used_at = utcnow()
    session.commit()
    return token.user


def revoke_token(session: Session, token: ApiToken) -> None:
    """The token stops working at once; its row stays, to show when it was revoked."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.commit()


def _hash(password: str) -> str:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise AuthError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def _token_hash(secret: str) -> str:
    # A token has 256 random bits: a fast hash is enough, and lets it be looked up by hash.
    return hashlib.sha256(secret.encode()).hexdigest()
