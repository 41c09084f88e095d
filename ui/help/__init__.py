"""The user guide (kk, ru), its window opened by F1, and the screenshots it shows."""
