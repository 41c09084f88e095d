"""Training events, registration, attendance, needs survey and the yearly plan (T-2…T-5)."""
