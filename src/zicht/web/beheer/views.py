from django.shortcuts import render

from zicht import access
from zicht.web.actors import page


@page(access.can_use_desk)
def home(request, actor):
    return render(request, "beheer/home.html", {})
