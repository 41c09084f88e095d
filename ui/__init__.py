"""Qt widgets of Tälimger: windows, views, forms and dialogs over the app services."""
