"""The accounts of a region's people: which region and role an account holds (the groups follow
from them), which accounts the network's managers may manage, and the invitation that lets a new
account choose its password (README, "Regions: photo, annual plan, roles")."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_admin_base_url

from .models import Region, RegionalAccount, RegionRoles, School, SchoolContact
from .roles import NETWORK, SCHOOL_CONTACTS


class AccountRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coördinator")
    STEERING_GROUP = "stuurgroep", _("Lid van de stuurgroep")
    SCHOOL_CONTACT = "school", _("Schoolcontactpersoon")


@dataclass(frozen=True)
class Membership:
    region: Region
    role: AccountRole
    schools: list = field(default_factory=list)  # of a school contact


def role_groups():
    """Every region's coordinator and steering group, and the school contacts."""
    return Group.objects.filter(
        Q(coordinated_region__isnull=False) | Q(steered_region__isnull=False) | Q(name=SCHOOL_CONTACTS)
    )


def regional_groups():
    """The groups an account managed here may hold: the role groups and the coordinators' network."""
    return Group.objects.filter(Q(pk__in=role_groups()) | Q(name=NETWORK))


def manageable_accounts():
    """The accounts that hold a regional role and nothing more: no other group, no permission of
    their own, no superuser or staff flag. The network's managers may change these and no others,
    so they can never reach an account with national rights (or their own)."""
    memberships = RegionalAccount.groups.through.objects.filter(user=OuterRef("pk"))
    permissions = RegionalAccount.user_permissions.through.objects.filter(user=OuterRef("pk"))
    return (
        RegionalAccount.objects.filter(is_superuser=False, is_staff=False)
        .filter(Exists(memberships.filter(group__in=role_groups())))
        .exclude(Exists(memberships.exclude(group__in=regional_groups())))
        .exclude(Exists(permissions))
    )


def with_memberships(accounts):
    """`accounts` with what `membership_of` reads fetched in one more query."""
    groups = Group.objects.select_related("coordinated_region__region", "steered_region__region")
    schools = School.objects.select_related("municipality__region")
    return accounts.prefetch_related(
        Prefetch("groups", queryset=groups), Prefetch("school_contact__schools", queryset=schools)
    )


def schools_of(account):
    """The schools a school contact's account is tied to."""
    try:
        return list(account.school_contact.schools.all())
    except SchoolContact.DoesNotExist:
        return []


def membership_of(account):
    """The account's region and role, or None."""
    for group in account.groups.all():
        if roles := getattr(group, "coordinated_region", None):
            return Membership(roles.region, AccountRole.COORDINATOR)
        if roles := getattr(group, "steered_region", None):
            return Membership(roles.region, AccountRole.STEERING_GROUP)
        if group.name == SCHOOL_CONTACTS and (schools := schools_of(account)):
            return Membership(schools[0].municipality.region, AccountRole.SCHOOL_CONTACT, schools)
    return None


def assign(account, region, role, schools=()):
    """Give `account` `role` in `region` and no other regional group: a coordinator joins the
    region's coordinators and the coordinators' network, a steering-group member the steering group,
    a school contact the school contacts, tied to `schools` (of `region`)."""
    roles = RegionRoles.objects.select_related("coordinators", "steering_group").get(region=region)
    if role == AccountRole.COORDINATOR:
        groups = [roles.coordinators, Group.objects.get(name=NETWORK)]
    elif role == AccountRole.STEERING_GROUP:
        groups = [roles.steering_group]
    else:
        groups = [Group.objects.get(name=SCHOOL_CONTACTS)]
    account.groups.remove(*regional_groups())
    account.groups.add(*groups)
    if role == AccountRole.SCHOOL_CONTACT:
        contact, _created = SchoolContact.objects.get_or_create(account=account)
        contact.schools.set(schools)
    else:
        SchoolContact.objects.filter(account=account).delete()


def invitation_link(account, membership=None):
    """An absolute link on WAGTAILADMIN_BASE_URL to the page for choosing a new password (the
    admin's, or the site's for a school contact), with Django's password-reset token: valid for
    PASSWORD_RESET_TIMEOUT, used once."""
    for_school = membership is not None and membership.role == AccountRole.SCHOOL_CONTACT
    path = reverse(
        "school_password_set" if for_school else "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(account.pk)),
            "token": default_token_generator.make_token(account),
        },
    )
    return get_admin_base_url() + path


def send_invitation(account, inviter):
    """Mail `account` the link to choose its password. Raises what the mail server raises."""
    membership = membership_of(account)
    for_school = membership is not None and membership.role == AccountRole.SCHOOL_CONTACT
    context = {
        "account": account,
        "inviter": inviter.get_full_name() or inviter.get_username(),
        "membership": membership,
        "school_names": ", ".join(school.name for school in membership.schools) if membership else "",
        "link": invitation_link(account, membership),
        "valid_until": timezone.localtime() + datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT),
        "login_url": get_admin_base_url() + reverse("school_login" if for_school else "wagtailadmin_login"),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "second_factor": getattr(settings, "WAGTAIL_2FA_REQUIRED", False) and not for_school,
    }
    # The invitee has no language of their own yet: the site's.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("regions/accounts/invitation_subject.txt", context)
        body = render_to_string("regions/accounts/invitation.txt", context)
    send_mail(" ".join(subject.split()), body, None, [account.email])
