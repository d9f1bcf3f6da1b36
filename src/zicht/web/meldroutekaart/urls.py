from django.urls import path, re_path

from zicht.web.meldroutekaart import views

app_name = "meldroutekaart"
urlpatterns = [
    path("", views.home, name="home"),
    path("vragen/", views.check, name="check"),
    path("signalen/", views.signals, name="signals"),
    path("signalen/<slug:vorm>/", views.form, name="form"),
    re_path(r"^meldroutekaart-(?P<lang>nl|en)\.pdf$", views.pdf, name="pdf"),
    path("embed/", views.embed, name="embed"),
    path("voor-gemeenten/", views.share, name="share"),
]
