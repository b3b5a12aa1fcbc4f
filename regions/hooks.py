"""The hooks of the regions app (see `core.hooks`).

- `SETUP_ROLES`: fn(setup, region_roles) adds an app's part to `manage.py setup_roles`, once the
  groups are made. `setup` is the running `regions.roles.RoleSetup`: its building blocks (group,
  model_permissions, app_permissions, page_permission, workflow, attach) are idempotent and count
  what they add in `setup.counts`. `region_roles` holds the `RegionRoles` of every region (its
  coordinator and steering groups).
"""

SETUP_ROLES = "setup_roles"
