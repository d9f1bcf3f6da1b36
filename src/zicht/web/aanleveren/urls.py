from django.urls import path, re_path

from zicht.web.aanleveren import views

app_name = "aanleveren"
urlpatterns = [
    path("", views.home, name="home"),
    re_path(
        r"^sjabloon/(?P<dataset>[a-z][a-z0-9-]*)\.(?P<fmt>csv|xlsx|schema\.json)$", views.template, name="template"
    ),
    path("levering/", views.upload, name="upload"),
    # Any hash reaches the view, so an unknown or expired one gets the page that says to upload again.
    path("controle/<str:file_hash>/", views.check, name="check"),
    path("controle/<str:file_hash>/bevindingen.csv", views.findings, name="findings"),
    path("controle/<str:file_hash>/bevestigen/", views.confirm, name="confirm"),
    path("controle/<str:file_hash>/weggooien/", views.discard, name="discard"),
    path("geschiedenis/<str:partner>/<str:dataset>/<int:year>/", views.history, name="history"),
    path("herstellen/<int:delivery_id>/", views.restore, name="restore"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/intrekken/", views.revoke_token, name="revoke-token"),
]
