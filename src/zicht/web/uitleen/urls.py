from django.urls import path

from zicht.web.uitleen import views

app_name = "uitleen"
urlpatterns = [
    path("", views.home, name="home"),
    path("materiaal/<slug:item>/", views.material, name="material"),
    path("materiaal/<slug:item>/bewerken/", views.material_edit, name="material-edit"),
    path("reserveren/", views.reserve, name="reserve"),
    path("reserveringen/", views.mine, name="mine"),
    path("reserveringen/<int:request_id>/", views.request_detail, name="request"),
    path("beheer/", views.desk, name="desk"),
    path("uitleningen/<int:year>/<str:loan_ref>/", views.loan, name="loan"),
]
