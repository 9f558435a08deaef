"""Record, version and entry ids: new ones are UUIDv7 (time-ordered), and UUID4 ids of older stores and
bundles stay valid everywhere an id is checked."""

from __future__ import annotations

import os
import threading
import time
import uuid

from app.bundles.format import RECORD_NAME, UUID_RE
from app.bundles.manifest import _is_uuid
from app.models.tables import new_id


def test_new_ids_are_uuid7_in_the_order_they_were_made() -> None:
    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 7 and uuid.UUID(i).variant == uuid.RFC_4122 for i in ids)
    assert ids == sorted(ids)  # text order is creation order: index inserts append


def test_uuid4_and_uuid7_ids_both_pass_the_bundle_checks() -> None:
    for made in (str(uuid.uuid4()), new_id()):
        assert _is_uuid(made) and UUID_RE.match(made) and RECORD_NAME.match(f"records/{made}.json")
    assert not _is_uuid(new_id().upper()) and not _is_uuid(new_id()[:-1])  # still strict about the text


def test_ids_made_in_the_same_minute_have_different_short_forms_and_are_found_by_them() -> None:
    from app.base.ids import id_matches, short_id

    ids = [new_id() for _ in range(500)]  # within milliseconds: their first eight characters are the same
    assert len({i[:8] for i in ids}) == 1
    assert len({short_id(i) for i in ids}) == len(ids)
    assert all(id_matches(i, short_id(i)) and id_matches(i, i[:13]) and id_matches(i, i) for i in ids)
    assert not id_matches(ids[0], short_id(ids[1])) and not id_matches(ids[0], "")
    old = str(uuid.uuid4())  # a random id of an older store keeps its first eight
    assert short_id(old) == old[:8] and id_matches(old, old[:8])


def test_new_ids_are_rfc_9562_text_stamped_with_the_time_they_were_made() -> None:
    before = time.time_ns() // 1_000_000
    made = new_id()
    parsed = uuid.UUID(made)
    assert str(parsed) == made and parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert parsed.int >> 80 >= before  # (later when ids are made faster than one a millisecond)


def test_ids_made_by_several_threads_at_once_are_all_different_and_each_threads_in_order() -> None:
    made: dict[int, list[str]] = {}

    def make(k: int) -> None:
        made[k] = [new_id() for _ in range(2000)]

    threads = [threading.Thread(target=make, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [i for ids in made.values() for i in ids]
    assert len(set(every)) == len(every) == 8000
    assert all(ids == sorted(ids) for ids in made.values())


def test_a_forked_process_does_not_repeat_its_parents_random_bits() -> None:
    new_id()  # the parent has random bytes read ahead
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe and leaves at once
        os.write(writer, " ".join(new_id()[-17:] for _ in range(20)).encode())
        os._exit(0)
    os.close(writer)
    os.waitpid(child, 0)
    with os.fdopen(reader) as pipe:
        childs = set(pipe.read().split())
    parents = {new_id()[-17:] for _ in range(20)}
    assert len(childs) == 20 and not childs & parents
