"""The school contacts' part of the site: signing in (no admin), choosing the password from the
invitation, and the form for submitting a knelpunt or ontwikkelpunt with the list of what the
contact's schools submitted and what became of it. A school contact sees only its own schools'
submissions, and no page that is not published."""

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from themes.models import Theme

from . import submissions
from .models import SchoolContact, SchoolSubmission


class SchoolLoginView(auth_views.LoginView):
    template_name = "regions/school/login.html"

    def get_default_redirect_url(self):
        return reverse("school_submit")


class SchoolLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("school_login")


class SchoolPasswordSetView(auth_views.PasswordResetConfirmView):
    """The invitation's link: the school contact chooses a password, then signs in."""

    template_name = "regions/school/password_set.html"
    success_url = reverse_lazy("school_login")

    def form_valid(self, form):
        messages.success(self.request, _("Uw wachtwoord is ingesteld. U kunt nu inloggen."))
        return super().form_valid(form)


class SubmissionForm(forms.ModelForm):
    class Meta:
        model = SchoolSubmission
        fields = ["school", "kind", "theme", "title", "text"]
        widgets = {"kind": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 5, "maxlength": 2000})}
        help_texts = {
            "title": _("In een paar woorden, bijvoorbeeld: te weinig stageplekken in de zorg."),
            "text": _(
                "Wat loopt er vast of wat kan beter, en bij welke leerlingen? Ten hoogste 2000 tekens."
            ),
        }

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.fields["school"].empty_label = None
        self.fields["theme"].queryset = Theme.objects.order_by("order")


@never_cache
@login_required(login_url=reverse_lazy("school_login"))
def submit(request):
    contact = SchoolContact.objects.filter(account=request.user).first()
    if contact is None:
        raise PermissionDenied(_("Dit formulier is voor schoolcontactpersonen."))
    schools = contact.schools.select_related("municipality__region").order_by("name")
    form = SubmissionForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        submission = form.save(commit=False)
        submission.submitted_by = request.user
        submission.save()
        submissions.announce(submission)
        messages.success(
            request,
            _(
                "Dank u. De netwerkcoördinator van %(region)s beoordeelt uw punt; u hoort per e-mail of "
                "het op de arbeidsmarktregio-foto komt."
            )
            % {"region": submission.region},
        )
        return redirect("school_submit")
    own = SchoolSubmission.objects.filter(school__in=schools).select_related("school", "theme")
    return TemplateResponse(
        request, "regions/school/submit.html", {"form": form, "schools": schools, "submissions": own}
    )
