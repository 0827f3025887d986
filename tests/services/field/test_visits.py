from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock, open_database
from tests.services.visit_entries import TOPICS, certify, content_outcomes, entry
from trainer.models import Visit
from trainer.services.field import villages, visits
from trainer.services.field.visit_entry import VisitError

KEY = "6f1c1a0e-5b7d-4f43-9d8e-2b8f0c3a9e11"
NOW = datetime(2026, 11, 12, 3, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path):
    with open_database(tmp_path / "trainer.sqlite")() as session:
        yield session


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch, NOW)


@pytest.fixture
def village(db):
    team = make_team(db)
    return villages.add_village(db, team.id, "Bản Che Căn")


@pytest.fixture
def member(db, village):
    member = make_user(db, "Lò Văn Minh", team=village.team)
    certify(db, member, at=datetime(2026, 6, 1, tzinfo=UTC))
    return member


def record(db, member, place, **changes):
    return visits.record(db, member.id, entry(place, **changes), content_outcomes(), TOPICS)


def test_a_certified_member_logs_a_visit_with_counts_and_outcomes(db, clock, member, village):
    visit = record(db, member, village)

    stored = db.scalars(sa.select(Visit)).one()
    assert stored.id == visit.id
    assert (stored.visited_on, stored.residents, stored.households) == (date(2026, 11, 10), 3, 2)
    assert (stored.topics, stored.outcomes) == (["an-toan"], {"mat-khau-an-toan": 2})


def test_the_same_entry_sent_twice_with_its_key_is_stored_once(db, clock, member, village):
    first = record(db, member, village, client_key=KEY)

    again = record(db, member, village, client_key=KEY)

    assert again.id == first.id
    assert db.scalar(sa.select(sa.func.count()).select_from(Visit)) == 1


def test_a_member_cannot_log_a_topic_they_hold_no_certificate_for(db, clock, member, village):
    with pytest.raises(VisitError) as refused:
        record(db, member, village, topics=("an-toan", "nong-nghiep"), outcomes={})

    assert "“Nông nghiệp”" in refused.value.errors["topics"]
    assert db.scalar(sa.select(sa.func.count()).select_from(Visit)) == 0


def test_a_visit_before_the_certificate_was_issued_is_refused(db, clock, village):
    member = make_user(db, team=village.team)
    certify(db, member, at=datetime(2026, 11, 11, 2, 0, tzinfo=UTC))

    with pytest.raises(VisitError) as refused:
        record(db, member, village, visited_on="2026-11-10")

    assert "giấy chứng nhận còn hiệu lực" in refused.value.errors["topics"]


def test_a_revoked_certificate_clears_nobody_to_guide(db, clock, village):
    member = make_user(db, team=village.team)
    certify(db, member, at=datetime(2026, 6, 1, tzinfo=UTC), revoked_at=NOW)

    assert visits.cleared_topics(db, member.id, TOPICS) == []


def test_a_village_of_another_team_is_refused(db, clock, member):
    other = villages.add_village(db, make_team(db, "Tổ khác", "Xã khác").id, "Bản Khác")

    with pytest.raises(VisitError) as refused:
        record(db, member, other)

    assert set(refused.value.errors) == {"village"}


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("residents", "0912345678"),
        ("residents", "0912 345 678"),
        ("households", "001234567890"),
        ("village", "+84912345678"),
        ("visited_on", "079 123 456 789"),
    ],
)
def test_no_field_takes_a_phone_or_id_number(db, clock, member, village, field, typed):
    with pytest.raises(VisitError) as refused:
        record(db, member, village, **{field: typed})

    assert "Nhật ký không ghi" in refused.value.errors[field]


def test_an_id_number_typed_as_an_outcome_count_is_refused(db, clock, member, village):
    with pytest.raises(VisitError) as refused:
        record(db, member, village, outcomes={"mat-khau-an-toan": "001234567890"})

    assert "căn cước" in refused.value.errors["outcomes"]


def test_a_phone_number_sent_as_the_client_key_is_never_kept(db, clock, member, village):
    visit = record(db, member, village, client_key="0912345678")

    assert visit.client_key != "0912345678" and len(visit.client_key) == 36


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"households": "4"}, "households"),
        ({"residents": "0"}, "residents"),
        ({"visited_on": "2026-11-13"}, "visited_on"),
        ({"visited_on": "2026-09-01"}, "visited_on"),
        ({"topics": ()}, "topics"),
        ({"outcomes": {"mat-khau-an-toan": "4"}}, "outcomes"),
        ({"outcomes": {"khong-co": "1"}}, "outcomes"),
        ({"outcomes": {"gia-dinh-so": "3"}}, "outcomes"),
    ],
)
def test_impossible_counts_and_days_are_refused_by_field(
    db, clock, member, village, changes, field
):
    with pytest.raises(VisitError) as refused:
        record(db, member, village, **changes)

    assert field in refused.value.errors


def test_a_member_changes_their_entry_within_seven_days(db, clock, member, village):
    visit = record(db, member, village)
    clock.forward(days=6)

    visits.update(
        db, member.id, visit.id, entry(village, residents="5"), content_outcomes(), TOPICS
    )

    assert db.get(Visit, visit.id).residents == 5


def test_an_entry_older_than_seven_days_can_no_longer_be_changed(db, clock, member, village):
    visit = record(db, member, village)
    clock.forward(days=8)

    with pytest.raises(VisitError) as refused:
        visits.update(
            db,
            member.id,
            visit.id,
            entry(village, visited_on="2026-11-15"),
            content_outcomes(),
            TOPICS,
        )

    assert "7 ngày" in refused.value.errors["visit"]


def test_a_member_cannot_change_another_members_entry(db, clock, member, village):
    visit = record(db, member, village)
    other = make_user(db, team=village.team)

    with pytest.raises(VisitError):
        visits.update(db, other.id, visit.id, entry(village), content_outcomes(), TOPICS)


def test_visits_are_counted_per_member_in_a_date_range(db, clock, member, village):
    record(db, member, village, visited_on="2026-11-10")
    record(db, member, village, visited_on="2026-11-11")

    counts = visits.counts_by_member(db, [member.id], date(2026, 10, 1), date(2027, 1, 1))

    assert counts == {member.id: 2}
