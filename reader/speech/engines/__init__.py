"""Speech engines: the interface, espeak-ng through pyttsx3, a silent one, and the registry."""
