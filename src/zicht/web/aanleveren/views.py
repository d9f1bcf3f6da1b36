from django.shortcuts import render

from zicht import access
from zicht.web.actors import page


@page(access.can_use_portal)
def home(request, actor):
    return render(request, "aanleveren/home.html", {})
