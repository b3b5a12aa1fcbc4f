"""The school contacts' pages on the site (regions.school_views); include under a path of your
choice, e.g. `path("school/", include("regions.urls"))`."""

from django.urls import path

from . import school_views

urlpatterns = [
    path("inloggen/", school_views.SchoolLoginView.as_view(), name="school_login"),
    path("uitloggen/", school_views.SchoolLogoutView.as_view(), name="school_logout"),
    path(
        "wachtwoord/<uidb64>/<token>/",
        school_views.SchoolPasswordSetView.as_view(),
        name="school_password_set",
    ),
    path("melden/", school_views.submit, name="school_submit"),
]
