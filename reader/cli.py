"""The `reader` command: serve, seed, import, db, init-db, prune, feedback-export, user, voices."""

import json
import sys
from pathlib import Path

import click

from reader import PROJECT_ROOT, cli_jobs, create_app

SEEDS_DIR = PROJECT_ROOT / "seeds"


@click.group()
@click.pass_context
def main(ctx: click.Context) -> None:
    """reader: read articles, and listen to them."""
    # `reader db` shows and moves the schema itself: the app must not migrate on its own first.
    ctx.obj = create_app({"MIGRATE_ON_START": False} if ctx.invoked_subcommand == "db" else None)


def _session(app):
    return app.extensions["reader.db"]()


for command in cli_jobs.COMMANDS:  # worker, render
    main.add_command(command)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option(
    "--workers", type=int, default=None, help="Web worker processes (READER_WEB_WORKERS)."
)
@click.option("--threads", type=int, default=None, help="Threads per worker (READER_WEB_THREADS).")
@click.option(
    "--debug", is_flag=True, help="Flask's development server, with reloader and debugger."
)
@click.pass_obj
def serve(app, host: str, port: int, workers: int | None, threads: int | None, debug: bool) -> None:
    """Serve the app with gunicorn (restarting any worker that dies); --debug: Flask's own."""
    from reader import serving

    serving.configure_logging()
    click.echo(f"reader is serving on http://{host}:{port}/ (data in {app.config['DATA_DIR']})")
    if debug:
        serving.serve_debug(app, host, port)
        return
    workers = app.config["WEB_WORKERS"] if workers is None else workers
    threads = app.config["WEB_THREADS"] if threads is None else threads
    if workers < 1 or threads < 1:
        raise click.BadParameter("workers and threads must be at least 1")
    serving.serve(app, host, port, workers, threads)


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
            draft = importer.draft_from_url(str(path), app.config["MAX_CONTENT_LENGTH"])
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
    if created and app.config["RENDER_ON_IMPORT"]:
        click.echo(f"audio: {cli_jobs.render_one(app, article.id)}")
    return created


@main.command("init-db")
@click.pass_obj
def init_db(app) -> None:
    """Create the database tables, or bring them to the newest schema (as `db upgrade`)."""
    from reader.db import create_schema

    create_schema(app.extensions["reader.engine"])
    click.echo("Database ready.")


@main.group("db")
def db_group() -> None:
    """The database's schema: Alembic migrations (the app applies them when it starts, too)."""


@db_group.command("upgrade")
@click.argument("revision", default="head")
@click.pass_obj
def db_upgrade(app, revision: str) -> None:
    """Apply the migrations up to REVISION (default: the newest); rows are kept."""
    from reader.db import create_schema

    before, after = create_schema(app.extensions["reader.engine"], revision)
    if before == after:
        click.echo(f"Database already at {after}.")
    else:
        click.echo(f"Database upgraded from {before or 'release 0.1 or empty'} to {after}.")


@db_group.command("current")
@click.pass_obj
def db_current(app) -> None:
    """Print the database's revision, and whether it is the newest."""
    from reader import migrations

    revision = migrations.current(app.extensions["reader.engine"])
    state = "newest" if revision == migrations.head() else f"newest is {migrations.head()}"
    click.echo(f"{revision or 'none (empty, or release 0.1)'} ({state})")


@db_group.command("revision")
@click.argument("message")
def db_revision(message: str) -> None:
    """Write a new migration from what the models have that the migrations lack (for developers:
    read it, then commit it)."""
    from reader import migrations

    path = migrations.write_revision(message)
    click.echo(f"Wrote {path}")


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
    """Every voice by language (engine, quality, sample rate, size, licence), then the voice
    that reads each language (under auto, measured)."""
    from reader.speech import voice_store
    from reader.text.languages import LANGUAGES

    service = app.extensions["reader.speech"]
    service.voices.voices()  # listed once, in a subprocess where the engine loads native code
    for row in voice_store.rows(service.catalogs):
        size = f"{row.size / 1e6:.1f} MB" if row.size else "-"
        problem = f"\tCANNOT READ: {row.problem}" if row.problem else ""
        click.echo(
            f"{row.language}\t{row.voice}\t{row.name}\t{row.quality}\t"
            f"{row.sample_rate} Hz\t{size}\t{row.licence}{problem}"
        )
    click.echo("")
    for code, language in LANGUAGES.items():
        click.echo(f"{code}\t{service.voice_for(code) or '-'}\t{language.english_name}")


@voices.command("add")
@click.argument("source")
@click.option("--sha256", default=None, help="The model file's expected sha256.")
@click.pass_obj
def voices_add(app, source: str, sha256: str | None) -> None:
    """Install a Piper voice (NAME.onnx + NAME.onnx.json, a folder, an address, or a voice
    name such as fr_FR-siwis-medium) or a Kokoro voice pack (.npy/.bin)."""
    from reader.speech import voice_store

    with _DownloadBar() as progress:
        try:
            added = voice_store.add(source, app.config["VOICES_URL"], sha256, progress)
        except voice_store.VoiceStoreError as error:
            raise click.ClickException(str(error)) from error
    for voice in added:
        click.echo(f"added {voice.engine}:{voice.name} in {voice.files[0].parent}")
    click.echo("A running server reads with it within a minute (it rechecks the voices folder).")


@voices.command("remove")
@click.argument("name")
@click.pass_obj
def voices_remove(app, name: str) -> None:
    """Remove a voice added with `voices add` (by its name, e.g. fr_FR-siwis-medium)."""
    from reader.speech import voice_store

    try:
        removed = voice_store.remove(name)
    except voice_store.VoiceStoreError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"removed {name} ({len(removed)} file(s))")


class _DownloadBar:
    """A click progress bar that appears with the first downloaded bytes."""

    def __init__(self):
        self._bar = None

    def __enter__(self):
        return self.update

    def update(self, done: int, total: int | None) -> None:
        if self._bar is None:
            self._bar = click.progressbar(length=total or 0, label="downloading", file=sys.stderr)
            self._bar.__enter__()
            self._done = 0
        self._bar.update(done - self._done)
        self._done = done

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
