from django.urls import path

from zicht.web.beheer import views

app_name = "beheer"
urlpatterns = [
    path("", views.home, name="home"),
]
