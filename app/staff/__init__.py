"""Court staff: adaptation and tutoring (S-1) and civil servants' internships (S-2)."""
