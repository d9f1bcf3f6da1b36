"""The site's routes (spec/web.md): Dutch paths; the language switch changes the language, not the path."""

from django.urls import include, path

from zicht.web import views

urlpatterns = [
    path("", include("zicht.web.public.urls")),
    path("accounts/", include("zicht.web.accounts.urls")),
    path("aanleveren/", include("zicht.web.aanleveren.urls")),
    path("beheer/", include("zicht.web.beheer.urls")),
    path("api/v1/", include("zicht.web.api.urls")),
    path("meldroutekaart/", include("zicht.web.meldroutekaart.urls")),
    path("actieplan/", include("zicht.web.actieplan.urls")),
    path("uitleen/", include("zicht.web.uitleen.urls")),
    path("landelijk/", include("zicht.web.landelijk.urls")),
    path("taal/<str:code>/", views.set_language, name="language"),
    path("healthz", views.healthz, name="healthz"),
]

handler400 = "zicht.web.errors.bad_request"
handler403 = "zicht.web.errors.forbidden"
handler404 = "zicht.web.errors.not_found"
handler500 = "zicht.web.errors.server_error"
