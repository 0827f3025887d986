import stat

import pytest

from trainer.services.certification import signing_keys
from trainer.services.certification.signing_keys import KeyProblem


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_private_key_is_readable_by_its_owner_only(tmp_path):
    pair = signing_keys.make_keys(tmp_path)

    assert mode(pair.private) == 0o600
    assert mode(pair.public) == 0o644
    assert pair.private.parent == tmp_path / "keys"


def test_a_second_pair_is_refused_unless_asked_to_replace(tmp_path):
    first = signing_keys.make_keys(tmp_path)

    with pytest.raises(KeyProblem, match="--replace"):
        signing_keys.make_keys(tmp_path)

    assert signing_keys.fingerprint(signing_keys.public_keys(tmp_path)[0]) == first.fingerprint


def test_a_replaced_public_key_is_kept_so_old_certificates_still_verify(tmp_path):
    first = signing_keys.make_keys(tmp_path)

    second = signing_keys.make_keys(tmp_path, replace=True)

    shown = [signing_keys.fingerprint(key) for key in signing_keys.public_keys(tmp_path)]
    assert shown == [second.fingerprint, first.fingerprint]
    assert second.retired.exists()


def test_the_public_key_reads_from_its_file_or_from_the_private_key(tmp_path):
    pair = signing_keys.make_keys(tmp_path)

    from_public = signing_keys.read_public_key(pair.public)
    from_private = signing_keys.read_public_key(pair.private)

    assert signing_keys.fingerprint(from_public) == signing_keys.fingerprint(from_private)


def test_a_file_that_is_not_a_key_is_reported(tmp_path):
    (tmp_path / "khoa.pem").write_text("không phải khóa")

    with pytest.raises(KeyProblem, match="khoa.pem"):
        signing_keys.read_public_key(tmp_path / "khoa.pem")


def test_no_key_before_trainer_keys_ran(tmp_path):
    assert signing_keys.signing_key(tmp_path) is None
    assert signing_keys.public_keys(tmp_path) == []
