"""Card payment terminals (EDC) driven over their vendor's local ECR API."""
