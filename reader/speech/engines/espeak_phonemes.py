"""espeak-ng's phonemes for a text: the one way reader asks espeak-ng for them."""

import subprocess

from reader.speech.engines.base import SynthesisFailed


class EspeakPhonemesFailed(SynthesisFailed):
    """espeak-ng is missing, or it ran and gave no phonemes; the message says which."""


def phonemize_with_espeak(
    text: str,
    voice: str,
    *,
    ipa: bool = False,
    tie: str = "",
    by_line: bool = False,
    timeout: float = 30,
) -> str:
    """What espeak-ng prints for the text in the voice: its mnemonics (`-x`), or IPA.

    Each clause it reads stands on a line of its own. `tie`: the character IPA joins a
    phoneme's letters with (Kokoro's `^`). `by_line`: each line of the text is read on its
    own, one line out per line in (espeak-ng reads stdin so); otherwise a new line is a space.
    """
    command = ["espeak-ng", "-q", "--ipa" if ipa else "-x", "-v", voice]
    if tie:
        command.append(f"--tie={tie}")
    if not by_line:
        command += ["--", text]  # "--": a text starting with "-" is read, not taken for an option
    try:
        done = subprocess.run(
            command,
            input=text if by_line else None,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except FileNotFoundError as error:
        raise EspeakPhonemesFailed("espeak-ng is not installed (not found on PATH)") from error
    except subprocess.CalledProcessError as error:
        reason = (error.stderr or "").strip() or f"exit status {error.returncode}"
        raise EspeakPhonemesFailed(
            f"espeak-ng gave no phonemes for voice {voice}: {reason}"
        ) from error
    except subprocess.TimeoutExpired as error:
        raise EspeakPhonemesFailed(f"espeak-ng took longer than {timeout} s") from error
    except OSError as error:
        raise EspeakPhonemesFailed(f"espeak-ng could not run: {error}") from error
    return done.stdout
