"""The exchange screen: this PC, its peers, packages sent and received."""
