"""Inzendingen van scholen in the admin: the coordinator lists what the schools of their region
submitted (others' are not found) and accepts a point onto the photo or rejects it with a reason;
national editors see every region's."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import submissions
from .models import Region, SchoolSubmission, SubmissionStatus

ACCEPT, REJECT = "accepteren", "afwijzen"


class ReviewForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[(ACCEPT, _("Accepteren: op de arbeidsmarktregio-foto")), (REJECT, _("Afwijzen"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = SchoolSubmission
        fields = ["rejection_reason"]
        help_texts = {"rejection_reason": _("Verplicht bij afwijzen; de school krijgt de reden per e-mail.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.is_pending:
            for field in self.fields.values():
                field.disabled = True
                field.required = False

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.is_pending:
            raise ValidationError(_("Deze inzending is al beoordeeld."))
        decision = cleaned_data.get("decision")
        if decision == REJECT and not (cleaned_data.get("rejection_reason") or "").strip():
            self.add_error(
                "rejection_reason", _("Geef de school een reden waarom het punt niet op de foto komt.")
            )
        if decision == ACCEPT and submissions.photo_of(self.instance.region_id) is None:
            raise ValidationError(
                _("%(region)s heeft nog geen arbeidsmarktregio-foto: maak die eerst.")
                % {"region": self.instance.region}
            )
        return cleaned_data


class ReviewView(generic.EditView):
    submit_button_label = _("Besluit opslaan")

    def get_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")

    def save_instance(self):
        submission = self.form.instance
        self.published = False
        if self.form.cleaned_data["decision"] == ACCEPT:
            self.published = submissions.accept(submission, self.request.user)
        else:
            submissions.reject(submission, self.request.user, self.form.cleaned_data["rejection_reason"])
        return submission

    def get_success_message(self):
        if self.object.status == SubmissionStatus.REJECTED:
            return _("“%(title)s” is afgewezen; de school krijgt de reden per e-mail.") % {
                "title": self.object
            }
        if self.published:
            return _("“%(title)s” staat nu op de arbeidsmarktregio-foto.") % {"title": self.object}
        return _(
            "“%(title)s” is toegevoegd aan het concept van de arbeidsmarktregio-foto, dat nog "
            "niet-gepubliceerde wijzigingen had: publiceer de foto om het te tonen."
        ) % {"title": self.object}

    def get_success_buttons(self):
        return []

    def form_invalid(self, form):
        for error in form.non_field_errors():
            messages.error(self.request, error)
        return super().form_invalid(form)


class SubmissionIndexView(generic.IndexView):
    def get_base_queryset(self):
        submissions = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change"]
        )
        return submissions.select_related("school", "region", "theme")


class SubmissionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SubmissionStatus.choices)
    region = django_filters.ModelChoiceFilter(label=_("Arbeidsmarktregio"), queryset=Region.objects.all())

    class Meta:
        model = SchoolSubmission
        fields = ["status", "region"]


class SchoolSubmissionViewSet(ModelViewSet):
    model = SchoolSubmission
    name = "school_submissions"
    icon = "help"
    menu_label = _("Inzendingen van scholen")
    menu_order = 310
    add_to_admin_menu = True
    url_prefix = "inzendingen-scholen"
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = SubmissionIndexView
    edit_view_class = ReviewView
    filterset_class = SubmissionFilterSet
    list_display = [
        "title",
        Column("school", label=_("School"), accessor="school.name"),
        Column("region", label=_("Arbeidsmarktregio"), accessor="region"),
        Column("kind", label=_("Soort"), accessor="get_kind_display"),
        Column("theme", label=_("Thema"), accessor="theme"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda submission: submission.is_pending,
        ),
        DateColumn("submitted_at", label=_("Ingediend op"), sort_key="submitted_at"),
    ]
    search_fields = ["title", "text", "school__name"]
    search_backend_name = None
    ordering = ["-submitted_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("school", read_only=True), FieldPanel("kind", read_only=True)]),
                    FieldPanel("theme", read_only=True),
                    FieldPanel("title", read_only=True),
                    FieldPanel("text", read_only=True),
                    FieldRowPanel(
                        [
                            FieldPanel("submitted_by", read_only=True),
                            FieldPanel("submitted_at", read_only=True),
                        ]
                    ),
                ],
                heading=_("Inzending"),
            ),
            FieldPanel("decision"),
            FieldPanel("rejection_reason"),
        ],
        base_form_class=ReviewForm,
    )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None, delete_url_name=None, usage_url_name=None, **kwargs
        )

    def get_urlpatterns(self):
        # No adding (schools submit on the site) and no deleting (the history stays).
        return [
            pattern for pattern in super().get_urlpatterns() if pattern.name not in {"add", "delete", "usage"}
        ]
