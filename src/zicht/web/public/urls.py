from django.urls import path, register_converter

from zicht.web.public import views


class Lang:
    regex = "nl|en"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class Kind:
    regex = "html|pdf"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(Lang, "lang")
register_converter(Kind, "kind")

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("monitor/", views.editions, name="editions"),
    path("monitor/<int:year>/", views.monitor, name="monitor"),
    path("monitor/<int:year>/<int:number>/<lang:lang>.<kind:kind>", views.edition_file, name="edition-file"),
    path("privacy/", views.privacy, name="privacy"),
]
