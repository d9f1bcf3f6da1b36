from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

app_name = "api"
urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
]
