from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TeamKind(models.TextChoices):
    GENERAL = "general", _("Women volunteers (巾帼志愿者)")
    MEDIATION = "mediation", _("Family mediation (家调志愿花, 常阿姐)")
    EXPERT = "expert", _("Expert volunteers (专家志愿者)")
    PSYCHOLOGICAL = "psychological", _("Psychological intervention")
    OBSERVER = "observer", _("Minors' observers (未成年人观察员)")


class Team(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True, help_text=_("e.g. 菱溪社区家调志愿花."))
    kind = models.CharField(_("kind"), max_length=16, choices=TeamKind.choices, default=TeamKind.GENERAL)
    org_unit = models.ForeignKey(
        "home.OrgUnit",
        verbose_name=_("organization unit"),
        on_delete=models.PROTECT,
        related_name="teams",
        help_text=_("The unit the team belongs to; its organizers manage the team."),
    )
    description = models.TextField(_("description"), blank=True, help_text=_("What the team does."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    LEADER = "leader", _("Leader")


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Asked to join")
    ACTIVE = "active", _("Member")
    DECLINED = "declined", _("Request declined")
    LEFT = "left", _("Left")


class TeamMembership(models.Model):
    """A volunteer's place in a team; a join request is a membership waiting for a leader."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="memberships"
    )
    volunteer = models.ForeignKey(
        "volunteers.Volunteer",
        verbose_name=_("volunteer"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(
        _("team role"), max_length=8, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    status = models.CharField(_("status"), max_length=10, choices=MembershipStatus.choices)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    joined_at = models.DateField(_("joined on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["team", "-role", "joined_at", "pk"]
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "volunteer"],
                condition=Q(status__in=["requested", "active"]),
                name="one_open_membership_per_team",
            )
        ]

    def __str__(self):
        return f"{self.volunteer} · {self.team}"
