from django.urls import path

from zicht.web.landelijk import views

app_name = "landelijk"
urlpatterns = [
    path("", views.home, name="home"),
    path("landelijk-beeld.csv", views.table, name="csv"),
]
