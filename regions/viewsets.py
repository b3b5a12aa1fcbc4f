"""The schools in the admin: a snippet listing filterable by region, type and active flag."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import SchoolForm
from .models import Region, School, SchoolType
from .permissions import InstancePermissionDeleteView, InstancePermissionEditView


class SchoolFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("Arbeidsmarktregio"),
        field_name="municipality__region",
        queryset=Region.objects.all(),
    )
    school_type = django_filters.ChoiceFilter(label=_("Schoolsoort"), choices=SchoolType.choices)
    active = django_filters.BooleanFilter(label=_("Actief"))

    class Meta:
        model = School
        fields = ["region", "school_type", "active"]


class SchoolViewSet(SnippetViewSet):
    model = School
    icon = "home"
    menu_label = _("Scholen")
    menu_order = 300
    add_to_admin_menu = True
    filterset_class = SchoolFilterSet
    list_display = [
        "name",
        "location_number",
        "school_type",
        "place",
        Column(
            "region",
            label=_("Arbeidsmarktregio"),
            accessor="municipality.region",
            sort_key="municipality__region__name",
        ),
        Column(
            "active",
            label=_("Actief"),
            accessor=lambda school: _("Ja") if school.active else _("Nee"),
            sort_key="active",
        ),
    ]
    list_export = [
        "location_number",
        "brin",
        "name",
        "school_type",
        "address",
        "postcode",
        "place",
        "municipality",
        "region",
        "website",
        "phone",
        "active",
    ]
    export_filename = "scholen"
    # Imports write in bulk, past the search index; the admin searches the table itself.
    search_fields = ["name", "location_number", "place"]
    search_backend_name = None
    ordering = ["name"]
    # SchoolForm offers a coordinator only the municipalities of their own region.
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("brin"), FieldPanel("location_number")]),
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("school_type"), FieldPanel("active")]),
            MultiFieldPanel(
                [
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("postcode"), FieldPanel("place")]),
                    FieldPanel("municipality"),
                ],
                heading=_("Adres"),
            ),
            FieldRowPanel([FieldPanel("website"), FieldPanel("phone")]),
        ],
        base_form_class=SchoolForm,
    )

    # A coordinator lists, edits and deletes only the schools of their own region (bulk deletion
    # checks each school through the permission policy itself).
    edit_view_class = InstancePermissionEditView
    delete_view_class = InstancePermissionDeleteView

    def get_queryset(self, request):
        schools = policy_registry.get_by_type(School).instances_user_has_any_permission_for(
            request.user, {"view", "change"}
        )
        return schools.select_related("municipality__region")
