"""The tree walkers that prepare Asterisk's folders: a prompt pack written before Asterisk's folders were prepared
gets the shared group (so Asterisk can read it), and a rootfs's ids are mapped, never following a link out."""

from __future__ import annotations

import os
import stat

import pytest

from appliance.telephony import asterisk_host as host

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's group to another needs root")
OTHER_ID = 65534  # nobody / nogroup


@pytest.fixture
def tree(tmp_path):
    top = tmp_path / "prompts"
    (top / "ko").mkdir(parents=True)
    (top / "ko" / "greeting.wav").write_bytes(b"RIFF")
    outside = tmp_path / "outside.txt"
    outside.write_text("not in the tree")
    (top / "ko" / "link").symlink_to(outside)
    os.chmod(top / "ko", 0o700)
    return top, outside


def test_shared_group_is_given_to_the_whole_tree_with_setgid_folders(tree):
    top, outside = tree
    host.share_tree_with_group(top, OTHER_ID)
    for path in (top, top / "ko", top / "ko" / "greeting.wav", top / "ko" / "link"):
        assert os.lstat(path).st_gid == OTHER_ID, path
    mode = os.stat(top / "ko").st_mode
    assert mode & stat.S_ISGID and mode & stat.S_IXGRP  # new files inherit the group; the group can enter
    assert os.stat(outside).st_gid != OTHER_ID  # the link itself changed, not what it points to


def test_ids_are_mapped_and_others_kept(tree):
    top, outside = tree
    os.lchown(top / "ko" / "greeting.wav", 0, OTHER_ID)
    host.chown_tree_ids(top, {0: OTHER_ID}, {})
    assert os.lstat(top / "ko" / "greeting.wav").st_uid == OTHER_ID
    assert os.lstat(top / "ko" / "greeting.wav").st_gid == OTHER_ID  # its group had no mapping: kept
    assert os.lstat(top / "ko").st_uid == OTHER_ID and os.lstat(top / "ko" / "link").st_uid == OTHER_ID
    assert os.stat(outside).st_uid == 0  # never followed out of the tree
    host.chown_tree_ids(top / "missing", {0: OTHER_ID}, {})  # a folder not made yet: nothing to do
