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
    annual_plan_status,
    annual_plan_statuses,
)
from .progress import ActionProgress, ProgressReportPage
from .reference import Municipality, Region, SchoolType
from .roles import RegionRoles, regions_coordinated_by
from .schools import School
from .submissions import SchoolContact, SchoolSubmission, SubmissionStatus

__all__ = [
    "ActionProgress",
    "AnnualPlanAction",
    "AnnualPlanGoal",
    "AnnualPlanPage",
    "AnnualPlanStatus",
    "Bottleneck",
    "ConsultationTable",
    "Development",
    "Municipality",
    "Partner",
    "ProgressReportPage",
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
    "SchoolContact",
    "SchoolSubmission",
    "SchoolType",
    "SteeringGroupMember",
    "SubmissionStatus",
    "annual_plan_status",
    "annual_plan_statuses",
    "regions_coordinated_by",
]
