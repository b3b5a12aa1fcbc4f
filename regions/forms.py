"""Admin forms for the pages under a region page: their items offer only the regional plans,
bottlenecks and schools of the page's own region, and a region has one annual plan per year. The
school form offers a coordinator only the municipalities of the regions they coordinate."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel


class RegionalPageForm(WagtailAdminPageForm):
    """The form of a page that sits under a region page."""

    def __init__(self, *args, parent_page=None, **kwargs):
        # Read by the child forms (see RegionScopedInlinePanel) while the formsets are built.
        self.region_page = parent_page
        super().__init__(*args, parent_page=parent_page, **kwargs)


class AnnualPlanPageForm(RegionalPageForm):
    def clean(self):
        from regions.models.plans import check_year_is_free

        cleaned_data = super().clean()
        if self.parent_page is not None and cleaned_data.get("year"):
            try:
                check_year_is_free(self.parent_page, cleaned_data["year"], self.instance)
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned_data


class ProgressReportPageForm(WagtailAdminPageForm):
    """A new progress report starts with the quarter and the actions of its plan filled in."""

    def __init__(self, data=None, files=None, parent_page=None, *args, instance=None, **kwargs):
        from regions.models import AnnualPlanPage, ProgressReportPage

        plan = parent_page.specific if parent_page is not None else None
        if data is None and instance is not None and instance.pk is None and isinstance(plan, AnnualPlanPage):
            prefilled = ProgressReportPage.prefilled_for(plan)
            instance.title = prefilled.title
            instance.quarter = prefilled.quarter
            instance.action_lines = prefilled.action_lines.all()
        super().__init__(data, files, parent_page, *args, instance=instance, **kwargs)


class RegionScopedChildForm(WagtailAdminModelForm):
    """A child form whose choices of regional plans, bottlenecks and schools come from the region
    of the region page the page sits under."""

    def __init__(self, *args, region_page=None, **kwargs):
        from regions.models import Bottleneck, RegionalPlan, School

        super().__init__(*args, **kwargs)
        if region_page is None:
            return
        scoped = {
            "regional_plan": RegionalPlan.objects.filter(page__path__startswith=region_page.path),
            "bottlenecks": Bottleneck.objects.filter(page__path__startswith=region_page.path),
            "schools": School.objects.filter(municipality__region=region_page.specific.region_id),
        }
        for name, queryset in scoped.items():
            if name in self.fields:
                self.fields[name].queryset = queryset


class RegionScopedInlinePanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset["form"] = RegionScopedChildForm
        formset["inherit_kwargs"] = ["region_page"]
        return options


class SchoolForm(WagtailAdminModelForm):
    """The schools admin's form. A school's municipality decides its region, and with it which
    coordinator keeps it and whose caseload it counts in: a coordinator chooses only among the
    municipalities of the regions they coordinate, national editors and superusers among all.
    A posted municipality outside the choices is refused as an invalid choice."""

    def __init__(self, *args, **kwargs):
        from wagtail.permissions import policy_registry

        from regions.models import School

        super().__init__(*args, **kwargs)
        field = self.fields.get("municipality")
        if field is None or self.for_user is None:
            return
        action = "add" if self.instance._state.adding else "change"
        field.queryset = policy_registry.get_by_type(School).municipalities_for(self.for_user, action)
        field.error_messages["invalid_choice"] = _(
            "Kies een gemeente in een arbeidsmarktregio die u coördineert."
        )
