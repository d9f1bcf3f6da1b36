"""The use cases of zicht: what a person can do, as verb-named functions that take an `Actor`.

The command line and the web application (pages and API) parse input, call one of these, and present
the result; neither holds orchestration of its own. Each use case asks `zicht.access` whether the
actor may do it, does it in one transaction where it writes, and records the actor in the audit log.

- deliveries: `deliver`, `check_upload`, `confirm_upload`, `restore`, `deliveries_for`, `history`
- the monitor: `compute_year`, `render_report`, `preview_report`, `estimate_year`, `set_text`,
  `completeness`
- publication: `publish`, `editions`, `edition`, `edition_file`
- accounts: `add_user`, `list_users`, `disable_user`, `reset_user`, `actor_for_user`, `create_token`,
  `revoke_token`, `tokens_for`, `actor_for_token`
- the demo: `load_demo`

Importing this package sets Django up (storage); the core (`zicht.schema`, `zicht.indicators`, ...)
stays free of it.
"""

from __future__ import annotations

from zicht.access import Actor, NotAllowed
from zicht.services.errors import NotFound, Refused

__all__ = ["Actor", "NotAllowed", "NotFound", "Refused"]
