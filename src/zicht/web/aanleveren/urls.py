from django.urls import path

from zicht.web.aanleveren import views

app_name = "aanleveren"
urlpatterns = [
    path("", views.home, name="home"),
]
