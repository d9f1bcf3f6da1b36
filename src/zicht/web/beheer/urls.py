from django.urls import path, register_converter

from zicht.web.beheer import accounts, audit, views


class Edition:
    """The two versions of the monitor: the analyst's (unsuppressed) and the public one."""

    regex = "analist|openbaar"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class Lang:
    regex = "nl|en"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(Edition, "beheer_edition")
register_converter(Lang, "beheer_lang")

app_name = "beheer"
urlpatterns = [
    path("", views.home, name="home"),
    path("teksten/<int:year>/", views.texts, name="texts"),
    path("teksten/<int:year>/<str:section>/", views.text, name="text"),
    path("voorbeeld/<int:year>/", views.preview, name="preview"),
    path(
        "voorbeeld/<int:year>/<beheer_edition:edition>/<beheer_lang:lang>/",
        views.preview_document,
        name="preview-document",
    ),
    path("publiceren/<int:year>/", views.publish, name="publish"),
    path("edities/", views.editions, name="editions"),
    path("accounts/", accounts.account_list, name="accounts"),
    path("nieuw-account/", accounts.account_new, name="account-new"),
    path("accounts/<str:username>/", accounts.account_detail, name="account"),
    path("audit/", audit.audit_log, name="audit"),
    path("audit/export.csv", audit.audit_csv, name="audit-csv"),
]
