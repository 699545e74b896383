"""Security headers on every response: a Content-Security-Policy without inline code, and kin."""

from flask import Flask

# Scripts and styles come only from our own files (no inline <script>, no style= attribute);
# audio and artwork from this origin; no page may frame ours.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # Other sites learn that a reader came from here, never which article they read.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    # For browsers older than CSP's frame-ancestors.
    "X-Frame-Options": "DENY",
}


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)


def _add_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
