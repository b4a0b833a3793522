"""JCM ID-003 bill acceptors (JCM and the many units that speak it), polled with STATUS REQUEST."""
