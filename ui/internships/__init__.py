"""Internships pages: due list, plan, timeline."""
