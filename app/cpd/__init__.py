"""CPD: rule sets, ledger, compliance and the individual report (C-1…C-9, T-1)."""
