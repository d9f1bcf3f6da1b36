from django.urls import path

from zicht.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("tweede-factor/", views.second_factor, name="second-factor"),
    path("tweede-factor/instellen/", views.enrol, name="enrol"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("wachtwoord/", views.password_change, name="password-change"),
]
