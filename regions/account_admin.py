"""Accounts per regio in the admin: the network's managers (the group "Beheer netwerk", the national
editors and superusers) invite a coordinator, a steering-group member or a school contact (tied to
one school or more of the region) in one form, change an
account's region and role, and deactivate it. Nothing here deletes an account, makes a superuser or
gives any group but the regional ones (`regions.accounts`)."""

import smtplib

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .accounts import (
    AccountRole,
    assign,
    manageable_accounts,
    membership_of,
    send_invitation,
    with_memberships,
)
from .models import Region, RegionalAccount, School
from .roles import SCHOOL_CONTACTS

MAIL_ERRORS = (smtplib.SMTPException, OSError)


class RegionalAccountPermissionPolicy(ModelPermissionPolicy):
    """Adding and changing only (an account is deactivated, never deleted), and only the accounts
    `manageable_accounts` holds, for everyone, superusers included."""

    def user_has_permission(self, user, action):
        return action in {"add", "change"} and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        accounts = self.instances_user_has_any_permission_for(user, actions)
        return accounts.filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return RegionalAccount.objects.none()
        return manageable_accounts()


def regions_with_roles():
    return Region.objects.filter(roles__isnull=False).order_by("name")


class SchoolChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, school):
        return f"{school.name}, {school.place} ({school.location_number})"


class AccountForm(WagtailAdminModelForm):
    """Name, e-mail address, region and role (and a school contact's schools); the groups follow
    from the region and role."""

    region = forms.ModelChoiceField(label=_("Arbeidsmarktregio"), queryset=regions_with_roles())
    role = forms.ChoiceField(label=_("Rol"), choices=AccountRole.choices, widget=forms.RadioSelect)
    schools = SchoolChoiceField(
        label=_("Scholen"),
        queryset=School.objects.active().select_related("municipality").order_by("name"),
        required=False,
        help_text=_("Alleen voor een schoolcontactpersoon: de school of scholen in de gekozen regio."),
    )

    class Meta:
        model = RegionalAccount
        fields = ["first_name", "last_name", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in AccountForm.Meta.fields:
            self.fields[name].required = True
        if self.instance.pk and (membership := membership_of(self.instance)):
            self.initial.update(region=membership.region, role=membership.role, schools=membership.schools)

    def clean(self):
        cleaned_data = super().clean()
        region, schools = cleaned_data.get("region"), cleaned_data.get("schools") or []
        if cleaned_data.get("role") == AccountRole.SCHOOL_CONTACT:
            if not schools:
                self.add_error("schools", _("Kies de school of scholen van de schoolcontactpersoon."))
            elif region is not None and any(school.municipality.region_id != region.pk for school in schools):
                self.add_error(
                    "schools",
                    _("Kies alleen scholen in de arbeidsmarktregio %(region)s.") % {"region": region},
                )
        return cleaned_data

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        username_length = get_user_model()._meta.get_field("username").max_length
        if len(email) > username_length:
            raise ValidationError(
                _("Een e-mailadres van ten hoogste %(length)s tekens, want het wordt de gebruikersnaam."),
                params={"length": username_length},
            )
        taken = get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        if taken.exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _(
                    "Er is al een account met dit e-mailadres. Is het gedeactiveerd, zet het dan "
                    "weer op actief in plaats van een nieuw te maken."
                )
            )
        return email

    def save(self, commit=True):
        """Saves whatever `commit` says: the groups need the account's row."""
        account = super().save(commit=False)
        old_email = self.initial.get("email") or ""
        # The e-mail address is the username of the accounts made here; it moves with the address.
        if not account.pk or account.get_username().lower() == old_email.lower():
            account.username = account.email
        if not account.pk:
            account.set_unusable_password()  # chosen by the invitee through the invitation link
        account.save()
        assign(account, self.cleaned_data["region"], self.cleaned_data["role"], self.cleaned_data["schools"])
        return account


class AccountEditForm(AccountForm):
    invite_again = forms.BooleanField(
        label=_("Uitnodiging opnieuw sturen"),
        required=False,
        help_text=_(
            "Voor wie nog geen wachtwoord koos: een nieuwe link, bijvoorbeeld omdat de vorige verlopen is."
        ),
    )

    field_order = [
        "first_name",
        "last_name",
        "email",
        "region",
        "role",
        "schools",
        "is_active",
        "invite_again",
    ]

    class Meta(AccountForm.Meta):
        fields = [*AccountForm.Meta.fields, "is_active"]
        labels = {"is_active": _("Actief")}
        help_texts = {
            "is_active": _(
                "Zet dit uit wanneer iemand vertrekt: het account kan dan niet meer inloggen en krijgt "
                "geen berichten meer. Het wordt niet verwijderd, dus wat het deed blijft in de "
                "geschiedenis staan."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.has_usable_password():
            del self.fields["invite_again"]


class InvitationMixin:
    """Sends the invitation once the account is saved; a mail server that fails leaves the account
    and says so, instead of an error page."""

    def invite(self, account):
        try:
            send_invitation(account, self.request.user)
        except MAIL_ERRORS:
            messages.warning(
                self.request,
                _(
                    "De uitnodiging aan %(email)s kon niet worden verstuurd: de mailserver is niet "
                    "bereikbaar. Stuur haar later opnieuw vanuit het account."
                )
                % {"email": account.email},
            )
            return False
        return True


class InviteView(InvitationMixin, generic.CreateView):
    page_title = _("Account uitnodigen")
    submit_button_label = _("Uitnodigen")
    submit_button_active_label = _("Uitnodigen…")

    def save_action(self):
        if self.invite(self.object):
            return super().save_action()
        return redirect(self.get_edit_url())

    def get_success_message(self, instance):
        return _("%(account)s is uitgenodigd: de uitnodiging is verstuurd naar %(email)s.") % {
            "account": instance,
            "email": instance.email,
        }


class ManageableAccountsOnly:
    """A view of one account finds only the accounts the user may change (others are not found)."""

    def changeable_accounts(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")


class AccountEditView(ManageableAccountsOnly, InvitationMixin, generic.EditView):
    def get_queryset(self):
        return self.changeable_accounts()

    def save_action(self):
        invite_again = self.form.cleaned_data.get("invite_again") and self.object.is_active
        if invite_again and self.invite(self.object):
            messages.success(
                self.request, _("Nieuwe uitnodiging verstuurd naar %(email)s.") % {"email": self.object.email}
            )
        return super().save_action()

    def get_success_message(self):
        if not self.object.is_active:
            return _("%(account)s is gedeactiveerd.") % {"account": self.object}
        return _("%(account)s is opgeslagen.") % {"account": self.object}


class AccountHistoryView(ManageableAccountsOnly, generic.HistoryView):
    def get_base_object_queryset(self):
        return self.changeable_accounts()


class AccountIndexView(generic.IndexView):
    add_item_label = _("Account uitnodigen")

    def get_base_queryset(self):
        accounts = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["add", "change"]
        )
        return with_memberships(accounts)


class AccountFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("Arbeidsmarktregio"), queryset=regions_with_roles(), method="filter_region"
    )
    role = django_filters.ChoiceFilter(label=_("Rol"), choices=AccountRole.choices, method="filter_role")
    is_active = django_filters.BooleanFilter(label=_("Actief"))

    class Meta:
        model = RegionalAccount
        fields = ["region", "role", "is_active"]

    def filter_region(self, accounts, name, region):
        return accounts.filter(
            Q(groups__coordinated_region__region=region)
            | Q(groups__steered_region__region=region)
            | Q(groups__name=SCHOOL_CONTACTS, school_contact__schools__municipality__region=region)
        ).distinct()

    def filter_role(self, accounts, name, role):
        if role == AccountRole.COORDINATOR:
            return accounts.filter(groups__coordinated_region__isnull=False).distinct()
        if role == AccountRole.SCHOOL_CONTACT:
            return accounts.filter(groups__name=SCHOOL_CONTACTS).distinct()
        return accounts.filter(groups__steered_region__isnull=False).distinct()


def region_of(account):
    membership = membership_of(account)
    return membership.region if membership else None


def role_of(account):
    membership = membership_of(account)
    return membership.role.label if membership else None


def account_status(account):
    if not account.is_active:
        return _("Gedeactiveerd")
    if not account.has_usable_password():
        return _("Uitgenodigd")
    return _("Actief")


class RegionalAccountViewSet(ModelViewSet):
    model = RegionalAccount
    name = "regional_accounts"
    icon = "user"
    menu_label = _("Accounts per regio")
    menu_order = 350
    add_to_admin_menu = True
    url_prefix = "accounts-per-regio"
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = AccountIndexView
    add_view_class = InviteView
    edit_view_class = AccountEditView
    history_view_class = AccountHistoryView
    filterset_class = AccountFilterSet
    list_display = [
        "__str__",
        "email",
        Column("region", label=_("Arbeidsmarktregio"), accessor=region_of),
        Column("role", label=_("Rol"), accessor=role_of),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=account_status,
            primary=lambda account: account.is_active,
        ),
        DateColumn("last_login", label=_("Laatst ingelogd"), sort_key="last_login"),
    ]
    search_fields = ["first_name", "last_name", "email", "username"]
    search_backend_name = None
    ordering = ["last_name", "first_name"]

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(delete_url_name=None, usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        # No delete view (accounts of people who left are deactivated) and no usage view (nothing
        # refers to an account through the reference index).
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in {"delete", "usage"}]
