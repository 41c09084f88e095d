"""Exchange packages between offline PCs: district courts and the regional training centre."""
