"""The CPD & Training page: training events, ledgers, compliance."""
