"""Who may see and manage whom: the rules every area applies to a signed-in account.

An admin manages every team; an instructor only the teams assigned to them; a member sees
only their own records. Reading and listening never need an account.
"""

from __future__ import annotations

from trainer.models import Role, Team, User


def manages(user: User, team: Team | int) -> bool:
    """True when user may manage the team: an admin always, an instructor if assigned."""
    if not user.is_authenticated:
        return False
    if user.role == Role.ADMIN:
        return True
    team_id = team if isinstance(team, int) else team.id
    return user.role == Role.INSTRUCTOR and any(t.id == team_id for t in user.managed_teams)


def may_see(viewer: User, member: User) -> bool:
    """A member sees only themself; instructors their teams' members; admins everyone."""
    if viewer.id == member.id or viewer.role == Role.ADMIN:
        return True
    return member.team_id is not None and manages(viewer, member.team_id)
