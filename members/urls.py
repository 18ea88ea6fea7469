from django.contrib.auth import views as auth_views
from django.urls import path

from .forms import LoginForm

app_name = "members"

urlpatterns = [
    path(
        "anmelden/",
        auth_views.LoginView.as_view(
            template_name="members/login.html",
            authentication_form=LoginForm,
            # No redirect for logged-in users: Wagtail sends a logged-in non-member
            # from a members-only page here, and a redirect back would loop.
        ),
        name="login",
    ),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
]
