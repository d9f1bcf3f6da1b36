"""The WSGI application (gunicorn loads it through `zicht serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zicht.web.settings")
application = get_wsgi_application()
