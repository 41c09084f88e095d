"""The judge's dossier: one read combining evaluation, internships and quality (E-1)."""
