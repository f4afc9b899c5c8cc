"""Front-end views of the learning app: they work without JavaScript (plain forms)."""
