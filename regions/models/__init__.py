from .accounts import RegionalAccount
from .pages import RegionIndexPage, RegionPage
from .people import RegionCoordinator, SteeringGroupMember
from .photo import (
    Bottleneck,
    ConsultationTable,
    Development,
    Partner,
    Project,
    RegionalPhotoPage,
    RegionalPlan,
)
from .plans import (
    AnnualPlanAction,
    AnnualPlanGoal,
    AnnualPlanPage,
    AnnualPlanStatus,
    ProgressUpdate,
    annual_plan_status,
    annual_plan_statuses,
)
from .reference import Municipality, Region, SchoolType
from .roles import RegionRoles, regions_coordinated_by
from .schools import School

__all__ = [
    "AnnualPlanAction",
    "AnnualPlanGoal",
    "AnnualPlanPage",
    "AnnualPlanStatus",
    "Bottleneck",
    "ConsultationTable",
    "Development",
    "Municipality",
    "Partner",
    "ProgressUpdate",
    "Project",
    "Region",
    "RegionIndexPage",
    "RegionCoordinator",
    "RegionPage",
    "RegionRoles",
    "RegionalAccount",
    "RegionalPhotoPage",
    "RegionalPlan",
    "School",
    "SchoolType",
    "SteeringGroupMember",
    "annual_plan_status",
    "annual_plan_statuses",
    "regions_coordinated_by",
]
