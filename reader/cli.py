"""The `reader` command: serve, seed, import, init-db, prune, feedback-export, user, voices."""

import json
import sys
from pathlib import Path

import click

from reader import PROJECT_ROOT, create_app

SEEDS_DIR = PROJECT_ROOT / "seeds"


@click.group()
@click.pass_context
def main(ctx: click.Context) -> None:
    """reader: read articles, and listen to them."""
    ctx.obj = create_app()


def _session(app):
    return app.extensions["reader.db"]()


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int, help="Request threads.")
@click.option("--fd", type=int, default=None, hidden=True, help="Serve on this inherited socket.")
@click.pass_obj
def serve(app, host: str, port: int, threads: int, fd: int | None) -> None:
    """Serve the app with waitress under a supervisor that restarts it if it dies."""
    from reader import serving

    serving.configure_logging()
    if fd is None:
        click.echo(f"reader is serving on http://{host}:{port}/ (data in {app.config['DATA_DIR']})")
        sys.exit(serving.serve_supervised(host, port, ["--threads", str(threads)]))
    _serve_on_socket(app, fd, threads)


def _serve_on_socket(app, fd: int, threads: int) -> None:
    """The server process: waitress on the supervisor's socket; speech in worker processes."""
    import socket

    from waitress import serve as waitress_serve

    from reader import serving

    serving.prepare_server_process()
    speech = app.extensions["reader.speech"]
    speech.start()  # voices listed and workers warm before the first reader arrives
    try:
        # send_bytes=1: stream audio to the browser as soon as each sentence is ready.
        waitress_serve(
            app,
            sockets=[socket.socket(fileno=fd)],
            threads=threads,
            send_bytes=1,
            ident="reader",
        )
    except KeyboardInterrupt:
        pass
    finally:
        speech.shutdown()


@main.command()
@click.option("--path", "folder", default=str(SEEDS_DIR), show_default=True)
@click.pass_obj
def seed(app, folder: str) -> None:
    """Load the sample articles (idempotent: a second run adds nothing)."""
    files = sorted(Path(folder).glob("*.txt"))
    if not files:
        raise click.ClickException(f"no seed articles in {folder}")
    added = sum(_import(app, path) for path in files)
    click.echo(f"{added} new article(s), {len(files) - added} already there.")
    lexicon = Path(folder) / "lexicon.csv"
    if lexicon.exists():
        _seed_lexicon(app, lexicon)


def _seed_lexicon(app, path: Path) -> None:
    """The starter lexicon: new entries are added; an entry already there is left as it is."""
    from reader.lexicon import csv_files

    with _session(app) as session:
        try:
            report = csv_files.import_csv(
                session, path.read_text(encoding="utf-8"), None, overwrite=False
            )
        except csv_files.CsvRefused as refused:
            lines = "; ".join(
                f"line {p.line}: {p.problem.field} {p.problem.code}" for p in refused.problems
            )
            raise click.ClickException(f"{path}: {lines}") from refused
    click.echo(f"{report.added} new lexicon entries, {report.unchanged} already there.")


@main.command("import")
@click.argument("path")
@click.pass_obj
def import_command(app, path: str) -> None:
    """Import an article from a file (seed format, Markdown, page text, HTML) or a URL."""
    _import(app, path)


def _import(app, path: str | Path) -> bool:
    from reader.library import articles, importer

    try:
        if str(path).startswith(("http://", "https://")):
            draft = importer.draft_from_url(
                str(path),
                app.config["MAX_CONTENT_LENGTH"],
                allow_private=app.config["IMPORT_ALLOW_PRIVATE"],
            )
        else:
            draft = importer.draft_from_path(path)
        with _session(app) as session:
            article, created = articles.store_article(
                session, draft, app.config["DEFAULT_TIMEZONE"]
            )
    except (OSError, importer.ImportFailed, articles.ArticleError) as error:
        raise click.ClickException(f"{path}: {error}") from error
    state = "imported" if created else "already there"
    click.echo(f"{state}: #{article.id} [{article.language}] {article.title}")
    return created


@main.command("init-db")
@click.pass_obj
def init_db(app) -> None:
    """Create the database tables (the app also does this when it starts)."""
    from reader.db import create_schema

    create_schema(app.extensions["reader.engine"])
    click.echo("Database ready.")


@main.command()
@click.option("--max-mb", type=int, default=None, help="Default: READER_CACHE_MAX_MB.")
@click.option(
    "--max-age-days", type=float, default=None, help="Default: READER_CACHE_MAX_AGE_DAYS."
)
@click.pass_obj
def prune(app, max_mb: int | None, max_age_days: float | None) -> None:
    """Bound the audio cache by size and age."""
    max_mb = app.config["CACHE_MAX_MB"] if max_mb is None else max_mb
    max_age_days = app.config["CACHE_MAX_AGE_DAYS"] if max_age_days is None else max_age_days
    report = app.extensions["reader.speech"].cache.prune(max_mb * 1024 * 1024, max_age_days * 86400)
    click.echo(
        f"removed {report.removed_files} file(s), {report.removed_bytes} bytes; "
        f"kept {report.kept_files} file(s), {report.kept_bytes} bytes"
    )


@main.command("feedback-export")
@click.pass_obj
def feedback_export(app) -> None:
    """Print all feedback as JSON lines."""
    from reader.feedback.service import export_rows

    with _session(app) as session:
        for row in export_rows(session):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@main.group()
def user() -> None:
    """People who sign in: editors and admins (readers need no account)."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["editor", "admin"]), default="editor", show_default=True)
@click.password_option(help="Asked for when not given (never stored in plain text).")
@click.pass_obj
def user_add(app, name: str, role: str, password: str) -> None:
    """Add an editor or admin with a password."""
    from reader.auth import service as auth_service

    with _session(app) as session:
        try:
            auth_service.create_user(session, name, password, role)
        except auth_service.AuthError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"{role} {name} added.")


@user.command("passwd")
@click.argument("name")
@click.password_option(help="Asked for when not given.")
@click.pass_obj
def user_passwd(app, name: str, password: str) -> None:
    """Set a new password (every session signed in with the old one ends)."""
    from reader.auth import service as auth_service

    with _session(app) as session:
        found = auth_service.find_user(session, name)
        if found is None:
            raise click.ClickException(f"there is no user named {name!r}")
        try:
            auth_service.set_password(session, found, password)
        except auth_service.AuthError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"password of {name} changed.")


@main.group()
def voices() -> None:
    """The voices that read aloud here."""


@voices.command("list")
@click.pass_obj
def voices_list(app) -> None:
    """Every installed voice, then the voice that reads each language (under auto, measured)."""
    from reader.text.languages import LANGUAGES

    service = app.extensions["reader.speech"]
    for voice, name in sorted(service.voices.voices().items()):
        click.echo(f"{voice}\t{name}")
    click.echo("")
    for code, language in LANGUAGES.items():
        click.echo(f"{code}\t{service.voice_for(code) or '-'}\t{language.english_name}")
