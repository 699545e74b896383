"""The job commands: `reader worker` (a Celery worker) and `reader render` (pre-render)."""

from datetime import UTC, datetime

import click


@click.command()
@click.option(
    "--concurrency", type=int, default=None, help="Worker processes (default: SPEECH_WORKERS)."
)
@click.option("--loglevel", default="INFO", show_default=True)
@click.pass_obj
def worker(app, concurrency: int | None, loglevel: str) -> None:
    """Synthesize speech for every server: a Celery worker on the job queue (Redis).

    Run it on any machine that sees the same database and audio cache (a shared folder).
    """
    from reader.speech.celery_jobs import configure_worker

    service = app.extensions["reader.speech"]
    if service.celery is None:
        raise click.ClickException(
            "the job backend is local: set READER_JOB_BACKEND=celery (and READER_REDIS_URL)"
        )
    workers = concurrency or max(app.config["SPEECH_WORKERS"], 1)
    config = service.config
    configure_worker(service.celery, config.cache_root, config.engine, config.model_dir, workers)
    service.celery.worker_main(
        [
            "worker",
            "--pool=prefork",  # a child per job: the hard time limit can kill it
            f"--concurrency={workers}",
            f"--loglevel={loglevel}",
            "--without-gossip",
            "--without-mingle",
        ]
    )


@click.command()
@click.option("--all", "everything", is_flag=True, help="Every article (required).")
@click.option("--lang", default=None, help="Only articles in this language.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only articles published on or after this day (YYYY-MM-DD, UTC).",
)
@click.pass_obj
def render(app, everything: bool, lang: str | None, since: datetime | None) -> None:
    """Pre-render articles' audio through the job backend, with a progress bar and a summary."""
    from reader.lexicon.entries import load_lexicon
    from reader.library import articles
    from reader.speech.prerender import prerender

    if not everything:
        raise click.UsageError("say which articles: --all [--lang L] [--since YYYY-MM-DD]")
    service = app.extensions["reader.speech"]
    with app.extensions["reader.db"]() as session:
        chosen = [
            article
            for article in articles.list_articles(session, lang)
            if since is None or _published_since(article, since)
        ]
        lexicon = load_lexicon(session)
        counts = {"rendered": 0, "cached": 0, "failed": 0}
        try:
            with click.progressbar(chosen, label="Rendering", show_pos=True) as bar:
                for article in bar:
                    counts[prerender(service, article, lexicon)] += 1
        finally:
            service.shutdown()
    click.echo(
        f"{len(chosen)} article(s): {counts['rendered']} rendered, "
        f"{counts['cached']} cached, {counts['failed']} failed"
    )
    if counts["failed"]:
        raise SystemExit(1)


def render_one(app, article_id: int) -> str:
    """Render one article and wait (a command's process ends after): its outcome."""
    from reader.lexicon.entries import load_lexicon
    from reader.library import articles
    from reader.speech.prerender import prerender

    with app.extensions["reader.db"]() as session:
        article = articles.get_article(session, article_id)
        return prerender(app.extensions["reader.speech"], article, load_lexicon(session))


def _published_since(article, since: datetime) -> bool:
    published = article.published_utc or article.created_at
    return published >= since.replace(tzinfo=UTC).replace(tzinfo=None)


COMMANDS = (worker, render)
