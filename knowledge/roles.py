"""The knowledge app's part of `manage.py setup_roles` (hook `regions.hooks.SETUP_ROLES`).

- "Landelijke redactie": every model permission of this app; approves what coordinators submit
  to the Kennisbank (workflow "Kennisbank").
- "Coördinator <regio>": may add (not publish) Kennisbank articles.
- The private network area is visible to "Netwerk coördinatoren" and the national editors only;
  the coordinators write posts and replies there (add and publish: they edit their own pages, the
  national editors every page).
"""

from wagtail.models import PageViewRestriction

from regions.roles import NATIONAL_EDITORS, NETWORK

from .models import KnowledgeIndexPage, NetworkPage

KNOWLEDGE_WORKFLOW = "Kennisbank"
KNOWLEDGE_TASK = "Akkoord landelijke redactie"
NETWORK_PAGE_ACTIONS = ["add", "publish"]


def setup_knowledge_roles(setup, region_roles):
    """The rights, workflow and view restriction above, with the building blocks of `setup`."""
    national = setup.group(NATIONAL_EDITORS)
    setup.app_permissions(national, ["knowledge"])
    knowledge_indexes = list(KnowledgeIndexPage.objects.all())
    setup.attach(setup.workflow(KNOWLEDGE_WORKFLOW, KNOWLEDGE_TASK, national), knowledge_indexes)
    for roles in region_roles:
        for page in knowledge_indexes:
            setup.page_permission(roles.coordinators, page, "add")
    network = setup.group(NETWORK)
    restrict_network_area(setup, [network, national])
    for page in network_sections():
        for action in NETWORK_PAGE_ACTIONS:
            setup.page_permission(network, page, action)


def network_sections():
    """The top pages of the network area (a NetworkPage not under another one)."""
    return [page for page in NetworkPage.objects.all() if page.get_parent().specific_class is not NetworkPage]


def restrict_network_area(setup, groups):
    """The network area: from 'signed-in users' to `groups`."""
    for page in network_sections():
        restriction = PageViewRestriction.objects.filter(page=page).first()
        if restriction is None:
            restriction = PageViewRestriction(page=page)
        if restriction.restriction_type != PageViewRestriction.GROUPS:
            restriction.restriction_type = PageViewRestriction.GROUPS
            restriction.save()
            setup.counts["afgeschermde pagina's"] += 1
        missing = [group for group in groups if group not in restriction.groups.all()]
        restriction.groups.add(*missing)
