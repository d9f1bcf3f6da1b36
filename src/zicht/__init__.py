"""zicht: regional human-trafficking monitors, from partner deliveries to the annual monitor."""

__version__ = "0.1.0"
