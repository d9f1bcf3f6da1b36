"""The API's routes (spec/web.md): paths exactly as the contract names them, without a trailing slash."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from zicht.web.api import docs, views

app_name = "api"
urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(custom_settings=docs.DOCUMENT), name="openapi"),
    path("indicators", views.IndicatorsView.as_view(), name="indicators"),
    path("editions", views.EditionsView.as_view(), name="editions"),
    path("deliveries", views.DeliveriesView.as_view(), name="deliveries"),
]
