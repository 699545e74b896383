"""reader: a self-hosted, multilingual reading app that reads articles aloud."""
