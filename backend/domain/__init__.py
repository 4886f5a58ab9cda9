"""Pure data and rules: numbers, statuses, the shipment model, advice."""
