"""Audio: PCM helpers, the formats served (Ogg/Opus, MP3), their codecs and their tags."""
