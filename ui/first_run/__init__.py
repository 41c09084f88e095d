"""The first start: centre and language, login mode, then an empty store or a separate demo."""
