from django.urls import path, register_converter

from zicht.web.public import dashboard, views


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


class ChartKind:
    regex = "json|csv|svg"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(Lang, "lang")
register_converter(Kind, "kind")
register_converter(ChartKind, "chartkind")

app_name = "public"
urlpatterns = [
    path("", dashboard.home, name="home"),
    path(
        "grafiek/<int:year>/<int:number>/<lang:lang>/<slug:chart>.<chartkind:fmt>",
        dashboard.chart_file,
        name="chart-file",
    ),
    path("gemeente/", dashboard.municipalities, name="municipalities"),
    path("gemeente/<slug:gemeente>/", dashboard.municipality, name="municipality"),
    path("open-data/", dashboard.open_data, name="open-data"),
    path("open-data/<int:year>/<int:number>/datapackage.json", dashboard.datapackage, name="datapackage"),
    path("open-data/<int:year>/<int:number>/<slug:resource>.csv", dashboard.open_data_file, name="open-data-file"),
    path("monitor/", views.editions, name="editions"),
    path("monitor/<int:year>/", views.monitor, name="monitor"),
    path("monitor/<int:year>/<int:number>/<lang:lang>.<kind:kind>", views.edition_file, name="edition-file"),
    path("privacy/", views.privacy, name="privacy"),
]
