from .agreement import VolunteerAgreement
from .profiles import Gender, Skill, Volunteer, VolunteerStatus
from .records import (
    Certificate,
    CorrectionRequest,
    CorrectionStatus,
    RecordChange,
    RecordSource,
    RecordStatus,
    ServiceRecord,
)
from .shifts import Opportunity, OpportunityStatus, Role, Shift, ShiftSignup, SignupFlow, SignupStatus
from .teams import MembershipRole, MembershipStatus, Team, TeamKind, TeamMembership

__all__ = [
    "VolunteerAgreement",
    "Certificate",
    "CorrectionRequest",
    "CorrectionStatus",
    "Gender",
    "MembershipRole",
    "MembershipStatus",
    "Opportunity",
    "OpportunityStatus",
    "RecordChange",
    "RecordSource",
    "RecordStatus",
    "Role",
    "ServiceRecord",
    "Shift",
    "ShiftSignup",
    "SignupFlow",
    "SignupStatus",
    "Skill",
    "Team",
    "TeamKind",
    "TeamMembership",
    "Volunteer",
    "VolunteerStatus",
]
