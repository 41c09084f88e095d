"""Training events, registration and attendance."""
