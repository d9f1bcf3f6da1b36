"""Storage: the Django app that holds deliveries, their records, narrative texts and the audit log.

Everything that writes goes through `zicht.storage.api`.
"""
