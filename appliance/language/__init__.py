"""Korean language: understanding (intents and slots) and speech normalisation (numbers, dates, times)."""
