from django.urls import path  # noqa: F401 - the area's routes come with its views

app_name = "meldroutekaart"
urlpatterns: list = []
