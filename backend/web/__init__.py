"""HTTP entry points: blueprints, error envelope, request logging."""
