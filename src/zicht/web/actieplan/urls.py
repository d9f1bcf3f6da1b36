from django.urls import path

from zicht.web.actieplan import views

app_name = "actieplan"
urlpatterns = [
    path("", views.home, name="home"),
    path("acties/<int:year>/", views.actions, name="actions"),
    path("acties/<int:year>/nieuw/", views.action, name="action-new"),
    path("acties/<int:year>/<str:action_ref>/", views.action, name="action"),
    path("initiatieven/<int:year>/", views.initiatives, name="initiatives"),
    path("initiatieven/<int:year>/nieuw/", views.initiative, name="initiative-new"),
    path("initiatieven/<int:year>/<str:initiative_ref>/", views.initiative, name="initiative"),
]
