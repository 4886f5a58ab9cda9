"""Background worker: the RQ worker that refreshes parcels, and the schedule and Track Alert steps."""
