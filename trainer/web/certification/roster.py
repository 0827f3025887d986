"""The instructor's view: a team's members × topics grid, a member's attempts, missed items,
and how each quiz item behaves across every attempt (item statistics).

The list of teams (`/giang-vien/`) is the teams page of `members/teams.py`.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from trainer.extensions import db
from trainer.models import User
from trainer.services.certification import attempts, item_stats, member_standing, missed_items
from trainer.services.common import clock
from trainer.services.field import visits
from trainer.services.members import people
from trainer.services.members.access import may_see
from trainer.services.reports.quarter import Quarter
from trainer.web.certification.standing import lessons_by_topic
from trainer.web.core.access import current_user, instructor_required, managed_team_or_404
from trainer.web.core.catalog import current_catalog

bp = Blueprint("roster", __name__, url_prefix="/giang-vien")


@bp.get("/to/<int:team_id>")
@instructor_required
def team(team_id: int):
    found = managed_team_or_404(team_id)
    catalog = current_catalog()
    members = people.approved_members(db.session, found.id)
    ids = [member.id for member in members]
    grid = member_standing.standings(db.session, ids, lessons_by_topic())
    quarter = Quarter.of(clock.now())
    visited = visits.counts_by_member(db.session, ids, quarter.first_day, quarter.next.first_day)
    missed = {
        topic.slug: missed_items.most_missed(db.session, ids, catalog.quizzes[topic.slug])
        for topic in catalog.topics
        if topic.slug in catalog.quizzes
    }
    return render_template(
        "roster/team.html",
        team=found,
        topics=catalog.topics,
        members=members,
        grid=grid,
        missed=missed,
        labels=member_standing.LABELS,
        quarter=quarter,
        visited=visited,
    )


@bp.get("/thanh-vien/<int:user_id>")
@instructor_required
def member(user_id: int):
    found = db.session.get(User, user_id)
    if found is None or found.id == current_user.id or not may_see(current_user, found):
        abort(404)
    catalog = current_catalog()
    rows = [
        (catalog.topic(s.topic), s)
        for s in member_standing.standing_of(db.session, found.id, lessons_by_topic())
    ]
    return render_template(
        "roster/member.html",
        member=found,
        rows=rows,
        history=attempts.history(db.session, found.id),
        titles={topic.slug: topic.title() for topic in catalog.topics},
    )


@bp.get("/cau-hoi")
@instructor_required
def items():
    """Per topic, each item's attempts, share right, discrimination and warnings."""
    catalog = current_catalog()
    chosen = request.args.get("chu-de") or None
    if chosen is not None and chosen not in catalog.quizzes:
        abort(404)
    found = item_stats.collect(db.session, chosen)
    topics = [t for t in catalog.topics if t.slug in catalog.quizzes and chosen in (None, t.slug)]
    return render_template(
        "roster/items.html",
        topics=topics,
        chosen=chosen,
        rows={
            topic.slug: _item_rows(catalog.quizzes[topic.slug], found.get(topic.slug, {}))
            for topic in topics
        },
        min_seen=item_stats.MIN_SEEN,
    )


def _item_rows(quiz, stats: dict) -> list[tuple]:
    """(item text, or None for a retired item; its id; its statistics; its warnings in words)
    in the bank's order, retired items last."""
    ids = [item.id for item in quiz.items if item.id in stats]
    ids += sorted(set(stats) - set(ids))
    texts = {item.id: item.text for item in quiz.items}
    return [
        (
            texts.get(item_id),
            item_id,
            stats[item_id],
            "; ".join(item_stats.FLAGS[flag] for flag in stats[item_id].flags),
        )
        for item_id in ids
    ]
